package org.linli.points.ledger;

/** Why an entry was made. Earning reasons count toward daily caps, honour lists and contribution records. */
public enum Reason {
    /** 志愿活动: attendance confirmed by the organiser */
    ACTIVITY(true, "志愿活动"),
    /** 办结诉求: an issue resolved by a party member or volunteer */
    ISSUE_RESOLVED(true, "办结诉求"),
    /** 微心愿: a micro-wish fulfilled by a party member */
    MICRO_WISH(true, "微心愿"),
    /** 兑换: goods redeemed at the points supermarket (a debit) */
    REDEMPTION(false, "积分兑换"),
    /** 退还: a cancelled redemption's points returned (a reversing credit) */
    REFUND(false, "兑换退还"),
    /** 更正: a manual correction by an admin, credit or debit, with a stated reference */
    CORRECTION(false, "更正");

    private final boolean earning;
    private final String label;

    Reason(boolean earning, String label) {
        this.earning = earning;
        this.label = label;
    }

    public boolean earning() {
        return earning;
    }

    public String label() {
        return label;
    }
}

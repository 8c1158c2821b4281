package org.linli.property.trust;

/**
 * What a line of a trust account is for: income (fees collected, public income from the common parts such as
 * parking and advertising) or an expense, each with the label the owners read.
 */
public enum Category {
    PROPERTY_FEES(true, "物业费"),
    PARKING(true, "停车收益"),
    ADVERTISING(true, "广告收益"),
    OTHER_INCOME(true, "其他收入"),
    STAFF(false, "人员费用"),
    CLEANING(false, "保洁"),
    SECURITY(false, "秩序维护"),
    GREENING(false, "绿化养护"),
    REPAIRS(false, "维修养护"),
    UTILITIES(false, "公共能耗"),
    MANAGEMENT_FEE(false, "物业服务酬金"),
    OTHER_EXPENSE(false, "其他支出");

    private final boolean income;
    private final String label;

    Category(boolean income, String label) {
        this.income = income;
        this.label = label;
    }

    public boolean income() {
        return income;
    }

    public String label() {
        return label;
    }
}

package org.linli.org.committee;

import java.time.LocalDate;

/**
 * A major decision of a committee, reported to the community before it takes effect (事前报告).
 *
 * @param id            unique within the committee
 * @param title         what is decided (e.g. 续聘物业服务企业)
 * @param summary       details, may be {@code null}
 * @param reportedOn    the day it was reported (the service's date, not the client's)
 * @param takesEffectOn the day it takes effect
 * @param status        the community's answer so far
 * @param answeredOn    the day the community answered, {@code null} before
 * @param answeredBy    account id of who answered, {@code null} before
 */
public record CommitteeDecision(String id, String title, String summary, LocalDate reportedOn, LocalDate takesEffectOn,
                                DecisionStatus status, LocalDate answeredOn, String answeredBy) {

    CommitteeDecision answered(boolean accepted, LocalDate on, String by) {
        return new CommitteeDecision(id, title, summary, reportedOn, takesEffectOn,
                accepted ? DecisionStatus.ACKNOWLEDGED : DecisionStatus.REJECTED, on, by);
    }
}

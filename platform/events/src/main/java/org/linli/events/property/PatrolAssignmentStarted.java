package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A dual-registration unit (org-service) was assigned to answer for a difficult compound (包保) for a period, with a
 * patrol due at least every {@code everyDays} days: the first {@code everyDays} after {@code startsOn}, each next one
 * {@code everyDays} after the last patrol.
 *
 * @param assignmentId      the assignment
 * @param compoundId        the compound
 * @param compoundName      its name
 * @param communityUnitId   the compound's community (an org unit)
 * @param communityPath     that community's path
 * @param unitId            the dual-registration unit answering for it
 * @param startsOn          first day of the assignment
 * @param endsOn            last day of the assignment
 * @param everyDays         the patrol frequency in days (1 to 92)
 */
public record PatrolAssignmentStarted(String assignmentId, String compoundId, String compoundName,
                                      String communityUnitId, String communityPath, String unitId, LocalDate startsOn,
                                      LocalDate endsOn, int everyDays) implements DomainEvent {

    public PatrolAssignmentStarted {
        Contracts.required(assignmentId, "assignmentId");
        Contracts.required(unitId, "unitId");
    }
}

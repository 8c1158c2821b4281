package org.linli.events.property;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A patrol (巡查) of a 包保 assignment was recorded. Carries no people and no free text (the patrollers' names and the
 * findings stay in property-service): only whether problems were found.
 *
 * @param assignmentId  the assignment
 * @param unitId        the dual-registration unit answering for the compound
 * @param compoundId    the compound
 * @param patrolNumber  1 for the assignment's first recorded patrol, 2 for the next…: with the assignment, a key
 *                      that identifies the patrol whatever the event id
 * @param patrolledOn   the day of the patrol
 * @param problemsFound whether the patrol found problems
 */
public record PatrolRecorded(String assignmentId, String unitId, String compoundId, int patrolNumber,
                             LocalDate patrolledOn, boolean problemsFound) implements DomainEvent {

    public PatrolRecorded {
        Contracts.required(assignmentId, "assignmentId");
        Contracts.required(unitId, "unitId");
    }
}

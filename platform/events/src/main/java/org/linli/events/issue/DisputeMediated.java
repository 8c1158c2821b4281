package org.linli.events.issue;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A dispute (矛盾纠纷) was settled by mediation first (前置调解): it counts as a success for the worker and the grid. No
 * party names, phones or agreement text.
 *
 * @param disputeId       id of the dispute
 * @param kind            its kind, e.g. {@code NEIGHBOUR}
 * @param gridId          the grid it arose in ({@code null} when the place lay in none)
 * @param communityUnitId its community (org unit)
 * @param workerAccountId the account of the worker who mediated it
 * @param sessions        mediation sessions held before the agreement
 * @param agreedOn        the day the parties agreed
 */
public record DisputeMediated(String disputeId, String kind, String gridId, String communityUnitId,
                              String workerAccountId, int sessions, LocalDate agreedOn) implements DomainEvent {

    public DisputeMediated {
        Contracts.required(disputeId, "disputeId");
    }
}

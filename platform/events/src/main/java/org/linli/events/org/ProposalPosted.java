package org.linli.events.org;

import java.time.Instant;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * 三议一示: a proposal's decision was posted (结果公示) in its area, where it is public from now on. Does not name the
 * resident who proposed it.
 *
 * @param proposalId   id of the proposal
 * @param unitId       the area (org unit) it is posted in
 * @param title        its title, as posted
 * @param adopted      whether the branch adopted it
 * @param postedFrom   when the posting began
 * @param postedUntil  when it ends
 */
public record ProposalPosted(String proposalId, String unitId, String title, boolean adopted, Instant postedFrom,
                             Instant postedUntil) implements DomainEvent {

    public ProposalPosted {
        Contracts.required(proposalId, "proposalId");
        Contracts.required(unitId, "unitId");
    }
}

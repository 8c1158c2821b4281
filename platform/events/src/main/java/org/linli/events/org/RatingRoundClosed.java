package org.linli.events.org;

import java.time.LocalDate;
import java.util.List;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A branch rating round (支部好不好，群众说了算) was closed: its results are final and public. Counts only, per branch;
 * never who rated or what they wrote.
 *
 * @param roundId  id of the round
 * @param unitId   the street or community (org unit) it was opened for
 * @param startsOn first day of its period
 * @param endsOn   last day of its period
 * @param branches every branch rated in the round (org unit ids) with its counts
 */
public record RatingRoundClosed(String roundId, String unitId, LocalDate startsOn, LocalDate endsOn,
                                List<BranchCounts> branches) implements DomainEvent {

    public RatingRoundClosed {
        Contracts.required(roundId, "roundId");
        Contracts.required(unitId, "unitId");
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /**
     * One branch's responses in the round.
     *
     * @param branchId           the party branch (org unit id)
     * @param responses          ratings given
     * @param satisfied          of which 满意
     * @param basicallySatisfied of which 基本满意
     * @param dissatisfied       of which 不满意
     */
    public record BranchCounts(String branchId, long responses, long satisfied, long basicallySatisfied,
                               long dissatisfied) {
    }
}

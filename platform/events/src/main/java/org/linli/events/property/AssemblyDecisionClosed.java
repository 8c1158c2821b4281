package org.linli.events.property;

import java.time.Instant;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An owners' assembly vote (业主共同决定, Civil Code art. 278) closed and was decided by the law: the quorum (owners
 * holding ≥ 2/3 of the exclusive area and ≥ 2/3 of the owners took part), then ≥ 3/4 (items 6–8) or more than half
 * (the other items) of the participating area and owners agreed. Areas in square centimetres; owners counted by
 * the headcount rule (one buyer's units count once, the developer's unsold units once).
 *
 * @param decisionId          the decision
 * @param compoundId          the compound whose owners voted
 * @param matterItem          the matter's item in article 278 para. 1, 1 to 9
 * @param matter              the matter's code, e.g. {@code PROPERTY_COMPANY}
 * @param verdict             PASSED, FAILED_QUORUM or FAILED_MAJORITY
 * @param companyAction       for item 4: DISMISS or SELECT; null otherwise
 * @param companyId           for item 4: the company dismissed or selected; null otherwise
 * @param totalOwners         owners on the register
 * @param totalAreaCm2        exclusive area on the register
 * @param participatingOwners owners who voted (agree, against or abstain)
 * @param participatingAreaCm2 their area
 * @param agreeingOwners      owners who agreed
 * @param agreeingAreaCm2     their area
 * @param closedAt            when the vote closed
 */
public record AssemblyDecisionClosed(String decisionId, String compoundId, int matterItem, String matter, String verdict,
                                     String companyAction, String companyId, long totalOwners, long totalAreaCm2,
                                     long participatingOwners, long participatingAreaCm2, long agreeingOwners,
                                     long agreeingAreaCm2, Instant closedAt) implements DomainEvent {

    public AssemblyDecisionClosed {
        Contracts.required(decisionId, "decisionId");
        Contracts.required(compoundId, "compoundId");
        Contracts.required(verdict, "verdict");
    }
}

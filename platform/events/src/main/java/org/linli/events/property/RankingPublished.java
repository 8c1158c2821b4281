package org.linli.events.property;

import java.util.List;
import org.linli.events.DomainEvent;

/**
 * A monthly ranking of property companies was published for a county or street (an immutable snapshot).
 *
 * @param rankingId id of the snapshot
 * @param scopeUnitId the county or street (org unit)
 * @param month the month ranked, yyyy-MM
 * @param companyCount companies ranked
 * @param bottomCompanyIds companies in the bottom band
 */
public record RankingPublished(String rankingId, String scopeUnitId, String month, int companyCount,
                               List<String> bottomCompanyIds) implements DomainEvent {
}

package org.linli.events.org;

import java.util.List;
import org.linli.events.DomainEvent;

/** The grids, compounds and property companies an org unit serves changed (ids owned by other services). */
public record OrgUnitLinksChanged(String unitId, String path, List<String> gridIds, List<String> compoundIds,
                                  List<String> propertyCompanyIds) implements DomainEvent {
}

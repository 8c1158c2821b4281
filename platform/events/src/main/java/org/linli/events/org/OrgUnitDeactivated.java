package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/** An org unit was deactivated (it had no active children and no members left). */
public record OrgUnitDeactivated(String unitId, String path) implements DomainEvent {

    public OrgUnitDeactivated {
        Contracts.required(unitId, "unitId");
        Contracts.required(path, "path");
    }
}

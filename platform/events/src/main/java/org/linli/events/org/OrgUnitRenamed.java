package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/** An org unit got a new name. */
public record OrgUnitRenamed(String unitId, String name, String path) implements DomainEvent {

    public OrgUnitRenamed {
        Contracts.required(unitId, "unitId");
        Contracts.required(path, "path");
    }
}

package org.linli.events.org;

import org.linli.events.DomainEvent;

/** An org unit got a new name. */
public record OrgUnitRenamed(String unitId, String name, String path) implements DomainEvent {
}

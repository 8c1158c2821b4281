package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An org unit moved under another parent, with its whole subtree: every path that starts with
 * {@code oldPath} now starts with {@code newPath} instead (read copies rewrite that prefix).
 */
public record OrgUnitMoved(String unitId, String oldParentId, String newParentId, String oldPath, String newPath)
        implements DomainEvent {

    public OrgUnitMoved {
        Contracts.required(unitId, "unitId");
        Contracts.required(oldPath, "oldPath");
        Contracts.required(newPath, "newPath");
    }
}

package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An org unit (party organisation: street committee, community committee, grid branch, …) was created.
 *
 * @param unitId     id of the new unit
 * @param unitType   its type, e.g. {@code COMMUNITY_COMMITTEE}
 * @param name       display name, e.g. 檀溪社区党委
 * @param parentId   id of the parent unit, {@code null} for a root
 * @param path       ids from the root down to this unit, {@code /root/…/unitId/}
 * @param templateId the hierarchy template of its region ({@code FIVE_LEVEL}, …); added in v1, may be absent in old records
 */
public record OrgUnitCreated(String unitId, String unitType, String name, String parentId, String path,
                             String templateId) implements DomainEvent {

    public OrgUnitCreated {
        Contracts.required(unitId, "unitId");
        Contracts.required(unitType, "unitType");
        Contracts.required(path, "path");
    }
}

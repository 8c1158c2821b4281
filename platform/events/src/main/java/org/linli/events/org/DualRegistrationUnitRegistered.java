package org.linli.events.org;

import java.util.List;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A county department or other city unit was registered as a dual-registration unit (双报到单位). property-service
 * keeps a copy so it can assign the unit to a difficult compound (包保).
 *
 * @param unitId             id of the dual-registration unit (not an org unit)
 * @param name               its name, e.g. 县住房和城乡建设局
 * @param pairedCommunityIds the communities (org unit ids) it is paired with
 */
public record DualRegistrationUnitRegistered(String unitId, String name, List<String> pairedCommunityIds)
        implements DomainEvent {

    public DualRegistrationUnitRegistered {
        Contracts.required(unitId, "unitId");
        Contracts.required(name, "name");
        pairedCommunityIds = pairedCommunityIds == null ? List.of() : List.copyOf(pairedCommunityIds);
    }
}

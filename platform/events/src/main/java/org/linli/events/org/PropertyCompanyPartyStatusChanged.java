package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * How a property company is covered by the party organisation changed: its own branch (单独建),
 * a joint branch (联合建), an attached branch (挂靠建), an appointed instructor (党建指导员), or none.
 *
 * @param companyId    property-service's company id
 * @param companyName  for display
 * @param mode         OWN_BRANCH, JOINT_BRANCH, ATTACHED_BRANCH, INSTRUCTOR or NONE
 * @param branchUnitId the branch org unit, for the branch modes
 * @param unitId       the org unit (community or street) the status is registered under
 */
public record PropertyCompanyPartyStatusChanged(String companyId, String companyName, String mode, String branchUnitId,
                                                String unitId) implements DomainEvent {

    public PropertyCompanyPartyStatusChanged {
        Contracts.required(companyId, "companyId");
    }
}

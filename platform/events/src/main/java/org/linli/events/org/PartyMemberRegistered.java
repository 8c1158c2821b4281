package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A party member was registered with a party organisation. Carries no identity-card number and no
 * phone number: personal data stays in org-service.
 *
 * @param memberId             id of the member
 * @param name                 the member's name (shown on the public board anyway)
 * @param kind                 {@code RESIDENT} (住户党员) or {@code IN_SERVICE} (在职党员, registered at the residence community)
 * @param branchId             the org unit (usually a grid branch) the member belongs to
 * @param unitPath             that unit's path, {@code /root/…/branchId/}
 * @param residenceCommunityId the community an in-service member registered at (双报到), {@code null} for a resident member
 * @param accountId            the member's Linli login account, {@code null} when the member has none (yet); other
 *                             services credit and find the member by it
 */
public record PartyMemberRegistered(String memberId, String name, String kind, String branchId, String unitPath,
                                    String residenceCommunityId, String accountId) implements DomainEvent {

    public PartyMemberRegistered {
        Contracts.required(memberId, "memberId");
        Contracts.required(unitPath, "unitPath");
    }
}

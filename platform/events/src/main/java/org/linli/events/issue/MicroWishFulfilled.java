package org.linli.events.issue;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A micro-wish (微心愿) was fulfilled and confirmed by the resident.
 *
 * @param wishId id of the wish
 * @param claimantKind PARTY_MEMBER or DUAL_REGISTRATION_UNIT
 * @param claimantId account id of the member, or the dual-registration unit's id in org-service
 *                   ({@code /api/v1/dual-registration/units/{id}}), where the wish is then recorded
 * @param communityUnitId community
 */
public record MicroWishFulfilled(String wishId, String claimantKind, String claimantId, String communityUnitId) implements DomainEvent {

    public MicroWishFulfilled {
        Contracts.required(wishId, "wishId");
    }
}

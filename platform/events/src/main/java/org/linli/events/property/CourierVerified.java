package org.linli.events.property;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A courier's or rider's registration (智慧暖新) was verified by the community; the property companies of the compounds
 * in its area are asked to grant access. No name or phone.
 *
 * @param registrationId id of the registration
 * @param accountId      the courier's own account ({@code null} when staff registered someone without one)
 * @param kind           {@code COURIER}, {@code FOOD_RIDER} or {@code INSTANT_DELIVERY}
 * @param company        the company they work for, e.g. 顺丰速运
 * @param areaUnitId     the community or street (org unit) they work in
 */
public record CourierVerified(String registrationId, String accountId, String kind, String company,
                              String areaUnitId) implements DomainEvent {

    public CourierVerified {
        Contracts.required(registrationId, "registrationId");
        Contracts.required(areaUnitId, "areaUnitId");
    }
}

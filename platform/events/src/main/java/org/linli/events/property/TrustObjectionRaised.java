package org.linli.events.property;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An owner objected to a line of the compound's trust-based property account; it stays open until the
 * company or the committee answers it on the record. A street or county supervision system (the
 * three-party supervision of 信托制物业) follows open objections from this event.
 *
 * @param objectionId id of the objection
 * @param compoundId  the compound
 * @param entryId     the line objected to ({@code compoundId:sequence})
 */
public record TrustObjectionRaised(String objectionId, String compoundId, String entryId) implements DomainEvent {

    public TrustObjectionRaised {
        Contracts.required(objectionId, "objectionId");
        Contracts.required(entryId, "entryId");
    }
}

package org.linli.events.org;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An owners' committee was re-elected (换届): its previous term is closed and term {@code termNumber}
 * begins. Same fields as {@link OwnersCommitteeFormed}.
 *
 * @param committeeId      id of the committee
 * @param compoundId       the compound it represents (property-service's id)
 * @param kind             {@code OWNERS_COMMITTEE} or {@code INTERIM_PROPERTY_COMMITTEE}
 * @param communityUnitId  the community party committee (org unit) it belongs to
 * @param termNumber       number of the new term (2 after the first re-election)
 * @param startsOn         first day of the new term
 * @param endsOn           last day of the new term
 * @param memberCount      members of the new term
 * @param partyMemberCount how many of them are party members
 */
public record OwnersCommitteeReElected(String committeeId, String compoundId, String kind, String communityUnitId,
                                      int termNumber, LocalDate startsOn, LocalDate endsOn, int memberCount,
                                      int partyMemberCount) implements DomainEvent {

    public OwnersCommitteeReElected {
        Contracts.required(committeeId, "committeeId");
        Contracts.required(compoundId, "compoundId");
    }
}

package org.linli.events.org;

import java.time.LocalDate;
import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * An owners' committee (业委会) or interim property-management committee (物管会) was formed for a
 * compound, with its first term.
 *
 * @param committeeId      id of the committee
 * @param compoundId       the compound it represents (property-service's id)
 * @param kind             {@code OWNERS_COMMITTEE} or {@code INTERIM_PROPERTY_COMMITTEE}
 * @param communityUnitId  the community party committee (org unit) it belongs to
 * @param termNumber       1 for the first term
 * @param startsOn         first day of the term
 * @param endsOn           last day of the term
 * @param memberCount      members of the term
 * @param partyMemberCount how many of them are party members
 */
public record OwnersCommitteeFormed(String committeeId, String compoundId, String kind, String communityUnitId,
                                   int termNumber, LocalDate startsOn, LocalDate endsOn, int memberCount,
                                   int partyMemberCount) implements DomainEvent {

    public OwnersCommitteeFormed {
        Contracts.required(committeeId, "committeeId");
        Contracts.required(compoundId, "compoundId");
    }
}

package org.linli.events.org;

import org.linli.events.DomainEvent;

/**
 * A party member was linked to a household it looks after (包联).
 *
 * @param memberId    id of the member
 * @param householdId the household (owned by grid-service)
 * @param special     {@code true} for a special-group household (elderly living alone, disabled, hardship…),
 *                    which only a unit leader (单元长) of that building unit holds
 */
public record PartyMemberHouseholdLinked(String memberId, String householdId, boolean special) implements DomainEvent {
}

package org.linli.events.org;

import org.linli.events.DomainEvent;

/** A party member no longer looks after a household (the 包联 link ended). */
public record PartyMemberHouseholdUnlinked(String memberId, String householdId) implements DomainEvent {
}

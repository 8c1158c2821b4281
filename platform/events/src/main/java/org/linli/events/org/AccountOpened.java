package org.linli.events.org;

import org.linli.events.Contracts;
import org.linli.events.DomainEvent;

/**
 * A sign-in account exists: made by an admin, by the first-start bootstrap, or (once, at org-service's start) an
 * account made before this event existed. Lets other services tell a real account id from one nobody holds
 * (points-service answers 404 for an account that was never opened, instead of a balance of 0).
 *
 * @param accountId   the account's id (the {@code sub} of its tokens)
 * @param displayName the name shown for it
 * @param orgUnitId   the org unit whose subtree it acts in; {@code null} for a county-wide account
 */
public record AccountOpened(String accountId, String displayName, String orgUnitId) implements DomainEvent {

    public AccountOpened {
        Contracts.required(accountId, "accountId");
    }
}

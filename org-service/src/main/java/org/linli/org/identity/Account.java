package org.linli.org.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.linli.events.org.AccountOpened;
import org.linli.platform.messaging.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Someone (or another county system) who signs in to Linli: roles and the org unit whose subtree
 * the account acts in ({@code null} unit = county-wide). Repeated wrong passwords lock it for a while.
 * Its existence is published once ({@link AccountOpened}), so other services can tell its id from one nobody holds.
 */
@Document("accounts")
public class Account extends AggregateRoot {

    /** A person signs in with a password; an integration client with client credentials. */
    public enum Kind { PERSON, CLIENT }

    @Id
    private String id;
    @Indexed(unique = true)
    private String username;
    private String displayName;
    private String passwordHash;
    private Kind kind;
    private Set<Role> roles;
    private String orgUnitId;
    @Indexed // the accounts in an admin's subtree
    private String orgUnitPath;
    private String companyId;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant createdAt;
    /** {@link AccountOpened} recorded; {@code false} only for accounts stored before the event existed. */
    private Boolean announced;

    protected Account() {
        // for the mapping layer
    }

    Account(String username, String displayName, String passwordHash, Kind kind, Set<Role> roles,
            String orgUnitId, String orgUnitPath, String companyId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.kind = kind;
        this.roles = EnumSet.copyOf(roles);
        this.orgUnitId = orgUnitId;
        this.orgUnitPath = orgUnitPath;
        this.companyId = companyId;
        this.createdAt = now;
        announce(now);
    }

    /** Records {@link AccountOpened}: at creation, and once for an account stored before the event existed. */
    void announce(Instant now) {
        recordEvent(id, new AccountOpened(id, displayName, orgUnitId), now);
        announced = true;
    }

    boolean announced() {
        return Boolean.TRUE.equals(announced);
    }

    /**
     * Checks a password (or client secret) and keeps count of failures: after {@code policy.maxFailures()}
     * wrong tries in a row the account is locked for {@code policy.lockDuration()}.
     */
    LoginOutcome attempt(String secret, PasswordEncoder encoder, LockoutPolicy policy, Instant now) {
        if (isLocked(now)) {
            return LoginOutcome.LOCKED;
        }
        if (encoder.matches(secret, passwordHash)) {
            failedLogins = 0;
            lockedUntil = null;
            return LoginOutcome.SUCCESS;
        }
        failedLogins++;
        if (failedLogins >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockDuration());
            failedLogins = 0;
            return LoginOutcome.LOCKED;
        }
        return LoginOutcome.WRONG_SECRET;
    }

    /** No failed sign-in counted and no lock: a successful sign-in then changes nothing to store. */
    boolean hasCleanRecord() {
        return failedLogins == 0 && lockedUntil == null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Duration lockRemaining(Instant now) {
        return isLocked(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }

    enum LoginOutcome { SUCCESS, WRONG_SECRET, LOCKED }

    /**
     * @param maxFailures  wrong tries in a row that lock the account
     * @param lockDuration how long it stays locked
     */
    record LockoutPolicy(int maxFailures, Duration lockDuration) {
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Kind kind() {
        return kind;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public String orgUnitId() {
        return orgUnitId;
    }

    public String orgUnitPath() {
        return orgUnitPath;
    }

    /** For PROPERTY_STAFF: the property company (property-service's id) the person works for. */
    String companyId() {
        return companyId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

package org.linli.org.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.linli.events.org.AccountOpened;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Someone (or another county system) who signs in to Linli: roles and the org unit whose subtree
 * the account acts in ({@code null} unit = county-wide). Repeated wrong passwords lock it for a while.
 * Its existence is published once ({@link AccountOpened}), so other services can tell its id from one nobody holds.
 *
 * <p>A password set by someone else (at creation or by a reset) is an initial one: the person changes it before
 * signing in ({@link SignInBarrier#PASSWORD_CHANGE_REQUIRED}). A disabled account cannot sign in. Only hashes of
 * passwords are kept: the current one and the few before it, so a change cannot go back to them.
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
    /** {@code null} (accounts stored before disabling existed) means enabled. */
    private Boolean disabled;
    /** The password was set by someone else and must be changed before the next token. */
    private Boolean passwordChangeRequired;
    /** {@code null} for accounts stored before it was recorded: {@link #createdAt} counts. */
    private Instant passwordChangedAt;
    /** Hashes of the passwords before the current one, newest first. */
    private List<String> previousPasswordHashes;
    /** {@link AccountOpened} recorded; {@code false} only for accounts stored before the event existed. */
    private Boolean announced;

    protected Account() {
        // for the mapping layer
    }

    /**
     * @param initialPassword whether the password was chosen by someone else, so that the person must change it
     *                        before signing in (ignored for {@link Kind#CLIENT}: a county system has no one to ask)
     */
    Account(String username, String displayName, String passwordHash, Kind kind, Set<Role> roles,
            String orgUnitId, String orgUnitPath, String companyId, boolean initialPassword, Instant now) {
        Duties.checkExclusive(roles, orgUnitId);
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.kind = kind;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.orgUnitId = orgUnitId;
        this.orgUnitPath = orgUnitPath;
        this.companyId = companyId;
        this.createdAt = now;
        this.passwordChangedAt = now;
        this.passwordChangeRequired = initialPassword && kind == Kind.PERSON;
        this.previousPasswordHashes = new ArrayList<>();
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

    /** Why a correct password still gets no token. */
    enum SignInBarrier {
        NONE, DISABLED, PASSWORD_CHANGE_REQUIRED, PASSWORD_EXPIRED;

        /** The problem code a refused sign-in answers. */
        String code() {
            return switch (this) {
                case DISABLED -> "account-disabled";
                case PASSWORD_CHANGE_REQUIRED -> "password-change-required";
                case PASSWORD_EXPIRED -> "password-expired";
                case NONE -> throw new IllegalStateException("no barrier");
            };
        }
    }

    /**
     * What stands between a correct password and a token: a disabled account, an initial password not yet
     * changed, or (people only) a password older than the policy's maximum age.
     */
    SignInBarrier barrier(PasswordPolicy policy, Instant now) {
        if (isDisabled()) {
            return SignInBarrier.DISABLED;
        }
        if (kind == Kind.PERSON && Boolean.TRUE.equals(passwordChangeRequired)) {
            return SignInBarrier.PASSWORD_CHANGE_REQUIRED;
        }
        if (kind == Kind.PERSON && policy.expired(passwordChangedAt == null ? createdAt : passwordChangedAt, now)) {
            return SignInBarrier.PASSWORD_EXPIRED;
        }
        return SignInBarrier.NONE;
    }

    /**
     * The holder's own change, after {@link #attempt} accepted the current password: the new one must meet the
     * policy and differ from the last {@code policy.history()} passwords. Clears a forced change and restarts the age.
     */
    void changePassword(String newPassword, PasswordEncoder encoder, PasswordPolicy policy, Instant now) {
        policy.check(newPassword);
        if (encoder.matches(newPassword, passwordHash)
                || history().stream().limit(policy.previousHashesKept()).anyMatch(old -> encoder.matches(newPassword, old))) {
            throw new BusinessRuleViolation("password-reused", "the new password repeats one of the last "
                    + policy.history() + " passwords", policy.history());
        }
        replacePassword(encoder.encode(newPassword), policy, now);
        passwordChangeRequired = false;
    }

    /** An administrator sets a new initial password (the holder forgot theirs): it must be changed at next sign-in. */
    void resetPassword(String newPassword, PasswordEncoder encoder, PasswordPolicy policy, Instant now) {
        policy.check(newPassword);
        replacePassword(encoder.encode(newPassword), policy, now);
        passwordChangeRequired = kind == Kind.PERSON;
    }

    private void replacePassword(String newHash, PasswordPolicy policy, Instant now) {
        List<String> kept = new ArrayList<>(history());
        kept.add(0, passwordHash);
        previousPasswordHashes = new ArrayList<>(kept.subList(0, Math.min(kept.size(), policy.previousHashesKept())));
        passwordHash = newHash;
        passwordChangedAt = now;
    }

    private List<String> history() {
        return previousPasswordHashes == null ? List.of() : previousPasswordHashes;
    }

    /** Replaces the roles (the security administrator's work); a duty stays exclusive and county-wide. */
    void changeRoles(Set<Role> newRoles) {
        Duties.checkExclusive(newRoles, orgUnitId);
        roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
    }

    void disable() {
        disabled = true;
    }

    void enable() {
        disabled = false;
    }

    /** Lifts a lock and forgets the failures counted so far (the security administrator's work). */
    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    boolean isDisabled() {
        return Boolean.TRUE.equals(disabled);
    }

    boolean mustChangePassword() {
        return Boolean.TRUE.equals(passwordChangeRequired);
    }

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

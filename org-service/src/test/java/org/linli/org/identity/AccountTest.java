package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final Account.LockoutPolicy POLICY = new Account.LockoutPolicy(3, Duration.ofMinutes(15));
    @SuppressWarnings("deprecation")
    private static final PasswordEncoder PLAIN = NoOpPasswordEncoder.getInstance();

    private static final PasswordPolicy PASSWORDS = new PasswordPolicy(10, 3, Duration.ofDays(90), 3);

    private static Account account() {
        return new Account("wang", "王", "secret", Account.Kind.PERSON, Set.of(Role.GRID_WORKER), "g1", "/s/c/g1/", null,
                false, NOW);
    }

    /** Made by an administrator with the initial password {@code Initial-Pass1}. */
    private static Account initial() {
        return new Account("li", "李", "Initial-Pass1", Account.Kind.PERSON, Set.of(Role.RESIDENT), "c1", "/s/c1/", null,
                true, NOW);
    }

    @Test
    void aNewAccountAnnouncesItselfOnceSoOtherServicesKnowItExists() {
        Account account = account();

        assertThat(account.announced()).isTrue();
        assertThat(account.pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("AccountOpened");
            assertThat(event.aggregateId()).isEqualTo(account.id());
            assertThat(event.payload()).contains("\"accountId\":\"" + account.id() + "\"", "\"orgUnitId\":\"g1\"")
                    .doesNotContain("secret", "wang");
        });
    }

    @Test
    void locksAfterRepeatedWrongPasswordsAndRefusesEvenTheRightOneWhileLocked() {
        Account account = account();
        assertThat(account.attempt("nope", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.WRONG_SECRET);
        assertThat(account.attempt("nope", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.WRONG_SECRET);
        assertThat(account.attempt("nope", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.LOCKED);

        assertThat(account.attempt("secret", PLAIN, POLICY, NOW.plusSeconds(60))).isEqualTo(Account.LoginOutcome.LOCKED);
        assertThat(account.lockRemaining(NOW.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
    }

    @Test
    void unlocksWhenTheLockExpires() {
        Account account = account();
        for (int i = 0; i < 3; i++) {
            account.attempt("nope", PLAIN, POLICY, NOW);
        }
        assertThat(account.attempt("secret", PLAIN, POLICY, NOW.plus(Duration.ofMinutes(16))))
                .isEqualTo(Account.LoginOutcome.SUCCESS);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        Account account = account();
        account.attempt("nope", PLAIN, POLICY, NOW);
        account.attempt("nope", PLAIN, POLICY, NOW);
        account.attempt("secret", PLAIN, POLICY, NOW);
        assertThat(account.attempt("nope", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.WRONG_SECRET);
    }

    @Test
    void anAccountMadeBySomeoneElseMustChangeItsPasswordBeforeSigningIn() {
        Account account = initial();
        assertThat(account.attempt("Initial-Pass1", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.SUCCESS);
        assertThat(account.barrier(PASSWORDS, NOW)).isEqualTo(Account.SignInBarrier.PASSWORD_CHANGE_REQUIRED);

        account.changePassword("Own-Choice-2", PLAIN, PASSWORDS, NOW);

        assertThat(account.barrier(PASSWORDS, NOW)).isEqualTo(Account.SignInBarrier.NONE);
        assertThat(account.attempt("Own-Choice-2", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.SUCCESS);
        assertThat(account.attempt("Initial-Pass1", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.WRONG_SECRET);
    }

    @Test
    void anIntegrationClientHasNoOneToChangeItsSecretAndIsNotForced() {
        Account client = new Account("city-hotline", "12345", "Secret-Pass1", Account.Kind.CLIENT,
                Set.of(Role.INTEGRATION_CLIENT), null, null, null, true, NOW);
        assertThat(client.barrier(PASSWORDS, NOW.plus(Duration.ofDays(365)))).isEqualTo(Account.SignInBarrier.NONE);
    }

    @Test
    void aChangeMayNotRepeatTheLastPasswordsButMayAnOlderOne() {
        Account account = initial();
        account.changePassword("Second-Pass2", PLAIN, PASSWORDS, NOW);
        account.changePassword("Third-Pass3", PLAIN, PASSWORDS, NOW);

        for (String recent : new String[] {"Third-Pass3", "Second-Pass2", "Initial-Pass1"}) {
            assertThatThrownBy(() -> account.changePassword(recent, PLAIN, PASSWORDS, NOW))
                    .isInstanceOfSatisfying(BusinessRuleViolation.class,
                            e -> assertThat(e.code()).isEqualTo("password-reused"));
        }
        account.changePassword("Fourth-Pass4", PLAIN, PASSWORDS, NOW);
        account.changePassword("Initial-Pass1", PLAIN, PASSWORDS, NOW); // four changes ago: outside the last 3
        assertThat(account.attempt("Initial-Pass1", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.SUCCESS);
    }

    @Test
    void aWeakNewPasswordIsRefusedNamingEveryUnmetRule() {
        Account account = initial();
        assertThatThrownBy(() -> account.changePassword("short", PLAIN, PASSWORDS, NOW))
                .isInstanceOfSatisfying(WeakPassword.class, e -> {
                    assertThat(e.code()).isEqualTo("weak-password");
                    assertThat(e.unmetRules()).containsExactly("min-length", "character-classes");
                });
        assertThat(account.mustChangePassword()).as("nothing changed").isTrue();
    }

    @Test
    void aResetSetsANewInitialPasswordThatMustBeChangedAgain() {
        Account account = initial();
        account.changePassword("Own-Choice-2", PLAIN, PASSWORDS, NOW);

        account.resetPassword("Reset-Pass-9", PLAIN, PASSWORDS, NOW);

        assertThat(account.barrier(PASSWORDS, NOW)).isEqualTo(Account.SignInBarrier.PASSWORD_CHANGE_REQUIRED);
        assertThat(account.attempt("Reset-Pass-9", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.SUCCESS);
    }

    @Test
    void aPasswordOlderThanTheMaximumAgeExpiresAndAChangeRenewsIt() {
        Account account = initial();
        account.changePassword("Own-Choice-2", PLAIN, PASSWORDS, NOW);
        Instant later = NOW.plus(Duration.ofDays(90));

        assertThat(account.barrier(PASSWORDS, later.minusSeconds(1))).isEqualTo(Account.SignInBarrier.NONE);
        assertThat(account.barrier(PASSWORDS, later)).isEqualTo(Account.SignInBarrier.PASSWORD_EXPIRED);
        assertThat(account.barrier(new PasswordPolicy(10, 3, null, 5), later.plus(Duration.ofDays(900))))
                .as("no max-age: never").isEqualTo(Account.SignInBarrier.NONE);

        account.changePassword("Renewed-Pass3", PLAIN, PASSWORDS, later);
        assertThat(account.barrier(PASSWORDS, later)).isEqualTo(Account.SignInBarrier.NONE);
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        Account account = account();
        account.disable();
        assertThat(account.barrier(PASSWORDS, NOW)).isEqualTo(Account.SignInBarrier.DISABLED);
        account.enable();
        assertThat(account.barrier(PASSWORDS, NOW)).isEqualTo(Account.SignInBarrier.NONE);
    }

    @Test
    void anUnlockLiftsALockBeforeItExpires() {
        Account account = account();
        for (int i = 0; i < 3; i++) {
            account.attempt("nope", PLAIN, POLICY, NOW);
        }
        account.unlock();
        assertThat(account.attempt("secret", PLAIN, POLICY, NOW)).isEqualTo(Account.LoginOutcome.SUCCESS);
    }

    @Test
    void aDutyRoleIsHeldAloneAndCountyWide() {
        assertThatThrownBy(() -> new Account("sys", "系统管理员", "h", Account.Kind.PERSON,
                Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN), null, null, null, true, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("duty-roles-exclusive"));
        assertThatThrownBy(() -> new Account("aud", "审计员", "h", Account.Kind.PERSON, Set.of(Role.AUDIT_ADMIN),
                "c1", "/s/c1/", null, true, NOW))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("duty-roles-exclusive"));
        Account admin = new Account("sec", "安全管理员", "h", Account.Kind.PERSON, Set.of(Role.SECURITY_ADMIN), null, null,
                null, true, NOW);
        assertThatThrownBy(() -> admin.changeRoles(Set.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)))
                .isInstanceOf(BusinessRuleViolation.class);
        assertThatThrownBy(() -> account().changeRoles(Set.of(Role.AUDIT_ADMIN)))
                .as("an account with an org unit cannot take a duty").isInstanceOf(BusinessRuleViolation.class);
        admin.changeRoles(Set.of(Role.AUDIT_ADMIN));
        assertThat(admin.roles()).containsExactly(Role.AUDIT_ADMIN);
    }
}

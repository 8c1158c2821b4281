package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:30:00Z");
    private static final Account.LockoutPolicy POLICY = new Account.LockoutPolicy(3, Duration.ofMinutes(15));
    @SuppressWarnings("deprecation")
    private static final PasswordEncoder PLAIN = NoOpPasswordEncoder.getInstance();

    private static Account account() {
        return new Account("wang", "王", "secret", Account.Kind.PERSON, Set.of(Role.GRID_WORKER), "g1", "/s/c/g1/", null, NOW);
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
}

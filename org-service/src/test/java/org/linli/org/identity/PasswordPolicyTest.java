package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy DEFAULTS = new PasswordPolicy(10, 3, null, 5);

    @Test
    void asksForTenCharactersMixingThreeOfLowerUpperDigitAndSymbol() {
        assertThat(DEFAULTS.unmetRules("Tanxi-2026")).isEmpty();
        assertThat(DEFAULTS.unmetRules("tanxi2026!")).as("lower, digit, symbol").isEmpty();
        assertThat(DEFAULTS.unmetRules("tanxi-community")).containsExactly("character-classes");
        assertThat(DEFAULTS.unmetRules("Tx-26")).containsExactly("min-length");
        assertThat(DEFAULTS.unmetRules("abc")).containsExactly("min-length", "character-classes");
    }

    @Test
    void countsCharactersNotBytesForTheMinimumButRefusesWhatBcryptCannotHash() {
        assertThat(DEFAULTS.unmetRules("檀溪社区居民委员会A1")).as("11 characters: upper, digit, other").isEmpty();
        assertThat(DEFAULTS.unmetRules("Aa1-" + "x".repeat(69))).containsExactly("max-length");
    }

    @Test
    void expiresOnlyWhenAMaximumAgeIsSet() {
        java.time.Instant set = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(DEFAULTS.expired(set, set.plus(Duration.ofDays(3650)))).isFalse();
        PasswordPolicy ninetyDays = new PasswordPolicy(10, 3, Duration.ofDays(90), 5);
        assertThat(ninetyDays.expired(set, set.plus(Duration.ofDays(89)))).isFalse();
        assertThat(ninetyDays.expired(set, set.plus(Duration.ofDays(90)))).isTrue();
    }

    @Test
    void theGeneratedBootstrapPasswordMeetsThePolicy() {
        PasswordPolicy strict = new PasswordPolicy(10, 4, null, 5);
        for (int i = 0; i < 20; i++) {
            String password = AdminBootstrap.generated(strict);
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            assertThat(strict.unmetRules(password)).isEmpty();
        }
    }
}

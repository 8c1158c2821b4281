package org.linli.org.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password rules of the graded-protection assessment ({@code linli.identity.password-policy.*}): a minimum
 * length, at least {@code minCharacterClasses} of lower case, upper case, digits and symbols, an optional maximum
 * age, and no reuse of the last {@code history} passwords (the current one included). Plain rules, no Spring at work.
 *
 * @param minLength           characters at least
 * @param minCharacterClasses how many of lower, upper, digit, symbol a password mixes (1–4)
 * @param maxAge              how long a password serves before sign-in answers {@code password-expired};
 *                            unset (the default) = never
 * @param history             the last N passwords (the current one included) a new one may not repeat
 */
public record PasswordPolicy(@DefaultValue("10") int minLength,
                             @DefaultValue("3") int minCharacterClasses,
                             Duration maxAge,
                             @DefaultValue("5") int history) {

    /** What BCrypt reads of a password; it refuses to hash a longer one. */
    static final int MAX_BYTES = 72;

    /**
     * The rules a password breaks, by stable name ({@code min-length}, {@code max-length}: over {@value #MAX_BYTES}
     * UTF-8 bytes, {@code character-classes}); empty when none.
     */
    public List<String> unmetRules(String password) {
        List<String> unmet = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < minLength) {
            unmet.add("min-length");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            unmet.add("max-length");
        }
        if (characterClasses(password) < minCharacterClasses) {
            unmet.add("character-classes");
        }
        return unmet;
    }

    /** Refuses a password that breaks a rule, naming every rule it breaks. */
    void check(String password) {
        List<String> unmet = unmetRules(password);
        if (!unmet.isEmpty()) {
            throw new WeakPassword(unmet, this);
        }
    }

    /** Whether a password set at {@code changedAt} has served past {@link #maxAge()}. */
    boolean expired(Instant changedAt, Instant now) {
        return maxAge != null && !maxAge.isZero() && changedAt != null && !now.isBefore(changedAt.plus(maxAge));
    }

    /** Previous hashes an account keeps beside its current one. */
    int previousHashesKept() {
        return Math.max(0, history - 1);
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}

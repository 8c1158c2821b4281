package org.linli.org.identity;

import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;

/** A new password breaks the password policy: 422 {@code weak-password}, naming the unmet rules. */
class WeakPassword extends BusinessRuleViolation {

    private final transient List<String> unmetRules;

    WeakPassword(List<String> unmetRules, PasswordPolicy policy) {
        super("weak-password", "the password breaks the password policy: " + String.join(", ", unmetRules)
                + " (at least " + policy.minLength() + " characters mixing " + policy.minCharacterClasses()
                + " of lower case, upper case, digits and symbols)", String.join(", ", unmetRules),
                policy.minLength(), policy.minCharacterClasses());
        this.unmetRules = List.copyOf(unmetRules);
    }

    List<String> unmetRules() {
        return unmetRules;
    }
}

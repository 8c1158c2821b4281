package org.linli.property.courier;

import org.linli.platform.domain.BusinessRuleViolation;

/** A refusal's reason: required, stripped, bounded. */
final class Reasons {

    private Reasons() {
    }

    static String required(String reason, int max) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("reason-required", "a rejection or refusal states its reason");
        }
        if (reason.strip().length() > max) {
            throw new BusinessRuleViolation("reason-too-long", "a reason has at most " + max + " characters", max);
        }
        return reason.strip();
    }
}

package org.linli.org.member;

import java.util.regex.Pattern;
import org.linli.platform.web.BusinessRuleViolation;

/**
 * A mainland mobile number (11 digits, {@code 1[3-9]…}). Personal data: {@link #toString()} is
 * masked so that it never reaches a log line by accident.
 */
public record MobileNumber(String value) {

    static final String FORMAT = "1[3-9]\\d{9}";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public MobileNumber {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new BusinessRuleViolation("invalid-phone", "not an 11-digit mobile number");
        }
    }

    /** {@code 138****5678}. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}

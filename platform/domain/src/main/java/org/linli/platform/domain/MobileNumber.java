package org.linli.platform.domain;

import java.util.regex.Pattern;

/**
 * A mainland mobile number (11 digits, {@code 1[3-9]…}): personal data, shown masked unless the
 * caller's role needs it, and {@link #toString()} is masked so that it never reaches a log line by
 * accident. Every service validates and masks phones with this one type.
 */
public record MobileNumber(String value) {

    public static final String FORMAT = "1[3-9]\\d{9}";
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

    /** A stored (already validated) number masked, {@code null} stays {@code null}. */
    public static String mask(String stored) {
        return stored == null ? null : new MobileNumber(stored).masked();
    }

    @Override
    public String toString() {
        return masked();
    }
}

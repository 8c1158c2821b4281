package org.linli.org.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * A PRC resident identity number (居民身份证号码, GB 11643-1999): a 6-digit region code, the birth
 * date as {@code yyyyMMdd}, a 3-digit sequence and an ISO 7064 MOD 11-2 check character
 * ({@code 0-9} or {@code X}). Personal data: {@link #toString()} is masked so that it never reaches
 * a log line by accident.
 */
public record IdNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[1-9]\\d{5}(\\d{8})\\d{3}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int FIRST_BIRTH_YEAR = 1900;

    public IdNumber {
        value = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        Matcher parts = FORMAT.matcher(value);
        if (!parts.matches() || !isBirthDate(parts.group(1)) || value.charAt(17) != checkCharacter(value)) {
            throw new BusinessRuleViolation("invalid-id-number",
                    "not a valid resident identity number (18 characters, birth date, check character)");
        }
    }

    /** {@code 4206**********1017}: region prefix and last four only. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean isBirthDate(String yyyyMMdd) {
        try {
            return LocalDate.parse(yyyyMMdd, DateTimeFormatter.BASIC_ISO_DATE).getYear() >= FIRST_BIRTH_YEAR;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

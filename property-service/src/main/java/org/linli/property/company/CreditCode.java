package org.linli.property.company;

import java.util.Locale;
import java.util.Objects;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O, S, V, Z); the last is a check character over the first 17
 * with weights 3^i mod 31. A code that breaks either rule is refused with 422 {@code invalid-credit-code}.
 */
public record CreditCode(String value) {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        Objects.requireNonNull(value);
        if (!valid(value)) {
            throw new BusinessRuleViolation("invalid-credit-code",
                    "not a unified social credit code (18 characters, GB 32100-2015 check character): " + value, value);
        }
    }

    /** Accepts lower case and surrounding blanks, as people type it. */
    public static CreditCode parse(String text) {
        return new CreditCode(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    }

    static boolean valid(String code) {
        if (code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The check character of the first 17 characters (each from the charset). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}

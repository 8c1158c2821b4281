package org.linli.e2e.client;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Valid made-up identifiers the services check: unified social credit codes (GB 32100-2015) and
 * resident identity numbers (GB 11643, ISO 7064 MOD 11-2), derived from a number so a load is repeatable.
 */
public final class Identifiers {

    private static final String CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private Identifiers() {
    }

    /** A credit code "91 + region 340200 + 9 digits of n + check": a company (9) of industry and commerce (1). */
    public static String creditCode(long n) {
        String body = "91340200" + String.format("%09d", Math.floorMod(n, 1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARACTERS.indexOf(body.charAt(i)) * CODE_WEIGHTS[i];
        }
        return body + CODE_CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    /** A resident identity number of region 340202, born {@code born}, sequence n (mod 1000). */
    public static String idNumber(LocalDate born, long n) {
        String body = "340202" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", Math.floorMod(n, 1000L));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK.charAt(sum % 11);
    }

    /** A mainland mobile number 139 + 8 digits of n. */
    public static String phone(long n) {
        return "139" + String.format("%08d", Math.floorMod(n, 100_000_000L));
    }
}

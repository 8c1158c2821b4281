package org.linli.e2e.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the privacy scans look for in logs and stored values: a valid 18-character PRC resident ID number
 * (birth date and ISO 7064 MOD 11-2 check character, as org-service's {@code IdNumber}) and a mainland
 * mobile number ({@code 1[3-9]} and 9 digits). Either must stand alone: not inside a longer run of ASCII
 * letters or digits, so hex ids, UUIDs, epoch milliseconds and ciphertexts do not count. Matches are
 * reported masked only.
 */
public final class PersonalData {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(\\d{8})\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** One finding: its kind ({@code id-number} or {@code mobile}) and the value masked. */
    public record Match(String kind, String masked) {
        @Override
        public String toString() {
            return kind + " " + masked;
        }
    }

    private PersonalData() {
    }

    /** Every ID number and mobile number standing alone in {@code text}, masked. */
    public static List<Match> findIn(String text) {
        List<Match> found = new ArrayList<>();
        Matcher ids = ID_NUMBER.matcher(text);
        while (ids.find()) {
            String value = ids.group().toUpperCase();
            if (isBirthDate(ids.group(1)) && value.charAt(17) == checkCharacter(value)) {
                found.add(new Match("id-number", value.substring(0, 4) + "*".repeat(10) + value.substring(14)));
            }
        }
        Matcher mobiles = MOBILE.matcher(text);
        while (mobiles.find()) {
            String value = mobiles.group();
            found.add(new Match("mobile", value.substring(0, 3) + "****" + value.substring(7)));
        }
        return found;
    }

    private static boolean isBirthDate(String yyyyMMdd) {
        try {
            int year = LocalDate.parse(yyyyMMdd, BIRTH_DATE).getYear();
            return year >= 1900 && year <= 2100;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}

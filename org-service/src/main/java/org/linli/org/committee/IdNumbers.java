package org.linli.org.committee;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Resident ID numbers (居民身份证号) are kept only as SHA-256 hashes, compared hash to hash. */
final class IdNumbers {

    /** 18 characters: 17 digits and a digit or X as check character. */
    static final String PATTERN = "\\d{17}[\\dXx]";

    private IdNumbers() {
    }

    /** Hex SHA-256 of the number with a lower-case x written as X, so both spellings match. */
    static String hash(String idNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

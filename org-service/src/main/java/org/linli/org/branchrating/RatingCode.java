package org.linli.org.branchrating;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time code handed to a visited resident during a random visit (随机走访), good for one rating of one branch in
 * one round. Only the SHA-256 of the code is stored (as the id); the code itself is shown once, to the visitor who
 * records the visit, and never logged. 16 characters of Crockford base32 (80 random bits), printed in groups of four.
 */
@Document("branch_rating_codes")
public class RatingCode {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;

    @Id
    private String hash;
    private String roundId;
    private String branchId;
    private String visitId;
    private Instant issuedAt;
    private Instant usedAt;

    protected RatingCode() {
        // for the mapping layer
    }

    RatingCode(String code, String roundId, String branchId, String visitId, Instant now) {
        this.hash = hash(code);
        this.roundId = roundId;
        this.branchId = branchId;
        this.visitId = visitId;
        this.issuedAt = now;
    }

    /** A fresh random code, {@code XXXX-XXXX-XXXX-XXXX}. */
    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored form of a code as typed: case, spaces and dashes do not matter. */
    static String hash(String code) {
        String normalized = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Uses the code for a rating of {@code branchId} in {@code roundId}: 422 {@code invalid-rating-code} for another
     * round or branch (told apart from an unknown code by nobody), {@code rating-code-used} when used before.
     */
    void use(String roundId, String branchId, Instant now) {
        if (!this.roundId.equals(roundId) || !this.branchId.equals(branchId)) {
            throw invalid();
        }
        if (usedAt != null) {
            throw new BusinessRuleViolation("rating-code-used", "this code has been used");
        }
        usedAt = now;
    }

    static BusinessRuleViolation invalid() {
        return new BusinessRuleViolation("invalid-rating-code", "no such code for this branch and round");
    }

    String hash() {
        return hash;
    }

    public String roundId() {
        return roundId;
    }

    public String branchId() {
        return branchId;
    }

    public String visitId() {
        return visitId;
    }

    public Instant usedAt() {
        return usedAt;
    }
}

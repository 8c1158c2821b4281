package org.linli.org.committee;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.org.identity.IdentityProperties;
import org.linli.org.identity.OwnerOnlyFiles;
import org.linli.org.member.IdNumber;
import org.springframework.stereotype.Component;

/**
 * Negative-list entries keep resident ID numbers only as keyed hashes (HMAC-SHA-256): a plain hash of
 * an 18-digit number with a known region code and birth date could be reversed by trying candidates.
 * The key is generated at first start into the data folder (owner-only) and never leaves it; losing
 * it means the list must be re-entered. The number is validated (check character included) first.
 */
@Component
class IdNumberHasher {

    static final String KEY_FILE = "id-number-key";

    private final SecretKeySpec key;

    IdNumberHasher(IdentityProperties properties) {
        Path file = properties.dataDir().resolve(KEY_FILE);
        String encoded = OwnerOnlyFiles.read(file).orElseGet(() -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String generated = Base64.getEncoder().encodeToString(fresh);
            OwnerOnlyFiles.write(file, generated);
            return generated;
        });
        this.key = new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256");
    }

    /** The keyed hash of a valid ID number; 422 {@code invalid-id-number} for anything else. */
    String hash(String idNumber) {
        String canonical = new IdNumber(idNumber).value();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is on every Java platform", e);
        }
    }
}

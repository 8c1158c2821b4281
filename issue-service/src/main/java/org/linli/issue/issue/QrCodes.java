package org.linli.issue.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The token printed in a building's QR code: {@code <buildingId>.<HMAC-SHA256 of the id, base64url>}.
 * Anyone may report with it, nobody can make one for another building. The key comes from
 * {@code linli.issue.qr.secret} (base64, at least 32 bytes) or is generated once into
 * {@code <data-dir>/qr-key} (owner-only); changing it invalidates every printed code.
 */
@Component
class QrCodes {

    private static final String FILE_NAME = "qr-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    QrCodes(@Value("${linli.issue.qr.secret:}") String secret, @Value("${linli.issue.data-dir}") Path dataDir) {
        this.key = secret.isBlank() ? loadOrCreate(dataDir) : Base64.getDecoder().decode(secret);
        if (key.length < 32) {
            throw new IllegalStateException("linli.issue.qr.secret must hold at least 32 bytes");
        }
    }

    String tokenFor(String buildingId) {
        return buildingId + "." + signature(buildingId);
    }

    /** The building a token was made for, empty when it is not one of ours. */
    Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String buildingId = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(buildingId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(buildingId) : Optional.empty();
    }

    private String signature(String buildingId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("linli-qr:" + buildingId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(temporary);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the QR key in " + dataDir, e);
        }
    }
}

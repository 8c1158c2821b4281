package org.linli.org.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys of access tokens, kept in the data folder (owner-only, never committed) so tokens stay valid across
 * restarts; their public halves are served at {@code /.well-known/jwks.json}. The current key signs; after a
 * rotation the one before it stays in the set, so the tokens it signed verify until they expire, and leaves at the
 * next rotation. A rotation is refused while that would cut tokens short (within one access-token lifetime of the
 * last). The other services fetch the set again when a token names a key id they do not know.
 *
 * <p>The file holds a JWK set, newest first; a file of one JWK (before rotation existed) is read as a set of one.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String FILE_NAME = "jwt-signing-key.json";

    private final Path file;
    private volatile List<RSAKey> keys;

    private SigningKeys(Path file, List<RSAKey> keys) {
        this.file = file;
        this.keys = List.copyOf(keys);
    }

    static SigningKeys loadOrCreate(Path dataDir, Instant now) {
        Path file = dataDir.resolve(FILE_NAME);
        return OwnerOnlyFiles.read(file).map(json -> new SigningKeys(file, parse(json))).orElseGet(() -> {
            SigningKeys created = new SigningKeys(file, List.of(generate(now)));
            created.store();
            log.info("generated a new token signing key {} in {}", created.current().getKeyID(), file.toAbsolutePath());
            return created;
        });
    }

    /** The key that signs new tokens. */
    RSAKey current() {
        return keys.get(0);
    }

    /** A source of the current key only, for the encoder: a token is always signed by it, and names it ({@code kid}). */
    JWKSource<SecurityContext> signing() {
        return (selector, context) -> selector.select(new JWKSet(current()));
    }

    /** Every key that still verifies tokens: the current one and, after a rotation, the one before. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return selector.select(new JWKSet(List.<JWK>copyOf(keys)));
    }

    /** The public halves of every verifying key, as served at {@code /.well-known/jwks.json}. */
    JWKSet publicSet() {
        return new JWKSet(List.<JWK>copyOf(keys)).toPublicJWKSet();
    }

    /**
     * A new key signs from now on; the current one keeps verifying the tokens it signed; the one before leaves.
     *
     * @param tokenLifetime how long an access token lives: a rotation sooner than that after the last is refused
     *                      ({@code rotation-too-soon}), since it would drop a key live tokens still need
     */
    synchronized Rotation rotate(Duration tokenLifetime, Instant now) {
        RSAKey current = current();
        Date issued = current.getIssueTime();
        if (keys.size() > 1 && issued != null && now.isBefore(issued.toInstant().plus(tokenLifetime))) {
            Instant allowedFrom = issued.toInstant().plus(tokenLifetime);
            throw new BusinessRuleViolation("rotation-too-soon", "the key before the current one still verifies live "
                    + "tokens; rotate again from " + allowedFrom, allowedFrom.toString());
        }
        RSAKey next = generate(now);
        keys = List.of(next, current);
        store();
        log.info("rotated the token signing key: {} signs, {} still verifies", next.getKeyID(), current.getKeyID());
        return new Rotation(next.getKeyID(), current.getKeyID(), now);
    }

    /**
     * @param keyId         the key that signs from now on
     * @param previousKeyId the key that still verifies the tokens it signed until they expire
     * @param rotatedAt     when
     */
    record Rotation(String keyId, String previousKeyId, Instant rotatedAt) {
    }

    /** Written beside the file and moved over it, so a crash leaves the old set or the new one, never none. */
    private void store() {
        Path written = file.resolveSibling(FILE_NAME + ".new");
        OwnerOnlyFiles.write(written, new JWKSet(List.<JWK>copyOf(keys)).toString(false));
        try {
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the token signing keys in " + file, e);
        }
    }

    private static List<RSAKey> parse(String json) {
        try {
            if (json.contains("\"keys\"")) {
                List<RSAKey> keys = JWKSet.parse(json).getKeys().stream().map(JWK::toRSAKey).toList();
                if (keys.isEmpty() || !keys.get(0).isPrivate()) {
                    throw new IllegalStateException("the token signing key file holds no private RSA key");
                }
                return keys;
            }
            return List.of(RSAKey.parse(json));
        } catch (ParseException e) {
            throw new IllegalStateException("the token signing key file is not a valid RSA JWK or JWK set", e);
        }
    }

    private static RSAKey generate(Instant now) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a token signing key", e);
        }
    }
}

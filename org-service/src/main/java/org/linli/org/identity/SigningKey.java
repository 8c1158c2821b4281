package org.linli.org.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs access tokens. Generated at first start and kept in the data folder
 * (owner-only), so tokens stay valid across restarts; never committed. Its public half is served
 * at {@code /.well-known/jwks.json}.
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    static final String FILE_NAME = "jwt-signing-key.json";

    private SigningKey() {
    }

    static RSAKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        return OwnerOnlyFiles.read(file).map(SigningKey::parse).orElseGet(() -> {
            RSAKey key = generate();
            OwnerOnlyFiles.write(file, key.toJSONString());
            log.info("generated a new token signing key {} in {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        });
    }

    static JWKSet publicSet(RSAKey key) {
        return new JWKSet(key.toPublicJWK());
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the token signing key file is not a valid RSA JWK", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a token signing key", e);
        }
    }
}

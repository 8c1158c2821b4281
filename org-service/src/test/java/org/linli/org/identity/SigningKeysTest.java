package org.linli.org.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class SigningKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    @TempDir
    Path dataDir;

    @Test
    void aRotatedKeySignsWhileThePreviousOneStillVerifiesTheTokensItSigned() {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir, NOW);
        String before = token(keys);
        String oldKey = keys.current().getKeyID();

        SigningKeys.Rotation rotation = keys.rotate(TOKEN_LIFETIME, NOW);

        assertThat(rotation.previousKeyId()).isEqualTo(oldKey);
        assertThat(keys.current().getKeyID()).isEqualTo(rotation.keyId()).isNotEqualTo(oldKey);
        assertThat(keys.publicSet().getKeys()).extracting(JWK::getKeyID).containsExactly(rotation.keyId(), oldKey);
        assertThat(keys.publicSet().getKeys()).noneMatch(JWK::isPrivate);
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        assertThat(decoder.decode(before).getSubject()).isEqualTo("someone");
        String after = token(keys);
        assertThat(decoder.decode(after).getHeaders()).containsEntry("kid", rotation.keyId());
    }

    @Test
    void theKeyBeforeLeavesAtTheNextRotationWhichWaitsForItsTokensToExpire() {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir, NOW);
        String first = token(keys);
        keys.rotate(TOKEN_LIFETIME, NOW);

        assertThatThrownBy(() -> keys.rotate(TOKEN_LIFETIME, NOW.plus(Duration.ofMinutes(14))))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("rotation-too-soon"));
        keys.rotate(TOKEN_LIFETIME, NOW.plus(TOKEN_LIFETIME));

        assertThat(keys.publicSet().getKeys()).hasSize(2);
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        assertThatThrownBy(() -> decoder.decode(first)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void survivesARestartWithBothKeysAndReadsAFileOfOneKeyFromBeforeRotation() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(dataDir, NOW);
        keys.rotate(TOKEN_LIFETIME, NOW);

        SigningKeys reloaded = SigningKeys.loadOrCreate(dataDir, NOW);
        assertThat(reloaded.current().getKeyID()).isEqualTo(keys.current().getKeyID());
        assertThat(reloaded.publicSet().getKeys()).hasSize(2);

        Path legacy = Files.createDirectories(dataDir.resolve("legacy"));
        RSAKey single = new RSAKeyGenerator(2048).keyID("legacy-key").generate();
        OwnerOnlyFiles.write(legacy.resolve(SigningKeys.FILE_NAME), single.toJSONString());
        SigningKeys old = SigningKeys.loadOrCreate(legacy, NOW);
        assertThat(old.current().getKeyID()).isEqualTo("legacy-key");
        old.rotate(TOKEN_LIFETIME, NOW);
        assertThat(old.publicSet().getKeys()).extracting(JWK::getKeyID).contains("legacy-key");
    }

    private static String token(SigningKeys keys) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("someone").issuedAt(NOW)
                .expiresAt(Instant.now().plus(Duration.ofHours(1))).build();
        return new NimbusJwtEncoder(keys.signing()).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}

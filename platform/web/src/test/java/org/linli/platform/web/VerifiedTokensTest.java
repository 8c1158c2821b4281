package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesATokenOnceWhileItIsValid() {
        JwtDecoder decoder = new VerifiedTokens(clockAt(NOW)).caching(signatureCheck(NOW.plusSeconds(900)));

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void verifiesAgainOnceTheRememberedTokenHasExpired() {
        VerifiedTokens tokens = new VerifiedTokens(clockAt(NOW.plusSeconds(901)));
        tokens.remember("token-a", jwt("token-a", NOW.plusSeconds(900)));

        assertThatThrownBy(() -> tokens.caching(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("expired");
        }).decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void neverRemembersARejectedToken() {
        JwtDecoder decoder = new VerifiedTokens(clockAt(NOW)).caching(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("bad signature");
        });

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder signatureCheck(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            return jwt(token, expiresAt);
        };
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("acc-1").issuedAt(NOW).expiresAt(expiresAt).build();
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}

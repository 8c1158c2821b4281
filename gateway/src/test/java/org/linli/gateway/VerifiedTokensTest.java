package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesATokenOnceUntilItExpires() {
        ReactiveJwtDecoder signatureCheck = token -> {
            verifications.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("acc-1")
                    .issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build());
        };

        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        ReactiveJwtDecoder decoder = VerifiedTokens.caching(signatureCheck, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        decoder.decode("token-a").block();
        decoder.decode("token-a").block();
        assertThat(verifications).hasValue(1);

        now.set(NOW.plusSeconds(61));
        decoder.decode("token-a").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void neverRemembersARejectedToken() {
        ReactiveJwtDecoder decoder = VerifiedTokens.caching(token -> {
            verifications.incrementAndGet();
            return Mono.error(new BadJwtException("bad signature"));
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        decoder.decode("forged").onErrorResume(e -> Mono.empty()).block();
        decoder.decode("forged").onErrorResume(e -> Mono.empty()).block();

        assertThat(verifications).hasValue(2);
    }
}

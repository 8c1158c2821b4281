package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.ofEpochMilli(1_000_000);
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesATokenOnceUntilItExpires() {
        ReactiveJwtDecoder signatureCheck = token -> {
            verifications.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("acc-1")
                    .issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build());
        };

        MutableClock clock = new MutableClock();
        ReactiveJwtDecoder decoder = VerifiedTokens.caching(signatureCheck, clock);
        decoder.decode("token-a").block();
        decoder.decode("token-a").block();
        assertThat(verifications).hasValue(1);

        clock.advance(61_000);
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

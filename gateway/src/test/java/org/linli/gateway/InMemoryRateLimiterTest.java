package org.linli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(2, 4, clock);

    @Test
    void allowsABurstThenRefusesWithRetryAfter() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.isAllowed("r", "client").block().isAllowed()).isTrue();
        }
        var refused = limiter.isAllowed("r", "client").block();
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void refillsAtTheReplenishRateAndKeepsClientsApart() {
        for (int i = 0; i < 4; i++) {
            limiter.isAllowed("r", "client").block();
        }
        assertThat(limiter.isAllowed("r", "other").block().isAllowed()).isTrue();
        clock.advance(500);
        assertThat(limiter.isAllowed("r", "client").block().isAllowed()).isTrue();
        assertThat(limiter.isAllowed("r", "client").block().isAllowed()).isFalse();
    }
}

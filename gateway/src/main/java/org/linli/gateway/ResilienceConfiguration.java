package org.linli.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Resilience declared once for every route: each route's circuit breaker (named after its service)
 * opens when half of the last calls failed or timed out, and a call is cut after the time limit;
 * both answer the 503 fallback. Rate limiting uses Redis when configured, memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(
            @Value("${linli.gateway.timeout:10s}") Duration timeout) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(timeout).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        // a refused connection is one dead instance of several, which the balancer's health check
                        // takes out of rotation within 2 s: it is answered 503 but must not open the breaker for
                        // the instances that still serve (measured: 10 s of 503 for all after one kill -9)
                        .ignoreExceptions(ConnectException.class)
                        .build())
                .build());
    }

    @Bean
    @Primary
    @ConditionalOnProperty(name = "linli.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    RateLimiter<?> inMemoryRateLimiter(GatewayProperties properties) {
        return new InMemoryRateLimiter(properties.rateLimit().replenishRate(), properties.rateLimit().burstCapacity(),
                Clock.systemUTC());
    }

    @Bean
    @Primary
    @ConditionalOnProperty(name = "linli.gateway.rate-limit.store", havingValue = "redis")
    RateLimiter<?> redisRateLimiter(GatewayProperties properties) {
        return new RedisRateLimiter(properties.rateLimit().replenishRate(), properties.rateLimit().burstCapacity());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter<?> limiter) {
        return new RateLimitFilter(limiter);
    }
}

package org.linli.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway verifies a token's signature once, not on every request: verified tokens are remembered until
 * they expire (RSA verification was the gateway's largest CPU cost per request, measured with JFR). The key is
 * the whole token; expiry is checked again on every hit. Wraps whichever {@link ReactiveJwtDecoder} Boot
 * configured from the JWKS.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokens {

    private static final int MAX_TOKENS = 20_000;
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    @Bean
    static BeanPostProcessor cachingJwtDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder ? caching(decoder, Clock.systemUTC()) : bean;
            }
        };
    }

    static ReactiveJwtDecoder caching(ReactiveJwtDecoder delegate, Clock clock) {
        Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE).build();
        return token -> {
            Jwt known = verified.getIfPresent(token);
            if (known != null && (known.getExpiresAt() == null || known.getExpiresAt().isAfter(clock.instant()))) {
                return Mono.just(known);
            }
            return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        };
    }
}

package org.linli.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens whose signature this service has verified, until they expire, so a client's token is
 * verified once per service instead of once per request: the RSA signature check was the largest CPU cost of
 * a request (measured with JFR on the running stack). The key is the whole token, so any change to it is
 * verified anew, and expiry is checked again on every hit. Applied to whichever {@link JwtDecoder} the service
 * has (Boot's from the JWKS, or org-service's own) by wrapping the bean.
 */
public final class VerifiedTokens {

    private static final int MAX_TOKENS = 20_000;
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE).build();
    private final Clock clock;

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The verified token, if it was verified here and has not expired since. */
    public Jwt remembered(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null || jwt.getExpiresAt() == null || jwt.getExpiresAt().isAfter(clock.instant())) {
            return jwt;
        }
        verified.invalidate(token);
        return null;
    }

    /** Keeps a token whose signature and claims the service's decoder accepted. */
    public Jwt remember(String token, Jwt jwt) {
        verified.put(token, jwt);
        return jwt;
    }

    /** A decoder that asks {@code delegate} only for tokens it has not verified yet. */
    public JwtDecoder caching(JwtDecoder delegate) {
        return token -> {
            Jwt known = remembered(token);
            return known != null ? known : remember(token, delegate.decode(token));
        };
    }

    /** Wraps the service's {@link JwtDecoder} bean. */
    static BeanPostProcessor wrappingDecoders(Clock clock) {
        VerifiedTokens tokens = new VerifiedTokens(clock);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder ? tokens.caching(decoder) : bean;
            }
        };
    }
}

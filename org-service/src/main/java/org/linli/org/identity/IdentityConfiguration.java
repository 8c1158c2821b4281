package org.linli.org.identity;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * org-service signs tokens with its own current key and checks incoming tokens against its keys (the current
 * one and, after a rotation, the one before) locally; the other services fetch the public keys from the JWKS
 * endpoint.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    SigningKeys signingKeys(IdentityProperties properties, Clock clock) {
        return SigningKeys.loadOrCreate(properties.dataDir(), clock.instant());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signing());
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }

    /** BCrypt today, with the algorithm id stored in each hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

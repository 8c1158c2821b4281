package org.linli.issue;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests move forward by hand; it replaces the platform's Clock bean in the ITs that import it. */
public class MutableClock extends org.linli.platform.test.MutableClock {

    public MutableClock(Instant start) {
        super(start);
    }

    /** Imports a {@link MutableClock} starting now as the application's Clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }
}

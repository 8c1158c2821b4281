package org.linli.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Checks {@link OriginalTime} against the bean {@link Clock} and the {@code linli.intake.*} settings. Spring's
 * validator factory builds it with these injected; built without Spring it uses the defaults and the UTC clock.
 */
public class OriginalTimeValidator implements ConstraintValidator<OriginalTime, Instant> {

    static final Duration DEFAULT_MAX_BACKDATE = Duration.ofDays(400);
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration maxBackdate;
    private final Duration clockSkew;

    @Autowired
    public OriginalTimeValidator(ObjectProvider<Clock> clock, Environment environment) {
        this(clock.getIfAvailable(Clock::systemUTC),
                environment.getProperty("linli.intake.max-backdate", Duration.class, DEFAULT_MAX_BACKDATE),
                environment.getProperty("linli.intake.clock-skew", Duration.class, DEFAULT_CLOCK_SKEW));
    }

    OriginalTimeValidator(Clock clock, Duration maxBackdate, Duration clockSkew) {
        this.clock = clock;
        this.maxBackdate = maxBackdate;
        this.clockSkew = clockSkew;
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant now = clock.instant();
        return !value.isAfter(now.plus(clockSkew)) && !value.isBefore(now.minus(maxBackdate));
    }
}

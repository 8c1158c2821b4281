package org.linli.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The original time of a record that comes from elsewhere ({@code receivedAt} of a hotline complaint or of a
 * county system's issue): not later than now plus {@code linli.intake.clock-skew} (default 5 minutes) and not
 * earlier than now minus {@code linli.intake.max-backdate} (default 400 days). {@code null} is valid (the record
 * is new). Outside: the request's 400 {@code invalid-request} naming the field. Who may send one is the
 * endpoint's rule, not this constraint's.
 */
@Documented
@Constraint(validatedBy = OriginalTimeValidator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface OriginalTime {

    String message() default "{linli.validation.original-time}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

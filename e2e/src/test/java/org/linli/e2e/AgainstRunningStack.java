package org.linli.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An end-to-end test of the running stack through its gateway: it runs when {@code -Dlinli.gateway=URL}
 * is given ({@code .ci/run} does after {@code ./linli up --detach}) and is skipped, visibly, otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = "linli.gateway", matches = ".+",
        disabledReason = "needs a running stack: ./mvnw -pl e2e verify -Dlinli.gateway=http://localhost:8080")
public @interface AgainstRunningStack {
}

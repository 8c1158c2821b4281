package org.linli.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Runs a Spring test against real MongoDB (replica set) and Kafka images via Testcontainers.
 * Where no Docker engine is reachable the test class is reported as skipped, not failed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
public @interface ContainerInfrastructure {
}

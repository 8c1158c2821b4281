package org.linli.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test against a real Kafka broker (KRaft) and a MongoDB-wire store started in this
 * JVM, shared by all tests of the run; each test class gets its own database. Works on machines
 * without Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfrastructure {
}

package org.linli.platform.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a test's Spring context at the shared infrastructure named by its annotation
 * ({@link EmbeddedInfrastructure} or {@link ContainerInfrastructure}), with a database of its own.
 */
class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        if (TestContextAnnotationUtils.hasAnnotation(testClass, EmbeddedInfrastructure.class)) {
            return new InfrastructureCustomizer(testClass.getName(), false);
        }
        if (TestContextAnnotationUtils.hasAnnotation(testClass, ContainerInfrastructure.class)) {
            return new InfrastructureCustomizer(testClass.getName(), true);
        }
        return null;
    }

    private record InfrastructureCustomizer(String testClass, boolean containers) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            SharedInfrastructure.Endpoints endpoints = containers
                    ? SharedInfrastructure.containers() : SharedInfrastructure.embedded();
            String database = "test_" + Integer.toHexString(testClass.hashCode());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("linli-test-infrastructure",
                    Map.of("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                            "spring.mongodb.uri", endpoints.mongoUriPrefix() + database,
                            "linli.messaging.outbox.poll-interval", "200ms",
                            // the field keys of protected values (platform/protection), away from .linli/data
                            "linli.protection.data-dir", "target/test-data/protection")));
        }
    }
}

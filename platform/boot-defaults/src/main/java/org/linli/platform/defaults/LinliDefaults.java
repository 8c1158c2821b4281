package org.linli.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform libraries' defaults ({@code META-INF/linli/defaults-*.properties}) as the
 * lowest-precedence property sources, so every service starts with the same conventions and its own
 * {@code application.yml} or environment can still override each of them.
 */
public class LinliDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/linli/defaults-*.properties");
            for (Resource file : files) {
                environment.getPropertySources().addLast(new ResourcePropertySource("linli:" + file.getFilename(), file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Linli platform defaults", e);
        }
    }
}

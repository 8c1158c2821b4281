package org.linli.platform.messaging;

import io.github.springwolf.asyncapi.v3.model.schema.SchemaObject;
import io.github.springwolf.core.asyncapi.AsyncApiCustomizer;
import io.github.springwolf.core.asyncapi.AsyncApiService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Springwolf writes each service's AsyncAPI document ({@code /springwolf/docs}) from the
 * {@code @AsyncPublisher} annotations on the methods whose changes record an event and the
 * {@code @AsyncListener} annotations on the consumers. Springwolf 1.12 (the newest on Maven Central)
 * was built for Boot 3 and Jackson 2: it still needs a Jackson 2 {@code ObjectMapper} bean, which Boot 4
 * no longer makes. This one serves springwolf only; the services' own JSON is Jackson 3.
 *
 * <p>Each payload schema gets the pinned contract example of linli-events as its example, instead of
 * springwolf's generated {@code "string"} placeholders.
 */
@AutoConfiguration
@ConditionalOnClass(AsyncApiService.class)
public class AsyncApiConfiguration {

    @Bean
    @ConditionalOnMissingBean(com.fasterxml.jackson.databind.ObjectMapper.class)
    com.fasterxml.jackson.databind.ObjectMapper springwolfObjectMapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
    }

    @Bean
    AsyncApiCustomizer contractExamples(com.fasterxml.jackson.databind.ObjectMapper json) {
        return asyncApi -> {
            if (asyncApi.getComponents() == null || asyncApi.getComponents().getSchemas() == null) {
                return;
            }
            asyncApi.getComponents().getSchemas().forEach((name, schema) -> useContractExample(json, name, schema));
        };
    }

    /** {@code org.linli.events.grid.GridCreated} takes the payload of {@code contracts/grid-events/GridCreated.json}. */
    private static void useContractExample(com.fasterxml.jackson.databind.ObjectMapper json, String name,
                                           SchemaObject schema) {
        String[] parts = name.split("\\.");
        if (parts.length != 5 || !name.startsWith("org.linli.events.")) {
            return;
        }
        String resource = "contracts/" + parts[3] + "-events/" + parts[4] + ".json";
        try (InputStream example = AsyncApiConfiguration.class.getClassLoader().getResourceAsStream(resource)) {
            if (example != null) {
                Map<?, ?> envelope = json.readValue(example, Map.class);
                schema.setExamples(List.of(envelope.get("payload")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable contract example " + resource, e);
        }
    }
}

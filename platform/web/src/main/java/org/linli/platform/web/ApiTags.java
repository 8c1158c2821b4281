package org.linli.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * One global tag per tag name, and one for every tag an operation uses: two controllers that share a
 * {@code @Tag} name (with different descriptions) appear once, with the longer description; a controller
 * without {@code @Tag} (springdoc then tags it with its class name) still gets a global entry, so the
 * document's tags are the table of contents Swagger UI and generated clients group by.
 */
class ApiTags implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        if (openApi.getTags() != null) {
            for (Tag tag : openApi.getTags()) {
                tags.merge(tag.getName(), tag, ApiTags::richer);
            }
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    operation.getTags().forEach(name -> tags.computeIfAbsent(name,
                            missing -> new Tag().name(missing).description("Operations under " + path)));
                }
            }));
        }
        openApi.setTags(tags.isEmpty() ? null : new ArrayList<>(tags.values()));
    }

    private static Tag richer(Tag one, Tag other) {
        return List.of(one, other).stream()
                .max(Comparator.comparingInt(tag -> tag.getDescription() == null ? 0 : tag.getDescription().length()))
                .orElseThrow();
    }
}

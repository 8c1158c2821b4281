package org.linli.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.MediaType;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives schema properties that have no example one that passes Linli's validation, by the conventions every
 * service follows (API-CONVENTIONS.md): WGS-84 {@code lat}/{@code lng} in the county, mobile numbers, ISO
 * dates, months and instants, a {@code version} of 0, a number's minimum. Each JSON request body gets a
 * minimal example ({@link #minimalBody}), which Swagger UI's "Try it out" pre-fills: the required fields
 * and a location, instead of every optional field as {@code "string"}.
 */
class SchemaExamples implements OpenApiCustomizer {

    static final String MOBILE = "13800138000";
    private static final String APPLICATION_JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private static final String REF = "#/components/schemas/";
    private static final int DEPTH = 4;

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<Schema<?>> authored = Collections.newSetFromMap(new IdentityHashMap<>());
        schemas.values().forEach(schema -> authoredExamples(schema, authored));
        schemas.values().forEach(SchemaExamples::fill);
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    MediaType json = operation.getRequestBody().getContent().get(APPLICATION_JSON);
                    if (json != null && json.getExample() == null && json.getExamples() == null) {
                        Object body = minimalBody(json.getSchema(), schemas, authored, 0);
                        if (body instanceof Map<?, ?> map && !map.isEmpty()) {
                            json.setExample(body);
                        }
                    }
                }
            }));
        }
    }

    /**
     * The body Swagger UI pre-fills: the required fields, the fields whose example a controller chose
     * ({@code @Schema(example = ..)}), and {@code lat}/{@code lng} where the schema has them (a location is often
     * required as "coordinates or a building"), each with its example, its enum's first
     * value or a value within its bounds; {@code null} where no such value is known (a pattern without example).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Object minimalBody(Schema<?> schema, Map<String, Schema> schemas, Set<Schema<?>> authored, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            String ref = schema.get$ref();
            return ref.startsWith(REF) ? minimalBody(schemas.get(ref.substring(REF.length())), schemas, authored, depth + 1) : null;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = typeOf(schema);
        if ("object".equals(type) || schema.getProperties() != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                boolean location = property.getKey().equals("lat") || property.getKey().equals("lng");
                if (required.contains(property.getKey()) || location || authored.contains(property.getValue())) {
                    Object value = minimalBody(property.getValue(), schemas, authored, depth + 1);
                    if (value == null) {
                        return null;
                    }
                    body.put(property.getKey(), value);
                }
            }
            return body;
        }
        if ("array".equals(type)) {
            Integer minItems = schema.getMinItems();
            if (minItems == null || minItems == 0) {
                return List.of();
            }
            Object item = minimalBody(schema.getItems(), schemas, authored, depth + 1);
            return item == null ? null : List.of(item);
        }
        if ("string".equals(type)) {
            if (schema.getPattern() != null || schema.getFormat() != null) {
                return null;
            }
            int min = schema.getMinLength() == null ? 1 : Math.max(1, schema.getMinLength());
            int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
            String text = "text".repeat(min / 4 + 1).substring(0, Math.max(min, Math.min(4, max)));
            return text.length() > max ? null : text;
        }
        if ("integer".equals(type) || "number".equals(type)) {
            BigDecimal value = schema.getMinimum() != null ? schema.getMinimum() : BigDecimal.ONE;
            if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
                return null;
            }
            return "integer".equals(type) ? value.toBigInteger() : value;
        }
        if ("boolean".equals(type)) {
            return false;
        }
        return null;
    }

    /** The properties whose example their author chose, before {@link #fill} adds the conventional ones. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void authoredExamples(Schema<?> schema, Set<Schema<?>> authored) {
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).values().stream()
                    .filter(property -> property.getExample() != null).forEach(authored::add);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void fill(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.forEach((name, property) -> {
            if (property.getExample() == null && property.get$ref() == null) {
                Object example = exampleFor(name, property);
                if (example != null) {
                    property.setExample(example);
                }
            }
        });
    }

    /** An example for a property, or {@code null} where the type's own default is as good. */
    static Object exampleFor(String name, Schema<?> property) {
        String lower = name.toLowerCase(Locale.ROOT);
        String type = typeOf(property);
        String format = property.getFormat();
        if ("number".equals(type) && lower.equals("lat")) {
            return new BigDecimal("32.0103");
        }
        if ("number".equals(type) && (lower.equals("lng") || lower.equals("lon"))) {
            return new BigDecimal("112.1452");
        }
        if (!"string".equals(type) && !"integer".equals(type) && !"number".equals(type)) {
            return null;
        }
        if ("string".equals(type) && property.getEnum() == null) {
            if ("date".equals(format)) {
                return "2026-11-21";
            }
            if ("date-time".equals(format)) {
                return "2026-11-21T08:30:00+08:00";
            }
            if (lower.contains("phone") || lower.contains("mobile")) {
                return MOBILE;
            }
            if (lower.contains("email")) {
                return "zhang.san@example.org";
            }
            if (lower.equals("month") || lower.endsWith("month")) {
                return "2026-11";
            }
        }
        if ("integer".equals(type) && lower.equals("version")) {
            return 0;
        }
        if (("integer".equals(type) || "number".equals(type)) && property.getMinimum() != null
                && property.getMinimum().signum() > 0) {
            return "integer".equals(type) ? property.getMinimum().toBigInteger() : property.getMinimum();
        }
        return null;
    }

    private static String typeOf(Schema<?> property) {
        if (property.getType() != null) {
            return property.getType();
        }
        return property.getTypes() == null || property.getTypes().isEmpty() ? null
                : property.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
    }
}

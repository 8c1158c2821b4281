package org.linli.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Gives schema properties that have no example one that passes Linli's validation, by the conventions every
 * service follows (API-CONVENTIONS.md): WGS-84 {@code lat}/{@code lng} in the county, mobile numbers, ISO
 * dates, months and instants, a {@code version} of 0, a number's minimum. Swagger UI's "Try it out" and
 * generated mocks then start from a body that parses and validates, instead of {@code "string"} and 0.
 */
class SchemaExamples implements OpenApiCustomizer {

    static final String MOBILE = "13800138000";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().values().forEach(SchemaExamples::fill);
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

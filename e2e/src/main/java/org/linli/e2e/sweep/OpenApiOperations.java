package org.linli.e2e.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the operations out of an OpenAPI 3 document (springdoc's, as the gateway serves it at {@code /api-docs/<service>}). */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Parameters a client never sends: springdoc shows the handler's {@code Caller} argument as one. */
    private static final Set<String> INTERNAL = Set.of("caller");

    private OpenApiOperations() {
    }

    static List<ApiOperation> of(String service, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toLowerCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    continue;
                }
                List<ApiOperation.Parameter> parameters = new ArrayList<>();
                addParameters(document, path.getValue().path("parameters"), parameters);
                addParameters(document, operation.getValue().path("parameters"), parameters);
                JsonNode content = operation.getValue().path("requestBody").path("content");
                Map<String, JsonNode> json = content.has("application/json")
                        ? properties(document, content.path("application/json").path("schema"))
                        : null;
                boolean multipart = content.has("multipart/form-data");
                operations.add(new ApiOperation(service, method.toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), json, multipart));
            }
        }
        return operations;
    }

    private static void addParameters(JsonNode document, JsonNode declared, List<ApiOperation.Parameter> into) {
        for (JsonNode parameter : declared) {
            JsonNode resolved = resolve(document, parameter);
            String in = resolved.path("in").asString("");
            String name = resolved.path("name").asString("");
            if ((in.equals("path") || in.equals("query")) && !INTERNAL.contains(name)) {
                into.add(new ApiOperation.Parameter(name, in, resolve(document, resolved.path("schema"))));
            }
        }
    }

    /** The body's properties by name (an empty map for a body that is not an object, e.g. a list or a map). */
    private static Map<String, JsonNode> properties(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            properties.put(property.getKey(), resolve(document, property.getValue()));
        }
        return properties;
    }

    /** Follows a local {@code $ref} ({@code #/components/schemas/X}); anything else is returned as it is. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asString("");
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}

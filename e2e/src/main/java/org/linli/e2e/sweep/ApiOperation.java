package org.linli.e2e.sweep;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, as the sweep needs it: where it is and what it takes. Named by
 * method and path, never by {@code operationId} (those are being renamed).
 *
 * @param service    the service whose document lists it ({@code points-service})
 * @param method     HTTP method, upper case
 * @param path       the path template ({@code /api/v1/points/accounts/{accountId}})
 * @param parameters its path and query parameters (header and cookie ones are left out)
 * @param jsonBody   the JSON request body's properties by name, each with its schema ($refs resolved one level);
 *                   {@code null} when it takes no JSON body
 * @param multipart  whether it takes a multipart body
 */
record ApiOperation(String service, String method, String path, List<Parameter> parameters,
                    Map<String, JsonNode> jsonBody, boolean multipart) {

    List<Parameter> pathParameters() {
        return parameters.stream().filter(parameter -> parameter.in().equals("path")).toList();
    }

    List<Parameter> queryParameters() {
        return parameters.stream().filter(parameter -> parameter.in().equals("query")).toList();
    }

    /** Whether it reads {@code page}, {@code size} and {@code sort} (springdoc shows a {@code Pageable} either way). */
    boolean paged() {
        return parameters.stream().anyMatch(parameter -> List.of("pageable", "page", "size", "sort")
                .contains(parameter.name()));
    }

    boolean takesBody() {
        return jsonBody != null || multipart;
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + service + ")";
    }

    /**
     * @param name   as the client sends it
     * @param in     {@code path} or {@code query}
     * @param schema its schema ($ref resolved)
     */
    record Parameter(String name, String in, JsonNode schema) {

        String type() {
            return schema.path("type").asString("string");
        }

        String format() {
            return schema.path("format").asString("");
        }

        boolean isEnum() {
            return schema.has("enum");
        }
    }
}

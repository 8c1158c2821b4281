package org.linli.e2e.flow;

import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Reading the services' paged answers ({@code {content: [...], page: {...}}}) and plain JSON arrays. */
final class Pages {

    private Pages() {
    }

    /** The first element of the page's {@code content} (or of the array itself) whose {@code field} is {@code value}. */
    static Optional<JsonNode> find(JsonNode pageOrArray, String field, String value) {
        JsonNode elements = pageOrArray.has("content") ? pageOrArray.path("content") : pageOrArray;
        return StreamSupport.stream(elements.spliterator(), false)
                .filter(element -> value.equals(element.path(field).asString(null))).findFirst();
    }

    static boolean contains(JsonNode pageOrArray, String field, String value) {
        return find(pageOrArray, field, value).isPresent();
    }

    /** How many elements of the page's {@code content} (or of the array) have {@code field} equal to {@code value}. */
    static long count(JsonNode pageOrArray, String field, String value) {
        JsonNode elements = pageOrArray.has("content") ? pageOrArray.path("content") : pageOrArray;
        return StreamSupport.stream(elements.spliterator(), false)
                .filter(element -> value.equals(element.path(field).asString(null))).count();
    }

    static long totalElements(JsonNode page) {
        return page.path("page").path("totalElements").asLong();
    }
}

package org.linli.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document ({@code /v3/api-docs}) as its integration test reads it: the conventions of
 * docs/api/README.md checked one by one, and the documents written to {@code target/api-docs/} so that
 * {@code scripts/api-contract --from} can lint them, generate a client from them and validate them without a
 * running stack.
 */
public final class ApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocuments() {
    }

    /** Writes a document to {@code target/api-docs/<name>} (the module's directory is the tests' working directory). */
    public static Path write(String name, String content) {
        try {
            Path file = Path.of("target", "api-docs", name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /**
     * What breaks the conventions in an OpenAPI document, one line each; empty when it keeps them all: only
     * client-facing paths, the given server, no {@code caller} parameter or body, unique camelCase operation
     * ids, every operation with a 400 and a 503 answer of the shared problem schema (Open311's own error list
     * for its 400), and a {@code Problem} schema whose {@code code} is required.
     */
    public static List<String> violations(JsonNode doc, String serverUrl) {
        List<String> found = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        doc.path("servers").forEach(server -> servers.add(server.path("url").asString()));
        if (!servers.equals(List.of(serverUrl))) {
            found.add("servers are " + servers + ", not [" + serverUrl + "]");
        }
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        if (!problem.path("required").toString().contains("\"code\"")) {
            found.add("no Problem schema with a required code");
        }
        doc.path("components").path("schemas").propertyNames().forEach(name -> {
            if (name.endsWith("Caller")) {
                found.add("schema " + name + " documents the internal Caller");
            }
        });
        Set<String> ids = new HashSet<>();
        doc.path("paths").properties().forEach(path -> {
            String route = path.getKey();
            if (!route.startsWith("/api/") && !route.startsWith("/open311/") && !route.startsWith("/.well-known/")) {
                found.add("not an API path: " + route);
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    check(method.toUpperCase() + " " + route, operation, ids, found);
                }
            }
        });
        return found;
    }

    private static void check(String name, JsonNode operation, Set<String> ids, List<String> found) {
        String id = operation.path("operationId").asString();
        if (!OPERATION_ID.matcher(id).matches()) {
            found.add(name + ": operationId '" + id + "' is not camelCase");
        }
        if (!ids.add(id)) {
            found.add(name + ": operationId '" + id + "' is not unique");
        }
        operation.path("parameters").forEach(parameter -> {
            if ("caller".equals(parameter.path("name").asString())) {
                found.add(name + ": has the internal caller parameter");
            }
        });
        if (operation.path("requestBody").toString().contains("Caller")) {
            found.add(name + ": its request body is the internal Caller");
        }
        if (!operation.path("summary").isString() || operation.path("summary").asString().isBlank()) {
            found.add(name + ": no summary");
        }
        JsonNode responses = operation.path("responses");
        String badRequest = responses.path("400").path("content").toString();
        boolean open311 = name.contains(" /open311/");
        if (!badRequest.contains(open311 ? "#/components/schemas/Open311Errors" : "#/components/schemas/Problem")) {
            found.add(name + ": no documented 400 answer with its error schema");
        }
        if (!responses.path("503").path("content").path("application/problem+json").path("schema").path("$ref")
                .asString().equals("#/components/schemas/Problem")) {
            found.add(name + ": no documented 503 problem+json answer");
        }
    }
}

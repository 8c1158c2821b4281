package org.linli.e2e.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad requests sent to one operation: garbage, {@code ../}, spaces, symbols, operator objects and very long
 * values for each path parameter; unparseable numbers, dates, months, enums and booleans for each query parameter;
 * garbage {@code page}/{@code size}/{@code sort} for paged lists; and for a JSON body: malformed JSON, a body of
 * the wrong shape, the wrong content type, then one property at a time of the wrong type, as an operator object
 * ({@code {"$gt": ""}}) and as a 100 KB string. Path parameters not under test name nothing
 * ({@value #NOTHING}), so no case can touch a stored resource; a body's other properties are plausible, so the
 * property under test meets the service's validation rather than a parse error elsewhere.
 */
final class SweepCases {

    static final String NOTHING = "sweep-none";
    static final int HUGE_STRING = 100 * 1024;
    /** Properties of a body probed one at a time (the rest are covered by the all-at-once cases). */
    static final int MAX_PROPERTIES = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final String OPERATOR = "%7B%22%24gt%22%3A%22%22%7D";

    /** Raw (percent-encoded) path segments that are no id: each with what it is. */
    static final Map<String, String> BAD_IDS = badIds();

    private SweepCases() {
    }

    private static Map<String, String> badIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("garbage", "zz-sweep-garbage-9f3");
        ids.put("spaces", "%20sweep%20id%20");
        ids.put("symbols", "sweep%24%7B%7D%3C%3E%7C%5E%60%22%27%3B%2C");
        ids.put("dot segment", "..");
        ids.put("../ traversal", "../../sweep");
        ids.put("encoded ../", "..%2F..%2Fsweep");
        ids.put("operator object", OPERATOR);
        ids.put("NUL", "sweep%00");
        ids.put("right-to-left mark", "%E2%80%AEsweep");
        ids.put("long id (300)", "x".repeat(300));
        ids.put("very long id (5000)", "x".repeat(5000));
        return ids;
    }

    /** The cases for one operation, with a token ({@code full}) or the few sent without one. */
    static List<SweepCase> of(ApiOperation operation, boolean full) {
        List<SweepCase> cases = new ArrayList<>();
        pathCases(operation, cases);
        queryCases(operation, cases);
        pagingCases(operation, cases);
        bodyCases(operation, cases);
        if (full) {
            return cases;
        }
        return cases.stream().filter(c -> c.what().startsWith("path ") && c.what().endsWith(": garbage")
                || c.what().equals("malformed JSON") || c.what().startsWith("query ") && c.what().endsWith("#1"))
                .toList();
    }

    /** The path with every variable naming nothing, except {@code name}, which is {@code raw}. */
    static String path(String template, String name, String raw) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(matcher.group(1).equals(name) ? raw : NOTHING));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String plainPath(ApiOperation operation) {
        return path(operation.path(), null, null);
    }

    private static void pathCases(ApiOperation operation, List<SweepCase> cases) {
        for (ApiOperation.Parameter parameter : operation.pathParameters()) {
            BAD_IDS.forEach((what, raw) -> cases.add(new SweepCase(operation, "path " + parameter.name() + ": " + what,
                    operation.method(), path(operation.path(), parameter.name(), raw), jsonType(operation),
                    plausibleBody(operation), false)));
        }
    }

    private static void queryCases(ApiOperation operation, List<SweepCase> cases) {
        for (ApiOperation.Parameter parameter : operation.queryParameters()) {
            if (List.of("pageable", "page", "size", "sort").contains(parameter.name())) {
                continue;
            }
            List<String> values = badQueryValues(parameter);
            for (int i = 0; i < values.size(); i++) {
                cases.add(new SweepCase(operation, "query " + parameter.name() + "=" + abbreviate(values.get(i))
                        + " #" + (i + 1), operation.method(), plainPath(operation) + "?" + parameter.name() + "="
                        + values.get(i), jsonType(operation), plausibleBody(operation), false));
            }
        }
    }

    /** Values that cannot be what the parameter's schema says, percent-encoded. */
    static List<String> badQueryValues(ApiOperation.Parameter parameter) {
        String name = parameter.name().toLowerCase(java.util.Locale.ROOT);
        String pattern = parameter.schema().path("pattern").asString("");
        if (parameter.isEnum()) {
            return List.of("NOT_A_VALUE", OPERATOR);
        }
        return switch (parameter.type()) {
            case "integer", "number" -> List.of("abc", "1e999", "99999999999999999999999", "-1");
            case "boolean" -> List.of("maybe", OPERATOR);
            case "array" -> List.of(OPERATOR, "%00");
            default -> switch (parameter.format()) {
                case "date" -> List.of("2026-13-45", "abc", "2026-02-30");
                case "date-time" -> List.of("yesterday", "2026-11-21T25:61:00Z");
                default -> name.contains("month") || pattern.contains("\\d{4}")
                        ? List.of("abc", "2026-13", "2026-00", "99999-01")
                        : List.of(OPERATOR, "y".repeat(2000), "%00", "..%2F..%2F");
            };
        };
    }

    private static void pagingCases(ApiOperation operation, List<SweepCase> cases) {
        if (!operation.paged()) {
            return;
        }
        for (String query : List.of("page=abc", "page=-1", "page=99999999999", "size=0", "size=abc", "size=100000",
                "sort=%24where", "sort=name%2Csideways%2Cup", "sort=%2C%2C", "sort=" + OPERATOR)) {
            cases.add(new SweepCase(operation, "paging " + query, operation.method(), plainPath(operation) + "?" + query,
                    null, null, false));
        }
    }

    private static void bodyCases(ApiOperation operation, List<SweepCase> cases) {
        String method = operation.method();
        String target = plainPath(operation);
        if (!operation.takesBody()) {
            if (!method.equals("GET") && !method.equals("DELETE")) {
                cases.add(new SweepCase(operation, "malformed JSON", method, target, "application/json", "{\"a\":", true));
            }
            return;
        }
        cases.add(new SweepCase(operation, "malformed JSON", method, target, "application/json", "{\"a\":", true));
        cases.add(new SweepCase(operation, "wrong content type text/plain", method, target, "text/plain", "sweep", true));
        cases.add(new SweepCase(operation, "wrong content type xml", method, target, "application/xml", "<a/>", true));
        if (operation.jsonBody() == null) {
            cases.add(new SweepCase(operation, "JSON to a multipart operation", method, target, "application/json",
                    "{}", true));
            return;
        }
        for (String body : List.of("[]", "null", "\"sweep\"", "42", "")) {
            cases.add(new SweepCase(operation, "body " + (body.isEmpty() ? "empty" : body), method, target,
                    "application/json", body, true));
        }
        Map<String, JsonNode> properties = operation.jsonBody();
        if (properties.isEmpty()) {
            return;
        }
        ObjectNode operators = plausible(properties);
        properties.forEach((name, schema) -> operators.set(name, operator()));
        cases.add(new SweepCase(operation, "every property an operator object", method, target, "application/json",
                JSON.writeValueAsString(operators), true));
        ObjectNode wrong = plausible(properties);
        properties.forEach((name, schema) -> wrong.set(name, wrongType(schema)));
        cases.add(new SweepCase(operation, "every property of the wrong type", method, target, "application/json",
                JSON.writeValueAsString(wrong), true));
        properties.entrySet().stream().limit(MAX_PROPERTIES).forEach(property -> {
            String name = property.getKey();
            JsonNode schema = property.getValue();
            cases.add(propertyCase(operation, name, "of the wrong type", wrongType(schema)));
            cases.add(propertyCase(operation, name, "an operator object", operator()));
            if (isStringLike(schema)) {
                JsonNode huge = NODES.stringNode("z".repeat(HUGE_STRING));
                cases.add(propertyCase(operation, name, "a 100 KB string",
                        schema.path("type").asString("").equals("array") ? NODES.arrayNode().add(huge) : huge));
            }
        });
    }

    private static SweepCase propertyCase(ApiOperation operation, String name, String what, JsonNode value) {
        ObjectNode body = plausible(operation.jsonBody());
        body.set(name, value);
        return new SweepCase(operation, "body " + name + " " + what, operation.method(), plainPath(operation),
                "application/json", JSON.writeValueAsString(body), true);
    }

    private static boolean isStringLike(JsonNode schema) {
        String type = schema.path("type").asString("");
        return type.equals("string") && !schema.has("enum")
                || type.equals("array") && schema.path("items").path("type").asString("").equals("string");
    }

    private static ObjectNode operator() {
        return NODES.objectNode().put("$gt", "");
    }

    /** A value no schema of this type accepts. */
    static JsonNode wrongType(JsonNode schema) {
        return switch (schema.path("type").asString("")) {
            case "integer", "number" -> NODES.stringNode("abc");
            case "boolean" -> NODES.stringNode("maybe");
            case "array" -> NODES.stringNode("not-a-list");
            case "object" -> NODES.numberNode(42);
            default -> schema.has("enum") ? NODES.stringNode("NOT_A_VALUE")
                    : schema.has("properties") ? NODES.numberNode(42) : NODES.arrayNode().add(1).add(2);
        };
    }

    private static String plausibleBody(ApiOperation operation) {
        return operation.jsonBody() == null ? null : JSON.writeValueAsString(plausible(operation.jsonBody()));
    }

    private static String jsonType(ApiOperation operation) {
        return operation.jsonBody() == null ? null : "application/json";
    }

    /** A body of plausible values (strings "sweep", numbers 1, enums their first value, lists empty). */
    static ObjectNode plausible(Map<String, JsonNode> properties) {
        ObjectNode body = NODES.objectNode();
        properties.forEach((name, schema) -> body.set(name, plausibleValue(schema, 0)));
        return body;
    }

    private static JsonNode plausibleValue(JsonNode schema, int depth) {
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        return switch (schema.path("type").asString("")) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.0);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 2) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.set(property.getKey(), plausibleValue(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            default -> switch (schema.path("format").asString("")) {
                case "date" -> NODES.stringNode("2026-11-21");
                case "date-time" -> NODES.stringNode("2026-11-21T08:30:00Z");
                default -> NODES.stringNode("sweep");
            };
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 24 ? value : value.substring(0, 12) + "…(" + value.length() + ")";
    }
}

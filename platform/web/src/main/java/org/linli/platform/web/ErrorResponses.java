package org.linli.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.util.AntPathMatcher;

/**
 * Documents the error answers of every operation, derived from the operation itself rather than annotated on
 * each: the status codes the platform can answer for its method, path and body (400 always; 401/403 unless the
 * path is public; 404 where the path names a resource; 409 and 422 for writes; 413/415 with a body; 429 from
 * the gateway's rate limiter; 503 while a dependency is down), each with the shared {@code Problem} schema
 * (application/problem+json) and the {@code code}s it can carry, one example per code.
 *
 * <p>Business-rule codes (mostly 422) come from the operation's own description, where the controller
 * names them after their status ("422 invalid-grid-level, unknown-community"); a word counts as a code only
 * when the service's message bundle declares it ({@code problem.<code>.title}), so the list names codes that
 * exist. It is the list the operation promises, not a closed set: clients treat an unknown {@code code} as
 * the generic refusal of its status.
 *
 * <p>Open311 operations ({@code /open311/**}) answer their own error shape (Open311's
 * {@code [{"code", "description"}]}) for 400, 403 and 404.
 */
class ErrorResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "Problem";
    static final String OPEN311_ERRORS = "Open311Errors";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Pattern STATUS = Pattern.compile("(?<![\\d.,-])([45]\\d\\d)(?![\\d.,])");
    private static final Pattern CODE = Pattern.compile("(?<![\\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\\w-])");
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final Map<Integer, String> SUMMARIES = Map.of(
            400, "The request is not valid", 401, "Not authenticated", 403, "The caller's role or org scope does not allow this",
            404, "No such resource (or not visible to the caller)", 409, "Conflict with the current state",
            413, "The body is too large", 415, "Unsupported Content-Type", 422, "A business rule refused the request",
            429, "Too many requests (the gateway's rate limit); see Retry-After",
            503, "A dependency is down; retry after Retry-After seconds");

    private final MessageSource messages;
    private final List<String> publicPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    ErrorResponses(MessageSource messages, List<String> publicPaths) {
        this.messages = messages;
        this.publicPaths = List.copyOf(publicPaths);
    }

    @Override
    public void customise(OpenAPI openApi) {
        addSchemas(openApi);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open311 = path.startsWith("/open311/");
        boolean isPublic = publicPaths.stream().anyMatch(pattern -> paths.match(pattern, path));
        if (isPublic) {
            operation.setSecurity(List.of());
        }
        Map<Integer, Set<String>> codes = new TreeMap<>(promisedCodes(operation));
        boolean body = operation.getRequestBody() != null;
        boolean write = WRITES.contains(method);
        boolean post = method == PathItem.HttpMethod.POST;
        boolean inputs = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());

        add(codes, 400, "bad-request");
        if (inputs) {
            add(codes, 400, "invalid-request");
        }
        if (body) {
            add(codes, 400, "malformed-body");
            add(codes, 413, "payload-too-large");
            add(codes, 415, "unsupported-media-type");
        }
        if (post) {
            add(codes, 400, "invalid-idempotency-key");
        }
        if (!isPublic) {
            add(codes, 401, "unauthorized");
            add(codes, 403, "forbidden");
        }
        if (path.contains("{")) {
            add(codes, 404, "not-found");
        }
        if (write) {
            add(codes, 409, "stale-version");
            add(codes, 409, "already-exists");
            add(codes, 422, null);
        }
        if (post) {
            add(codes, 409, "idempotency-key-in-progress");
            add(codes, 422, "idempotency-key-reused");
        }
        add(codes, 429, "too-many-requests");
        add(codes, 503, "service-unavailable");

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        codes.forEach((status, kinds) -> {
            if (!responses.containsKey(String.valueOf(status))) {
                responses.addApiResponse(String.valueOf(status), open311 && status < 405
                        ? open311Response(status) : problemResponse(path, status, kinds));
            }
        });
        operation.setResponses(responses);
    }

    /** The codes the operation's description names after a status: "422 invalid-grid-level, unknown-community". */
    Map<Integer, Set<String>> promisedCodes(Operation operation) {
        String text = (operation.getSummary() == null ? "" : operation.getSummary()) + " "
                + (operation.getDescription() == null ? "" : operation.getDescription());
        Map<Integer, Set<String>> promised = new TreeMap<>();
        Matcher status = STATUS.matcher(text);
        List<int[]> starts = new ArrayList<>();
        while (status.find()) {
            starts.add(new int[] {Integer.parseInt(status.group(1)), status.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[1];
            int to = nextStatusStart(text, from);
            Matcher code = CODE.matcher(text.substring(from, to));
            while (code.find()) {
                if (declared(code.group())) {
                    add(promised, starts.get(i)[0], code.group());
                }
            }
        }
        return promised;
    }

    private static int nextStatusStart(String text, int from) {
        Matcher next = STATUS.matcher(text);
        return next.find(from) ? next.start() : text.length();
    }

    private boolean declared(String code) {
        return messages.getMessage("problem." + code + ".title", null, null, Locale.ENGLISH) != null;
    }

    private static void add(Map<Integer, Set<String>> codes, int status, String code) {
        Set<String> set = codes.computeIfAbsent(status, s -> new LinkedHashSet<>());
        if (code != null) {
            set.add(code);
        }
    }

    private ApiResponse problemResponse(String path, int status, Set<String> kinds) {
        String list = kinds.stream().map(kind -> "`" + kind + "`").collect(Collectors.joining(", "));
        String description = SUMMARIES.getOrDefault(status, "Refused") + (kinds.isEmpty() ? ""
                : ". `code`: " + list + (status == 422 ? " (the codes this operation names; treat any other as a "
                + "generic refusal)" : ""));
        MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        Map<String, Example> examples = new LinkedHashMap<>();
        for (String kind : kinds) {
            examples.put(kind, new Example().summary(title(kind)).value(example(path, status, kind)));
        }
        if (!examples.isEmpty()) {
            media.setExamples(examples);
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private Map<String, Object> example(String path, int status, String kind) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_BASE + kind);
        problem.put("title", title(kind));
        problem.put("status", status);
        String detail = messages.getMessage("problem." + kind + ".detail", null, null, Locale.ENGLISH);
        if (detail != null && !detail.contains("{")) {
            problem.put("detail", detail);
        }
        problem.put("instance", path.replaceAll("\\{[^}]+}", "1"));
        problem.put("code", kind);
        if ("invalid-request".equals(kind)) {
            problem.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
        }
        return problem;
    }

    private String title(String kind) {
        return messages.getMessage("problem." + kind + ".title", null, kind, Locale.ENGLISH);
    }

    private static ApiResponse open311Response(int status) {
        return new ApiResponse().description(SUMMARIES.get(status) + " (Open311 error list)").content(new Content()
                .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + OPEN311_ERRORS))));
    }

    /** {@code Problem} as ProblemHandler writes it (RFC 9457 plus Linli's {@code code} and {@code errors}). */
    private static void addSchemas(OpenAPI openApi) {
        Schema<?> fieldProblem = new ObjectSchema()
                .description("One offending input: a body field (`members[2].name`) or a query parameter")
                .addProperty("field", new StringSchema().example("name"))
                .addProperty("message", new StringSchema().example("must not be blank"))
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details (application/problem+json). `title` and `detail` follow "
                        + "Accept-Language (zh-CN by default, en); `code` is stable and machine-readable.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("A stable URI per kind of error: " + Problems.TYPE_BASE + "<code>")
                        .example(Problems.TYPE_BASE + "not-found"))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).example(404))
                .addProperty("detail", new StringSchema().example("grid g-1 was not found."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/grids/g-1"))
                .addProperty("code", new StringSchema().pattern("^[a-z0-9]+(-[a-z0-9]+)*$").example("not-found")
                        .description("Machine-readable kind of error; the last segment of `type`"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                        .description("For `invalid-request`: each offending field"))
                .required(List.of("type", "title", "status", "code"));
        Schema<?> open311Error = new ObjectSchema()
                .addProperty("code", new IntegerSchema().example(404))
                .addProperty("description", new StringSchema().example("service request 42 not found"))
                .required(List.of("code", "description"));
        Schema<?> open311Errors = new ArraySchema().items(open311Error)
                .description("Open311 GeoReport v2 errors");
        if (openApi.getComponents() == null) {
            openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        openApi.getComponents().addSchemas("FieldProblem", fieldProblem).addSchemas(PROBLEM, problem);
        if (openApi.getPaths() != null && openApi.getPaths().keySet().stream().anyMatch(path -> path.startsWith("/open311/"))) {
            openApi.getComponents().addSchemas(OPEN311_ERRORS, open311Errors);
        }
    }
}

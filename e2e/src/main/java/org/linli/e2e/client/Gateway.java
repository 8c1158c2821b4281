package org.linli.e2e.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The running stack as a client sees it: HTTP to the gateway, nothing else. The address comes from
 * {@code -Dlinli.gateway} or {@code LINLI_GATEWAY} (default http://localhost:8080); the admin password
 * from {@code LINLI_ADMIN_PASSWORD} or the file {@code ./linli up} generated.
 */
public final class Gateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_RATE_LIMIT_RETRIES = 30;

    private final URI base;
    /** The writes sent through this gateway when {@link #recordingWrites() recording}, else {@code null}. */
    private final List<Write> writes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public Gateway(URI base) {
        this(base, null);
    }

    private Gateway(URI base, List<Write> writes) {
        this.base = base;
        this.writes = writes;
    }

    /** A write sent through a {@link #recordingWrites() recording} gateway, under its own {@code X-Request-Id}. */
    public record Write(String method, String path, int status, String requestId, boolean signedIn) {
    }

    /**
     * The same stack through a gateway that stamps every POST, PUT, PATCH and DELETE with its own {@code X-Request-Id}
     * and keeps what it sent and got ({@link #writes()}): what the audit trail must then hold.
     */
    public Gateway recordingWrites() {
        return new Gateway(base, new CopyOnWriteArrayList<>());
    }

    public List<Write> writes() {
        return writes == null ? List.of() : List.copyOf(writes);
    }

    public static Gateway fromEnvironment() {
        String url = Optional.ofNullable(System.getProperty("linli.gateway")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("LINLI_GATEWAY"))).orElse("http://localhost:8080");
        return new Gateway(URI.create(url.replaceAll("/+$", "")));
    }

    public URI base() {
        return base;
    }

    /** The county administrator ({@code admin}), the account {@code ./linli up} creates. */
    public Session admin() {
        return signIn("admin", secret("LINLI_ADMIN_PASSWORD", ".linli/data/org-service/admin-password"));
    }

    /** An account of the demo county ({@code ./linli demo}), with the password it generated. */
    public Session demoAccount(String username) {
        return signIn(username, secret("LINLI_DEMO_PASSWORD", ".linli/data/demo-password"));
    }

    /** The demo accounts' password ({@code LINLI_DEMO_PASSWORD} or the file {@code ./linli demo} generated). */
    public static String demoPassword() {
        return secret("LINLI_DEMO_PASSWORD", ".linli/data/demo-password");
    }

    public Session anonymous() {
        return new Session(this, null, null);
    }

    public Session signIn(String username, String password) {
        String form = "grant_type=password&username=" + encode(username) + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/auth/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Reply reply = exchange("POST /api/v1/auth/token as " + username, request);
        return new Session(this, username, reply.expect(200).path("access_token").asString());
    }

    /**
     * The holder's own password change ({@code POST /api/v1/auth/password-changes}, no token): what a person does
     * with the initial password an administrator gave them before the first sign-in.
     */
    public void changePassword(String username, String currentPassword, String newPassword) {
        send("POST", "/api/v1/auth/password-changes", Map.of("username", username, "currentPassword", currentPassword,
                "newPassword", newPassword), null).expect(204);
    }

    Reply send(String method, String path, Object body, String token) {
        return send(method, path, body, token, Map.of());
    }

    Reply send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        String requestId = writes != null && !method.equals("GET") ? "e2e-" + UUID.randomUUID() : null;
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        Reply reply = exchange(method + " " + path, request.build());
        if (requestId != null) {
            writes.add(new Write(method, path, reply.status(), requestId, token != null));
        }
        return reply;
    }

    /**
     * Sends once, or again after the {@code Retry-After} the gateway's own rate limit asks for (a 429 with
     * its {@code X-RateLimit-*} headers, at most a few seconds). A service's own 429 (issue-service's QR
     * report limit, whose wait may be an hour) is an answer for the caller.
     */
    private Reply exchange(String description, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; isGatewayRateLimit(response) && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance() : parse(text);
            return new Reply(description, response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(description + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description + " interrupted", e);
        }
    }

    private static boolean isGatewayRateLimit(HttpResponse<String> response) {
        return response.statusCode() == 429 && response.headers().firstValue("X-RateLimit-Burst-Capacity").isPresent()
                && response.headers().firstValueAsLong("Retry-After").orElse(1) <= 5;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException notJson) {
            return json.getNodeFactory().stringNode(text);
        }
    }

    /** From the environment variable, else from the file below the nearest enclosing folder that has it. */
    private static String secret(String variable, String file) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path path = dir.resolve(file);
            if (Files.isReadable(path)) {
                try {
                    return Files.readString(path).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no password: set " + variable + " or run from the checkout whose ./linli "
                + "generated " + file);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

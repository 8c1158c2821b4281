package org.linli.e2e.sweep;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sweep makes of one answer: a 5xx fails; a 4xx fails unless it is {@code application/problem+json} with
 * {@code status} (the answer's own), a {@code title} and a {@code code}. Open311 ({@code /open311/}) answers its own
 * error shape by its specification, so there only a 5xx fails.
 */
final class Verdict {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Verdict() {
    }

    /** Why the answer fails the sweep; empty when it passes. */
    static Optional<String> failure(SweepCase sent, int status, String contentType, String body) {
        if (status >= 500) {
            return Optional.of(status + " " + abbreviated(body));
        }
        if (status < 400 || sent.target().startsWith("/open311/")) {
            return Optional.empty();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/problem+json")) {
            return Optional.of(status + " with Content-Type " + (type.isEmpty() ? "(none)" : type) + ": "
                    + abbreviated(body));
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body == null ? "" : body);
        } catch (RuntimeException notJson) {
            return Optional.of(status + " problem+json that is not JSON: " + abbreviated(body));
        }
        if (problem == null || problem.path("status").asInt(-1) != status) {
            return Optional.of(status + " problem without its status: " + abbreviated(body));
        }
        if (problem.path("title").asString("").isBlank()) {
            return Optional.of(status + " problem without a title: " + abbreviated(body));
        }
        if (problem.path("code").asString("").isBlank()) {
            return Optional.of(status + " problem without a code: " + abbreviated(body));
        }
        return Optional.empty();
    }

    /** A bad body answered 2xx: stored or acted on although it should not have been (reported, not failed). */
    static boolean accepted(SweepCase sent, int status) {
        return sent.badBody() && status >= 200 && status < 300;
    }

    private static String abbreviated(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}

package org.linli.e2e.client;

import tools.jackson.databind.JsonNode;

/** One answer of the gateway: the status and the JSON body (a missing node when there was none). */
public record Reply(String request, int status, JsonNode body) {

    /** The body, after checking the status is one of the expected ones; otherwise fails with the whole answer. */
    public JsonNode expect(int... statuses) {
        for (int expected : statuses) {
            if (status == expected) {
                return body;
            }
        }
        throw new AssertionError(request + " answered " + status + " " + body);
    }

    /** The body of a 2xx answer. */
    public JsonNode ok() {
        if (status / 100 != 2) {
            throw new AssertionError(request + " answered " + status + " " + body);
        }
        return body;
    }

    /** The problem's {@code code} of a refusal (empty for any other answer). */
    public String code() {
        return body.path("code").asString("");
    }

    public String text(String field) {
        return body.path(field).asString(null);
    }
}

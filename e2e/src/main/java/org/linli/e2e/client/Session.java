package org.linli.e2e.client;

/**
 * A caller of the gateway: signed in with a bearer token, or anonymous (token {@code null}) for the
 * public paths. Bodies are serialised to JSON; paths are relative to the gateway.
 */
public record Session(Gateway gateway, String username, String token) {

    public Reply get(String path) {
        return gateway.send("GET", path, null, token);
    }

    public Reply post(String path, Object body) {
        return gateway.send("POST", path, body, token);
    }

    /** A POST with extra headers (an {@code Idempotency-Key}, say). */
    public Reply post(String path, Object body, java.util.Map<String, String> headers) {
        return gateway.send("POST", path, body, token, headers);
    }

    public Reply put(String path, Object body) {
        return gateway.send("PUT", path, body, token);
    }

    public Reply patch(String path, Object body) {
        return gateway.send("PATCH", path, body, token);
    }

    public Reply delete(String path) {
        return gateway.send("DELETE", path, null, token);
    }
}

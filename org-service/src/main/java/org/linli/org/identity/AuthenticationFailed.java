package org.linli.org.identity;

import java.time.Duration;

/** A token request that names no valid credentials: answers 401 problem+json with {@code kind} as its type. */
class AuthenticationFailed extends RuntimeException {

    private final String kind;
    private final Duration retryAfter;

    AuthenticationFailed(String kind, Duration retryAfter) {
        super(kind);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    AuthenticationFailed(String kind) {
        this(kind, Duration.ZERO);
    }

    String kind() {
        return kind;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

package org.linli.platform.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web conventions of a service ({@code linli.web.*}).
 *
 * @param maxBodySize largest non-multipart request body accepted
 * @param publicPaths ant patterns reachable without a token, beyond health, metrics and API docs
 * @param idempotency how long {@code Idempotency-Key} claims and answers live
 */
@ConfigurationProperties("linli.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> publicPaths,
                            @DefaultValue Idempotency idempotency) {

    /**
     * @param lease     how long a running request's claim outlives its last heartbeat (renewed every third);
     *                  after a crash, the key is free again this much later
     * @param retention how long a successful answer is replayed
     */
    public record Idempotency(@DefaultValue("15s") Duration lease, @DefaultValue("24h") Duration retention) {
    }
}

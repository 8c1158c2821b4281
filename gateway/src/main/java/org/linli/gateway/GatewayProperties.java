package org.linli.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway settings ({@code linli.gateway.*}).
 *
 * @param publicPaths paths reachable without a token (ant patterns, optionally prefixed by a method: {@code POST /api/v1/...})
 * @param rateLimit   per-client request rate
 */
@ConfigurationProperties("linli.gateway")
public record GatewayProperties(@DefaultValue List<String> publicPaths, @DefaultValue RateLimit rateLimit) {

    /**
     * @param store          {@code memory} (one gateway) or {@code redis} (shared by several gateways)
     * @param replenishRate  requests per second a client may make on average
     * @param burstCapacity  requests a client may make at once
     */
    public record RateLimit(@DefaultValue("memory") String store, @DefaultValue("50") int replenishRate,
                            @DefaultValue("100") int burstCapacity) {
    }
}

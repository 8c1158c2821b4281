package org.linli.gateway;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each client's request rate across all routes: a signed-in client by its account, an
 * anonymous one by its address. Over the limit it answers 429 problem+json with {@code Retry-After}.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter<?> limiter;

    RateLimitFilter(RateLimiter<?> limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName).map(name -> "account:" + name)
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(key -> limiter.isAllowed("all-routes", key))
                .flatMap(response -> {
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    response.getHeaders().forEach((name, value) -> exchange.getResponse().getHeaders().set(name, value));
                    return GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}

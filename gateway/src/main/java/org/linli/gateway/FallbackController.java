package org.linli.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends a call it cuts: 503 problem+json, never a hanging request. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
    }
}

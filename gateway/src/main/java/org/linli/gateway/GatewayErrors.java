package org.linli.gateway;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Every refusal the gateway makes itself is problem+json with a {@code code} ({@link GatewayProblems}), never an empty
 * body nor Boot's error JSON:
 * <ul>
 *   <li>a URL Spring Security's exchange firewall refuses (dot segments, encoded slashes, {@code %25}…): 400
 *       {@code invalid-url} (the firewall's default handler answers an empty 400);</li>
 *   <li>a URL longer than {@code linli.gateway.max-uri-length} (4 KiB; a service's Tomcat refuses a request line
 *       and headers over 8 KiB together with an empty 400, and a token takes 1 KiB of that): 414
 *       {@code uri-too-long}, from a filter ahead of everything else. Reactor Netty's own limit on the request line
 *       ({@code server.netty.max-initial-line-length}, raised to 1 MiB) answers an empty 414 before any filter
 *       runs, so it is set well above ours;</li>
 *   <li>headers over {@code linli.gateway.max-header-bytes} (16 KiB): 431 {@code headers-too-large}, for the same
 *       reason (Netty's header limit, {@code server.max-http-request-header-size}, is raised to 1 MiB, and the
 *       services accept 32 KiB of line and headers, more than the gateway ever forwards);</li>
 *   <li>no route (404 {@code not-found}), a method or media type refused, and a service a route cannot reach — the
 *       {@code /api-docs/*} and {@code /asyncapi/*} routes have no circuit breaker — 503 {@code service-unavailable}
 *       with {@code Retry-After} instead of a raw 500; anything unexpected 500 {@code internal-error}, logged,
 *       without internals.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GatewayErrors {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);
    static final String RETRY_AFTER_SECONDS = "10";
    private static final Map<Integer, String> KIND_BY_STATUS = Map.of(400, "bad-request", 401, "unauthorized",
            403, "forbidden", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable",
            413, "payload-too-large", 414, "uri-too-long", 415, "unsupported-media-type", 504, "gateway-timeout");

    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange() {
        return (exchange, rejected) -> GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-url");
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter requestSizeLimits(@Value("${linli.gateway.max-uri-length:4096}") int maxUriLength,
                                @Value("${linli.gateway.max-header-bytes:16384}") int maxHeaderBytes) {
        return (exchange, chain) -> {
            if (uriLength(exchange) > maxUriLength) {
                return GatewayProblems.write(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long");
            }
            if (headerBytes(exchange) > maxHeaderBytes) {
                return GatewayProblems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large");
            }
            return chain.filter(exchange);
        };
    }

    private static int uriLength(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        return exchange.getRequest().getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1);
    }

    private static int headerBytes(ServerWebExchange exchange) {
        int bytes = 0;
        for (Map.Entry<String, java.util.List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + value.length() + 4;
            }
        }
        return bytes;
    }

    /** Ahead of Boot's handler ({@code -1}), which would write its own error JSON. */
    @Bean
    @Order(-2)
    ErrorWebExceptionHandler problemOnError() {
        return (exchange, error) -> {
            if (exchange.getResponse().isCommitted()) {
                return Mono.error(error);
            }
            return answer(exchange, error);
        };
    }

    private static Mono<Void> answer(ServerWebExchange exchange, Throwable error) {
        if (unreachable(error)) {
            log.warn("{} {}: the service cannot be reached: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        }
        HttpStatusCode status = error instanceof ResponseStatusException statusError ? statusError.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() == 503) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        }
        if (status.is5xxServerError() && status.value() != 504) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
            return GatewayProblems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String kind = KIND_BY_STATUS.getOrDefault(status.value(), status.is4xxClientError() ? "bad-request" : "internal-error");
        return GatewayProblems.write(exchange, known == null ? HttpStatus.BAD_REQUEST : known, kind);
    }

    /** A connection refused, a host unknown, a timeout: the service is down or slow, not the request wrong. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof TimeoutException
                    || t.getClass().getName().equals("reactor.netty.http.client.PrematureCloseException")) {
                return true;
            }
        }
        return false;
    }
}

package org.linli.gateway;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problems the gateway answers itself (401, 403, 429, 503), as RFC 9457 problem+json in the
 * caller's language, with the same {@code type} URIs as the services.
 */
final class GatewayProblems {

    private static final String TYPE_BASE = "https://linli.example/problems/";
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();
    private static final Map<String, String[]> TEXTS = Map.of(
            "unauthorized", new String[] {"未认证", "需要有效的访问令牌（Authorization: Bearer）。",
                    "Unauthorized", "A valid access token is required (Authorization: Bearer)."},
            "forbidden", new String[] {"无权访问", "当前账号的角色或组织范围不允许此操作。",
                    "Forbidden", "The account's role or org scope does not allow this."},
            "too-many-requests", new String[] {"请求过于频繁", "请求过于频繁，请稍后再试。",
                    "Too many requests", "Too many requests; try again later."},
            "service-unavailable", new String[] {"服务暂不可用", "服务暂时不可用，请稍后再试。",
                    "Service unavailable", "The service is temporarily unavailable; try again later."});

    private GatewayProblems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        byte[] body = JSON.writeValueAsBytes(problem(exchange, status, kind));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static ProblemDetail problem(ServerWebExchange exchange, HttpStatus status, String kind) {
        boolean english = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                .findFirst().map(locale -> locale.getLanguage().equals(Locale.ENGLISH.getLanguage())).orElse(false);
        String[] texts = TEXTS.get(kind);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts[english ? 3 : 1]);
        problem.setType(URI.create(TYPE_BASE + kind));
        problem.setTitle(texts[english ? 2 : 0]);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

}

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
 * The problems the gateway answers itself (400 refused URL, 401, 403, 404 no route, 414, 429, 503 and the rest of
 * {@link GatewayErrors}), as RFC 9457 problem+json in the caller's language, with the same {@code type} URIs as the
 * services and the kind as {@code code}.
 */
final class GatewayProblems {

    private static final String TYPE_BASE = "https://linli.example/problems/";
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();
    private static final Map<String, String[]> TEXTS = Map.ofEntries(Map.entry(
            "unauthorized", new String[] {"未认证", "需要有效的访问令牌（Authorization: Bearer）。",
                    "Unauthorized", "A valid access token is required (Authorization: Bearer)."}),
            Map.entry("forbidden", new String[] {"无权访问", "当前账号的角色或组织范围不允许此操作。",
                    "Forbidden", "The account's role or org scope does not allow this."}),
            Map.entry("too-many-requests", new String[] {"请求过于频繁", "请求过于频繁，请稍后再试。",
                    "Too many requests", "Too many requests; try again later."}),
            Map.entry("service-unavailable", new String[] {"服务暂不可用", "服务暂时不可用，请稍后再试。",
                    "Service unavailable", "The service is temporarily unavailable; try again later."}),
            Map.entry("not-found", new String[] {"资源不存在", "没有与此路径对应的接口。",
                    "Not found", "No API answers this path."}),
            Map.entry("invalid-url", new String[] {"URL 不合法",
                    "URL 含有不允许的内容（编码的斜杠、点路径段、%25 或控制字符）。", "Invalid URL",
                    "The URL holds something not allowed (an encoded slash, a dot segment, %25 or a control character)."}),
            Map.entry("uri-too-long", new String[] {"URL 过长", "URL 过长。", "URI too long", "The URL is too long."}),
            Map.entry("headers-too-large", new String[] {"请求头过大", "请求头过大。", "Request headers too large",
                    "The request's headers are too large."}),
            Map.entry("bad-request", new String[] {"请求无效", "请求无效。", "Bad request", "The request is not valid."}),
            Map.entry("method-not-allowed", new String[] {"方法不允许", "此资源不支持该 HTTP 方法。",
                    "Method not allowed", "This resource does not support that HTTP method."}),
            Map.entry("not-acceptable", new String[] {"无法提供所需格式", "无法提供 Accept 所要求的表示形式。",
                    "Not acceptable", "The representation asked for in Accept cannot be produced."}),
            Map.entry("unsupported-media-type", new String[] {"不支持的媒体类型", "不支持此 Content-Type。",
                    "Unsupported media type", "This Content-Type is not supported."}),
            Map.entry("payload-too-large", new String[] {"请求体过大", "请求体过大。",
                    "Payload too large", "The request body is too large."}),
            Map.entry("gateway-timeout", new String[] {"服务响应超时", "服务未能及时响应，请稍后再试。",
                    "Gateway timeout", "The service did not answer in time; try again later."}),
            Map.entry("internal-error", new String[] {"内部错误", "网关未能处理该请求；如持续出现，请携带请求编号联系管理员。",
                    "Internal error", "The gateway failed to handle the request; if it persists, contact the administrator."}));

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
        problem.setProperty("code", kind);
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException notAUri) {
            // a path the firewall refuses may not even be a URI: the problem goes without its instance
        }
        return problem;
    }

}

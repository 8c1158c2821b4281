package org.linli.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * The public transparency page (公示): plain HTML, CSS and JavaScript under {@code static/public/}, served by the
 * gateway at {@value #PATH} without a token (SecurityConfiguration permits GET there). The page reads only the public
 * API (published rankings, the caution list, the red list, published meetings) from the same origin, so its
 * Content-Security-Policy allows nothing but the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
class PublicPage {

    static final String PATH = "/public/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** {@code /public/} and {@code /public} answer the page itself; its assets are the static resources beside it. */
    @Bean
    RouterFunction<ServerResponse> publicPageIndex(@Value("classpath:/static/public/index.html") Resource index) {
        return RouterFunctions.route(GET(PATH).or(GET("/public")),
                request -> ServerResponse.ok().contentType(HTML).bodyValue(index));
    }

    @Bean
    WebFilter publicPageContentSecurityPolicy() {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (path.equals("/public") || path.startsWith(PATH)) {
                exchange.getResponse().getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            return chain.filter(exchange);
        };
    }
}

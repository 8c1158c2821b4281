package org.linli.gateway;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Rejects calls to protected routes that carry no valid token (401 problem+json) before they reach a
 * service; the services check the token and the caller's scope again themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/asyncapi/**", "/fallback/**");

    /**
     * No observation per security filter, authentication and authorization: the HTTP server observation already times
     * every exchange, and a timer and a span around each security filter were in 5 % of the gateway's CPU samples
     * during submissions in the scale benchmark (docs/benchmarks/scale.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // stateless: no web session. By default the security context was loaded from, and the request
                // cache consulted in, a WebSession created for every call, which also moved the rest of the call
                // onto two other thread pools (boundedElastic, then parallel), where a quarter of the gateway's CPU
                // ran during GETs of an issue (session 14); GatewayRoutingTest.routedAndRefusedCallsNeverAskForAWebSession
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(cors -> { })
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                    exchanges.pathMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
                    // the public transparency page and its assets (PublicPage); what it reads is in public-paths
                    exchanges.pathMatchers(HttpMethod.GET, "/public", PublicPage.PATH + "**").permitAll();
                    for (String entry : properties.publicPaths()) {
                        String[] parts = entry.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            exchanges.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            exchanges.pathMatchers(parts[0]).permitAll();
                        }
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) ->
                                GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized"))
                        .accessDeniedHandler((exchange, e) ->
                                GatewayProblems.write(exchange, HttpStatus.FORBIDDEN, "forbidden")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) ->
                                GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized")))
                .build();
    }
}

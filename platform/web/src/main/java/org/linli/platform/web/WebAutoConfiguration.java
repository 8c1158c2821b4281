package org.linli.platform.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.linli.platform.protection.FieldCipher;
import org.linli.platform.protection.KeyedHash;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Linli's web conventions for a servlet service: problem+json errors in zh-CN or English, JWT
 * resource server with roles and org-unit scope, request ids, a body size limit and OpenAPI
 * conventions ({@link ApiDocsConfiguration}), {@code Idempotency-Key} on POSTs. Every endpoint needs a token unless listed in
 * {@code linli.web.public-paths}.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.linli.platform.protection.ProtectionAutoConfiguration"},
        beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
@EnableMethodSecurity
@org.springframework.context.annotation.Import(ApiDocsConfiguration.class)
@org.springframework.security.config.annotation.web.configuration.EnableWebSecurity
public class WebAutoConfiguration {

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/springwolf/**", "/error");

    /** Each token's signature verified once per service, not once per request ({@link VerifiedTokens}). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor linliVerifiedTokens() {
        return VerifiedTokens.wrappingDecoders(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Problems problems(MessageSource messageSource) {
        return new Problems(messageSource);
    }

    @Bean
    ProblemHandler problemHandler(Problems problems) {
        return new ProblemHandler(problems);
    }

    @Bean
    AsyncApiDocsProblems asyncApiDocsProblems(Problems problems) {
        return new AsyncApiDocsProblems(problems);
    }

    @Bean
    ProblemResponses problemResponses(Problems problems, JsonMapper jsonMapper, LocaleResolver localeResolver) {
        return new ProblemResponses(problems, jsonMapper, localeResolver);
    }

    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** {@code page}, {@code size} and {@code sort} refused with 400 instead of silently defaulted ({@link PagingParameters}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.domain.Pageable")
    static class Paging {

        @Bean
        WebMvcConfigurer pagingParameters(@Value("${spring.data.web.pageable.max-page-size:2000}") int maxPageSize) {
            PagingParameters paging = new PagingParameters(maxPageSize);
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(paging);
                }
            };
        }
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebProperties properties, ProblemResponses responses) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize(), responses));
        // after the request id and linli-audit's recorder (HIGHEST_PRECEDENCE + 1), so a 413 is recorded too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Idempotency-Key support where the service has a MongoDB (every Linli service does). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoOperations.class)
    static class Idempotency {

        @Bean
        @ConditionalOnBean(MongoOperations.class)
        IdempotencyStore idempotencyStore(MongoOperations mongo, FieldCipher cipher) {
            return new IdempotencyStore(mongo, cipher);
        }

        /**
         * Answers kept in plain by an earlier version are sealed once, after start on their own thread (minutes on a
         * county's store; a plain answer still replays meanwhile) (docs/protection.md).
         */
        @Bean
        @ConditionalOnBean(MongoOperations.class)
        org.springframework.boot.ApplicationRunner idempotencyLegacyBodies(IdempotencyStore store) {
            return arguments -> {
                Thread thread = new Thread(() -> {
                    try {
                        store.sealLegacyBodies();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(IdempotencyStore.class)
                                .error("sealing legacy idempotency answers failed; tried again at the next start", e);
                    }
                }, "idempotency-legacy-answers");
                thread.setDaemon(true);
                thread.start();
            };
        }

        @Bean
        @ConditionalOnBean(MongoOperations.class)
        IdempotencyLeases idempotencyLeases(IdempotencyStore store, Clock clock, WebProperties properties) {
            return new IdempotencyLeases(store, clock, properties.idempotency().lease(), true);
        }

        @Bean
        @ConditionalOnBean(MongoOperations.class)
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, KeyedHash bodyHashes,
                                                                   IdempotencyLeases leases, ProblemResponses responses,
                                                                   Clock clock, WebProperties properties) {
            FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                    store, bodyHashes, leases, responses, clock, properties.idempotency().retention()));
            registration.setOrder(0);
            return registration;
        }
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain linliSecurity(HttpSecurity http, WebProperties properties, ProblemResponses responses) {
        String[] open = Stream.concat(ALWAYS_PUBLIC.stream(), properties.publicPaths().stream()).toArray(String[]::new);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(open).permitAll()
                        .anyRequest().access(new AdministratorDuties()))
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) ->
                                responses.write(request, response, 401, "unauthorized")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                responses.write(request, response, 401, "unauthorized"))
                        .accessDeniedHandler((request, response, e) -> {
                            request.setAttribute(Caller.REFUSED_AUTHENTICATION,
                                    SecurityContextHolder.getContext().getAuthentication());
                            responses.write(request, response, 403, "forbidden");
                        }))
                .build();
    }

    /**
     * No observation per security filter, authentication and authorization: the HTTP server observation already
     * times every request, and Spring Security's own ones (a timer and a span around each of its filters) were in
     * 10 % of issue-service's CPU samples during submissions in the scale benchmark (docs/benchmarks/scale.md).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings linliSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall refuses URLs with encoded slashes, dot segments, {@code %25} or control characters
     * before any filter runs; by default with an empty 400. Here that is a 400 problem {@code invalid-url}.
     */
    @Bean
    RequestRejectedHandler linliRequestRejectedHandler(ProblemResponses responses) {
        return (request, response, e) -> responses.write(request, response, 400, "invalid-url");
    }

    /** Maps the token's {@code roles} claim to {@code ROLE_*} authorities for {@code hasRole(..)}. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Caller.CLAIM_ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}

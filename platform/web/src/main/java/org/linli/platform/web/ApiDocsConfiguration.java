package org.linli.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document every service serves at {@code /v3/api-docs}, as one API behind the gateway: the
 * {@code servers} entry is the public base URL ({@code linli.web.public-url}, {@code /} by default: the
 * gateway that serves the Swagger UI), only {@code /api/**}, {@code /open311/**} and the JWKS are documented
 * ({@code springdoc.paths-to-match}), the {@link Caller} argument is no parameter, operation ids name the
 * resource ({@link OperationIds}), schemas have short names ({@link SchemaNames}), every operation lists its
 * problem+json errors ({@link ErrorResponses}) and request schemas carry valid examples ({@link SchemaExamples}).
 * See docs/api/README.md.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static {
        // resolved from the token by CallerArgumentResolver, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    static final String DESCRIPTION = """
            Linli's %s, one part of the Linli API. Every path is reached through the gateway (the server below).

            **Authentication**: `Authorization: Bearer <JWT>` from `POST /api/v1/auth/token` (org-service). In \
            Swagger UI, Authorize with `login` (username and password) or paste a token into `bearer`. Operations \
            without a security requirement are public.

            **Errors**: RFC 9457 `application/problem+json` with a stable, machine-readable `code` (see the \
            `Problem` schema); `title` and `detail` follow `Accept-Language` (zh-CN by default, en). Each \
            operation lists the statuses it can answer and the codes each carries; a 422's list names the \
            business rules the operation documents, and clients treat an unknown code as that status's generic \
            refusal.

            **Conventions**: paged lists take `page` (from 0), `size` (≤ 200) and `sort=field,asc|desc`; writes \
            carry the resource's `version` (409 `stale-version` when stale); creating POSTs honour \
            `Idempotency-Key`; times are ISO-8601 with offset, the county's zone is Asia/Shanghai.""";

    /**
     * Two ways to the same token, either one authorises: {@code bearer} takes a pasted JWT (what generated
     * clients send), {@code login} is OAuth 2's password flow against the token endpoint, so Swagger UI's
     * Authorize button signs in with a username and password.
     */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI linliOpenApi(@Value("${spring.application.name:linli}") String name,
                         @Value("${linli.web.public-url:/}") String publicUrl) {
        String tokenUrl = (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "api/v1/auth/token";
        return new OpenAPI()
                .info(new Info().title("Linli " + name + " API").version("v1").description(DESCRIPTION.formatted(name)))
                .servers(List.of(new Server().url(publicUrl).description("Linli gateway")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Access token from POST /api/v1/auth/token"))
                        .addSecuritySchemes("login", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Sign in with a Linli account (OAuth 2 password grant)")
                                .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl(tokenUrl)
                                        .refreshUrl(tokenUrl).scopes(new Scopes())))))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("login"));
    }

    @Bean
    OperationIds linliOperationIds() {
        return new OperationIds();
    }

    @Bean
    ErrorResponses linliErrorResponses(MessageSource messages, WebProperties properties) {
        return new ErrorResponses(messages, Stream.concat(WebAutoConfiguration.ALWAYS_PUBLIC.stream(),
                properties.publicPaths().stream()).toList());
    }

    @Bean
    SchemaNames linliSchemaNames() {
        return new SchemaNames();
    }

    @Bean
    ApiTags linliApiTags() {
        return new ApiTags();
    }

    @Bean
    SchemaExamples linliSchemaExamples() {
        return new SchemaExamples();
    }
}

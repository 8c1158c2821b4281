package org.linli.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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

            **Authentication**: `Authorization: Bearer <JWT>` from `POST /api/v1/auth/token` (org-service); \
            operations marked without security are public.

            **Errors**: RFC 9457 `application/problem+json` with a stable, machine-readable `code` (see the \
            `Problem` schema); `title` and `detail` follow `Accept-Language` (zh-CN by default, en). Each \
            operation lists the statuses it can answer and the codes each carries; a 422's list names the \
            business rules the operation documents, and clients treat an unknown code as that status's generic \
            refusal.

            **Conventions**: paged lists take `page` (from 0), `size` (≤ 200) and `sort=field,asc|desc`; writes \
            carry the resource's `version` (409 `stale-version` when stale); creating POSTs honour \
            `Idempotency-Key`; times are ISO-8601 with offset, the county's zone is Asia/Shanghai.""";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI linliOpenApi(@Value("${spring.application.name:linli}") String name,
                         @Value("${linli.web.public-url:/}") String publicUrl) {
        return new OpenAPI()
                .info(new Info().title("Linli " + name + " API").version("v1").description(DESCRIPTION.formatted(name)))
                .servers(List.of(new Server().url(publicUrl).description("Linli gateway")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from POST /api/v1/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
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

package org.openrma.service.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.openrma.service.access.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (committed as openrma-service/openapi.json). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Schemas named as the API writes them: snake_case, like every body and response. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(io.swagger.v3.core.util.Json31.mapper().copy()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)).openapi31(true);
    }

    /** Enums as named components with their wire words. */
    @Bean
    EnumSchemas enumSchemas() {
        return new EnumSchemas();
    }

    /** Each request body's schema and example ({@link RequestBodies}). */
    @Bean
    OpenApiCustomizer requestBodies() {
        return RequestBodies.customizer();
    }

    /** The statuses every operation may answer with a problem+json body (RFC 9457), and which of them a given kind adds. */
    static final java.util.Map<String, String> ERRORS = new java.util.LinkedHashMap<>();

    static {
        ERRORS.put("400", "Malformed request: bad JSON, a broken query string, a control character in a parameter");
        ERRORS.put("401", "No or an invalid API key or customer token");
        ERRORS.put("403", "The caller may not do this (role, or a customer outside their order)");
        ERRORS.put("404", "Not found (or another merchant's)");
        ERRORS.put("409", "Conflicts with the current state (illegal transition, stale version, duplicate)");
        ERRORS.put("412", "If-Match names a version that is not the current one");
        ERRORS.put("413", "The body is over the configured limit (openrma.limits.max-body)");
        ERRORS.put("415", "The body is not JSON");
        ERRORS.put("428", "A command on a versioned resource without its version (If-Match or \"version\")");
        ERRORS.put("422", "Invalid input: errors[] names every bad field with its path");
        ERRORS.put("429", "Over a rate limit; Retry-After says when to try again");
    }

    /** Every operation documents the problem+json errors it can answer with, replacing what springdoc infers. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            io.swagger.v3.oas.models.media.Schema<Object> problem = new io.swagger.v3.oas.models.media.Schema<>();
            problem.type("object").description("RFC 9457 problem details")
                    .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema().example("urn:openrma:problem:invalid-request"))
                    .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                    .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("instance", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new io.swagger.v3.oas.models.media.Schema<>()
                            .type("object").addProperty("field", new io.swagger.v3.oas.models.media.StringSchema())
                            .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema())))
                    .required(java.util.List.of("type", "status"));
            openApi.getComponents().addSchemas("Problem", problem);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> ERRORS.forEach((code, description) ->
                    op.getResponses().addApiResponse(code, new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                            .content(new io.swagger.v3.oas.models.media.Content().addMediaType(Problems.MEDIA_TYPE,
                                    new io.swagger.v3.oas.models.media.MediaType().schema(
                                            new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Problem"))))))));
        };
    }

    @Bean
    OpenAPI openRmaApi() {
        return new OpenAPI()
                .info(new Info().title("OpenRMA service").version("0.1.0")
                        .description("Returns, refunds and warranty claims decided by the merchant's own policy. "
                                + "Errors are RFC 9457 problem+json. Every POST honours Idempotency-Key. "
                                + "RMA commands need the RMA's version (If-Match or \"version\")."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A merchant API key (ork_...) or a customer token (ct_...)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

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

    /** Required and nullable as the server writes them. */
    @Bean
    ResponseSchemas responseSchemas() {
        return new ResponseSchemas();
    }

    /** Each request body's schema and example ({@link RequestBodies}). */
    @Bean
    OpenApiCustomizer requestBodies() {
        return RequestBodies.customizer();
    }

    /** The Problem schema (RFC 9457), then each operation's id, tag, summary, headers and errors ({@link ApiOperations}). */
    @Bean
    OpenApiCustomizer curatedOperations() {
        return openApi -> {
            openApi.getComponents().addSchemas("FieldError", new io.swagger.v3.oas.models.media.ObjectSchema()
                    .description("One bad field: its path in the request (request.lines[0].sku, or a parameter or header name) and what is wrong")
                    .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema().example("request.lines[0].sku"))
                    .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema().example("must not be blank"))
                    .required(java.util.List.of("field", "message")));
            openApi.getComponents().addSchemas("Problem", new io.swagger.v3.oas.models.media.ObjectSchema()
                    .description("RFC 9457 problem details")
                    .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema().format("uri")
                            .example("urn:openrma:problem:invalid-request").description("urn:openrma:problem:<slug>; the slug is stable"))
                    .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema().example("Unprocessable Content"))
                    .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema().example(422))
                    .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("instance", new io.swagger.v3.oas.models.media.StringSchema().example("/api/v1/rmas"))
                    .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema()
                            .items(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/FieldError")))
                    .required(java.util.List.of("type", "title", "status")));
            ApiOperations.customizer().customise(openApi);
            org.openrma.service.outbox.WebhookEvents.describe(openApi);
            org.openrma.service.audit.AuditSchemas.describe(openApi);
            org.openrma.service.whatif.ReplayReportSchema.describe(openApi);
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

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

    /** Each request body's schema and example ({@link RequestBodies}). */
    @Bean
    OpenApiCustomizer requestBodies() {
        return RequestBodies.customizer();
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

package org.openrma.service.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;

/** Every enum the API reads or writes is spelled once: the constant's name in lower snake case ({@code ship_back}, {@code in_transit}). */
@Configuration(proxyBeanMethods = false)
public class ApiJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer lowerSnakeCaseEnums() {
        return builder -> builder.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }
}

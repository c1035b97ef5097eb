package org.openrma.service.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the API writes JSON: every enum it reads or writes spelled once, the constant's name in lower snake case
 * ({@code ship_back}, {@code in_transit}); every body sent with its length.
 */
@Configuration(proxyBeanMethods = false)
public class ApiJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer lowerSnakeCaseEnums() {
        return builder -> builder.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    /**
     * JSON bodies sent with their length ({@link SizedJsonConverter}), in the JSON converter's own place among the converters
     * (after those for text and bytes). This configurer runs after Spring Boot's, whose JSON converter it replaces.
     */
    @Bean
    WebMvcConfigurer sizedJsonAnswers(JsonMapper mapper) {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.withJsonConverter(new SizedJsonConverter(mapper));
            }
        };
    }
}

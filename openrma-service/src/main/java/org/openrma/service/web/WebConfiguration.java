package org.openrma.service.web;

import java.time.Clock;
import java.util.List;
import org.openrma.service.access.ApiAuthentication;
import org.openrma.service.access.Caller;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Idempotency in front of every {@code /api/v1/**} request (after Spring Security's authentication); controllers receive the {@link Caller}. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        FilterRegistrationBean<IdempotencyFilter> r = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, tx, clock));
        r.addUrlPatterns("/api/v1/*");
        r.setOrder(20);
        return r;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return Caller.class.isAssignableFrom(parameter.getParameterType());
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binderFactory) {
                Object caller = request.getAttribute(ApiAuthentication.CALLER, RequestAttributes.SCOPE_REQUEST);
                if (caller == null) {
                    throw ApiProblem.unauthorized("an API key or customer token is required");
                }
                return caller;
            }
        });
    }
}

package org.openrma.service.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The edge of the service: request limits run first on every request, and requests Tomcat refuses
 * itself (oversized headers, a broken request line) are answered by {@link ProblemReportValve}.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerConfiguration {

    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(InputLimits limits) {
        FilterRegistrationBean<RequestLimitsFilter> r = new FilterRegistrationBean<>(new RequestLimitsFilter(limits));
        r.addUrlPatterns("/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after Spring's character-encoding filter
        return r;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}

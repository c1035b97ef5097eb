package org.openrma.service.web;

import org.openrma.service.access.ApiAuthentication;
import org.openrma.service.access.ApiKeys;
import org.openrma.service.access.CustomerTokens;
import org.openrma.service.access.StaffAccounts;
import org.openrma.service.access.StaffSingleSignOn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.openrma.service.ui.UiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Spring Security, in three chains.
 * <ul>
 *   <li>{@code /api/**}: machine clients and customers with a bearer API key or customer token
 *       ({@link ApiAuthentication}); stateless, no cookies, so no CSRF.</li>
 *   <li>API documentation ({@code /v3/api-docs}, Swagger UI): public, with a CSP Swagger UI can run under.</li>
 *   <li>Everything else (console, studio, portal): staff sign in with e-mail and password (form login,
 *       a new session id at sign-in), CSRF tokens on every form and htmx request, a strict CSP
 *       without inline scripts, frames refused, {@code Cache-Control: no-store} on every page, and
 *       sign-out clears the session, the cookies and the browser's cache for the site.</li>
 * </ul>
 * Cookies are {@code Secure} when the request is HTTPS, also behind a proxy that says so
 * ({@code server.forward-headers-strategy}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Scripts and styles only from this site: htmx and /js/*.js; no inline script or style. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, stored as {bcrypt}...
    }

    /**
     * Spring Security observes sign-ins and access decisions (timers and traces) but not each filter of a chain: with
     * request observations on, every request went through one observation per filter (about a dozen, each with its
     * key values), 9% of the service's CPU under load. The request itself is still observed once, as
     * {@code http.server.requests}, by Spring MVC.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, CustomerTokens customerTokens, RateLimits rateLimits) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                // no code on /api asks the servlet request for its user (the Caller is resolved from the security context):
                // no wrapper around every request
                .servletApi(s -> s.disable())
                .addFilterBefore(ApiAuthentication.filter(apiKeys, customerTokens, rateLimits), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(ApiAuthentication.PUBLIC).permitAll().anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiAuthentication.entryPoint())
                        .accessDeniedHandler(ApiAuthentication.accessDenied()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, UiProperties ui, StaffAccounts accounts,
                              ObjectProvider<ClientRegistrationRepository> singleSignOn) throws Exception {
        if (singleSignOn.getIfAvailable() != null) {
            // OpenID Connect, when spring.security.oauth2.client.registration.* is configured: the provider proves the e-mail,
            // the staff account decides merchant and role.
            http.oauth2Login(o -> o.loginPage("/console/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new StaffSingleSignOn(accounts)))
                    .successHandler(signedIn(ui))
                    .failureHandler((request, response, e) -> response.sendRedirect("/console/login?error")));
        }
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login", "/console/invitation").permitAll()
                        .requestMatchers("/studio", "/studio/**", "/console/team", "/console/team/**").hasRole("ADMIN")
                        .requestMatchers("/console", "/console/**").hasAnyRole("AGENT", "ADMIN")
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler(signedIn(ui))
                        .failureHandler((request, response, e) -> response.sendRedirect("/console/login?error"
                                + (safeNext(request.getParameter("next")) != null ? "&next=" + java.net.URLEncoder.encode(
                                        safeNext(request.getParameter("next")), java.nio.charset.StandardCharsets.UTF_8) : ""))))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?signed_out")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID")
                        .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                                ClearSiteDataHeaderWriter.Directive.CACHE, ClearSiteDataHeaderWriter.Directive.STORAGE))))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> response.sendError(403,
                        denied instanceof CsrfException
                                ? "This form was not sent from this site, or the page was open too long. Reload the page and try again."
                                : "This page is for admins; you are signed in as an agent.")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** After sign-in: the page that asked for it, or a safe {@code next}, or the queue; the session lasts {@code staffSessionTtl}. */
    private static AuthenticationSuccessHandler signedIn(UiProperties ui) {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/console");
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        return (request, response, authentication) -> {
            request.getSession().setMaxInactiveInterval((int) ui.staffSessionTtl().toSeconds());
            String next = safeNext(request.getParameter("next"));
            if (cache.getRequest(request, response) == null && next != null) {
                response.sendRedirect(next);
                return;
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** A path on this site only: never another host ({@code //evil.example}, {@code /\evil}). */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") && next.length() < 500
                && next.chars().noneMatch(c -> c < 0x20) ? next : null;
    }
}

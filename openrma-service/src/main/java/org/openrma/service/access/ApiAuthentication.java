package org.openrma.service.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.openrma.service.web.ApiProblem;
import org.openrma.service.web.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.openrma.service.web.ProblemWriter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's authentication of {@code /api/v1/**} for machine clients and customers:
 * {@code Authorization: Bearer <key>} (or {@code X-API-Key}) carries a merchant API key or a
 * customer token. A missing credential is a 401 from the entry point, a bad or expired one a 401
 * from the failure handler, both problem+json. Controllers receive the {@link Caller}.
 */
public final class ApiAuthentication {

    /** The request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = ApiAuthentication.class.getName() + ".caller";

    /** Endpoints anyone may call: opening a customer session, reading the state machine. */
    public static final RequestMatcher PUBLIC = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/customer-sessions"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/v1/rma-lifecycle"));

    private ApiAuthentication() {}

    /** A credential as sent, not yet checked. */
    static final class Credential extends AbstractAuthenticationToken {
        private final String value;

        Credential(String value) {
            super(List.of());
            this.value = value;
        }

        @Override
        public Object getCredentials() {
            return value;
        }

        @Override
        public Object getPrincipal() {
            return value.length() > 8 ? value.substring(0, 8) + "…" : "…";
        }
    }

    /** A checked caller: an API key's staff role or a customer. */
    public static final class Authenticated extends AbstractAuthenticationToken {
        private final Caller caller;

        Authenticated(Caller caller) {
            super(List.of(new SimpleGrantedAuthority(switch (caller) {
                case Caller.Staff s -> "ROLE_" + s.role().name();
                case Caller.Customer c -> "ROLE_CUSTOMER";
                case Caller.Automation a -> "ROLE_SYSTEM";
            })));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Caller getPrincipal() {
            return caller;
        }
    }

    static String credential(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String v = auth.substring(7).strip();
            return v.isEmpty() ? null : v;
        }
        String key = request.getHeader("X-API-Key");
        return key == null || key.isBlank() ? null : key.strip();
    }

    static AuthenticationProvider provider(ApiKeys apiKeys, CustomerTokens customerTokens) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String credential = (String) authentication.getCredentials();
                Optional<? extends Caller> caller;
                try {
                    caller = credential.startsWith(CustomerTokens.PREFIX) ? customerTokens.verify(credential) : apiKeys.authenticate(credential);
                } catch (CustomerTokens.ExpiredToken e) {
                    throw new CredentialsExpiredException(e.getMessage());
                }
                return new Authenticated(caller.orElseThrow(() -> new BadCredentialsException(
                        "the API key or customer token is not valid (or was revoked)")));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return Credential.class.isAssignableFrom(authentication);
            }
        };
    }

    /** The filter: converts the header, checks it, and hands the caller on; public endpoints are not checked. */
    public static AuthenticationFilter filter(ApiKeys apiKeys, CustomerTokens customerTokens, RateLimits rateLimits) {
        AuthenticationConverter converter = request -> {
            String credential = credential(request);
            return credential == null ? null : new Credential(credential);
        };
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider(apiKeys, customerTokens)), converter);
        filter.setRequestMatcher(new NegatedRequestMatcher(PUBLIC));
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        filter.setSuccessHandler(new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                                Authentication authentication) throws IOException, ServletException {
                Caller caller = ((Authenticated) authentication).getPrincipal();
                try {
                    rateLimits.api(caller instanceof Caller.Staff s ? "key:" + s.keyId() : caller.scope());
                } catch (RateLimits.Exceeded e) {
                    response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                    ProblemWriter.write(response, request, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage()));
                    return;
                }
                request.setAttribute(CALLER, caller);
                chain.doFilter(request, response);
            }

            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
                throw new UnsupportedOperationException("called with the filter chain");
            }
        });
        filter.setFailureHandler(ApiAuthentication::failed);
        return filter;
    }

    private static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!(e instanceof CredentialsExpiredException)) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        ProblemWriter.write(response, request, ApiProblem.unauthorized(e.getMessage()));
    }

    public static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemWriter.write(response, request, ApiProblem.unauthorized(
                    "an API key or customer token is required: send 'Authorization: Bearer <key>'"));
        };
    }

    public static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> ProblemWriter.write(response, request, ApiProblem.forbidden("not allowed: " + e.getMessage()));
    }
}

package org.telereg.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what: the console needs a login, the public portal is open but rate-limited,
 * operator systems use bearer tokens, and every form is protected against CSRF.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = request ->
            request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");

    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ");
    };

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, AccessManagement access, AccessSettings settings, Clock clock) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/",
                                "/login",
                                "/error",
                                "/public/**",
                                "/api/v1/public/**",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/maps/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(fromAddresses(settings.metricsAllowedFrom()))
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/console", true)
                        .failureHandler((request, response, exception) ->
                                response.sendRedirect(request.getContextPath() + "/login?" + reason(exception))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint())
                        .defaultAccessDeniedHandlerFor(apiForbidden(), API))
                .addFilterBefore(
                        new PublicRateLimiter(settings.publicRequestsPerMinute(), clock),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenAuthenticationFilter(access), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self' 'unsafe-inline'; frame-ancestors 'self'")));
        return http.build();
    }

    private static String reason(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return "locked";
        }
        if (exception instanceof DisabledException) {
            return "disabled";
        }
        return "error";
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromAddresses(List<String> cidrs) {
        List<IpAddressMatcher> matchers =
                cidrs.stream().map(IpAddressMatcher::new).toList();
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            return new AuthorizationDecision(matchers.stream().anyMatch(m -> m.matches(request)));
        };
    }

    /** The API answers 401 problem+json; every other page sends the browser to the login form. */
    private static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint api = apiUnauthorized();
        return (request, response, exception) ->
                (API.matches(request) ? api : login).commence(request, response, exception);
    }

    /** Whether the request carries a signed-in user (at the CSRF check, before anonymous sign-in). */
    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static AuthenticationEntryPoint apiUnauthorized() {
        return (request, response, exception) -> ProblemResponses.write(
                response,
                401,
                "Unauthorized",
                "需要登录或 API 令牌 / sign in or present an API token",
                request.getRequestURI());
    }

    /**
     * 403 problem+json; but a write with no credentials at all (no token, no signed-in user), which the CSRF check
     * refuses before anyone is signed in, answers 401 as a read does: what the caller lacks is a token.
     */
    private static AccessDeniedHandler apiForbidden() {
        AuthenticationEntryPoint unauthorized = apiUnauthorized();
        return (request, response, exception) -> {
            if (exception instanceof CsrfException && !signedIn()) {
                unauthorized.commence(
                        request, response, new InsufficientAuthenticationException(exception.getMessage()));
                return;
            }
            ProblemResponses.write(response, 403, "Forbidden", "无权访问 / not allowed", request.getRequestURI());
        };
    }
}

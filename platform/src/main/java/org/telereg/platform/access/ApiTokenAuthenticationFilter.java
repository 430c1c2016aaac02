package org.telereg.platform.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates operator systems by {@code Authorization: Bearer <token>}. Stateless: the
 * authentication lives for this request only and no session is created.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessManagement access;

    ApiTokenAuthenticationFilter(AccessManagement access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor =
                access.authenticateToken(header.substring(BEARER.length()).strip());
        if (actor.isEmpty()) {
            ProblemResponses.write(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized",
                    "API 令牌无效、已过期或已吊销 / the API token is invalid, expired or revoked",
                    request.getRequestURI());
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                actor.get(),
                null,
                List.of(new SimpleGrantedAuthority(actor.get().role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

package org.datatrail.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. No header: a JOURNALIST (or 401 when anonymous
 * access is off). A header with a token that is not configured, or not a bearer token: 401, never a
 * silent downgrade to JOURNALIST. The workbench page and its scripts are public files (what a caller sees is
 * decided by the API it calls), so they are served without a token even where anonymous access is off.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** The workbench page at {@code /} and the files it loads: no data in them, so no token needed. */
    private static final List<String> PUBLIC_PREFIXES = List.of("/workbench/", "/webjars/");

    private final TokenRegistry tokens;
    private final boolean anonymous;

    BearerTokenFilter(TokenRegistry tokens, boolean anonymous) {
        this.tokens = tokens;
        this.anonymous = anonymous;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.equals("/index.html") || path.equals("/favicon.ico")
                || (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith) && !path.contains(".."));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller;
        if (header == null || header.isBlank()) {
            if (!anonymous) {
                refuse(response, "This service needs a token: send Authorization: Bearer <token>");
                return;
            }
            caller = Optional.of(Caller.ANONYMOUS);
        }
        else if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            refuse(response, "Authorization must be 'Bearer <token>'");
            return;
        }
        else {
            caller = tokens.lookup(header.substring(7).strip());
            if (caller.isEmpty()) {
                refuse(response, "Unknown or revoked token");
                return;
            }
        }
        Caller who = caller.get();
        var auth = new UsernamePasswordAuthenticationToken(who, null, List.of(new SimpleGrantedAuthority("ROLE_" + who.role().name())));
        // a context of this request's own (not the thread's lazily made one), which Spring for GraphQL carries to
        // the threads the request's data fetchers, batch loaders and error resolvers run on
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}");
    }
}

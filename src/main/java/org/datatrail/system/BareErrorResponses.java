package org.datatrail.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Some refusals are answered with a status and nothing else (Spring for GraphQL's 405 and 415 on {@code /graphql}
 * set the status without an error page): such a response is turned into the app's error page, so that every refused
 * request gets {@link JsonErrorController}'s JSON with a message.
 */
@Component
class BareErrorResponses extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (!request.isAsyncStarted() && !response.isCommitted() && response.getStatus() >= 400 && response.getContentType() == null) {
            response.sendError(response.getStatus());
        }
    }
}

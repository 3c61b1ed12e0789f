package org.datatrail.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies the framework fails on before any code of ours runs, answered as the caller's mistake (400 with a
 * message naming what is expected) instead of a 500:
 * <ul>
 * <li>a {@code /graphql} body that parses as JSON but is no request ({@code null}, a bare string): Spring for GraphQL
 * fails while it builds the request (a NullPointerException, or an assertion), before any query runs;</li>
 * <li>a {@code multipart/form-data} body that cannot be parsed (no boundary, cut short), on any route.</li>
 * </ul>
 */
@Component
class RequestBodyErrors implements HandlerExceptionResolver, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String graphQlPath;

    RequestBodyErrors(GraphQlProperties graphQl) {
        this.graphQlPath = graphQl.getHttp().getPath(); // spring.graphql.http.path
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String message;
        if (ex instanceof MultipartException && !(ex instanceof MaxUploadSizeExceededException)) {
            message = "The multipart/form-data body could not be read (is its boundary missing, or the body cut short?)";
        }
        else if (graphQlPath.equals(request.getRequestURI()) && !(handler instanceof HandlerMethod)
                && (ex instanceof NullPointerException || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException)) {
            message = "The body of a POST to " + graphQlPath + " must be a JSON object with a 'query' string (and optionally 'variables' "
                    + "and 'operationName'), such as {\"query\": \"{ search(text: \\\"experian\\\") { id } }\"}";
        }
        else {
            return null;
        }
        // written here, not by an error page: the error dispatch would try to parse the same multipart body again
        try {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(response.getOutputStream(), Map.of("status", 400, "error", "Bad Request", "message", message));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

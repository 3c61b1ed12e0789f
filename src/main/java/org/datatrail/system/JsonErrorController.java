package org.datatrail.system;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error page of the app, in place of Boot's: always JSON ({@code {"status", "error", "message"}}) whatever the
 * request accepts, with a message of our own for its status, never a library's exception text (that goes to the log).
 * {@code /error} asked for directly is a 404, not the 500 of an error with no status.
 */
@RestController
public class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (status == null) {
            status = code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
            path = request.getRequestURI();
        }
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error("{} {} failed", request.getMethod(), path, failure);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message(status, request, path));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String message(HttpStatus status, HttpServletRequest request, String path) {
        return switch (status) {
            case BAD_REQUEST -> "The request to " + path + " could not be read; for /graphql send a JSON object such as "
                    + "{\"query\": \"{ search(text: \\\"experian\\\") { id } }\"}";
            case UNAUTHORIZED -> "The bearer token is not valid";
            case FORBIDDEN -> "Not allowed for this caller at " + path;
            case NOT_FOUND -> "Nothing at " + path;
            case METHOD_NOT_ALLOWED -> request.getMethod() + " is not allowed at " + path;
            case NOT_ACCEPTABLE -> "No answer of the type the Accept header asks for at " + path;
            case PAYLOAD_TOO_LARGE -> "The request body is too large for " + path;
            case UNSUPPORTED_MEDIA_TYPE -> "Content type '" + request.getContentType() + "' is not accepted at " + path
                    + "; /graphql takes application/json";
            default -> status.is5xxServerError() ? "The server failed to answer this request; the log has the details"
                    : status.getReasonPhrase();
        };
    }
}

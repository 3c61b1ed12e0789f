package org.datatrail.system;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, for what Tomcat refuses before the app sees it (a URL with an encoded dot segment such as
 * {@code /%2e%2e/}, a broken {@code %} escape, a path parameter on a dot segment): the same JSON as
 * {@link JsonErrorController} ({@code {"status", "error", "message"}}) in place of Tomcat's HTML page, with a message
 * of the app's own and no server name or version. Responses the app answered itself pass through untouched: Tomcat
 * calls this only for an error no error page has written.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tomcat makes the host's error valve by its class name, with no arguments. */
    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", code);
        body.put("error", status == null ? "Error" : status.getReasonPhrase());
        body.put("message", message(code));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException closed) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }

    private static String message(int code) {
        if (code == 400) {
            return "The request could not be read: its URL or headers are malformed (e.g. an encoded '.' or '/' path segment, "
                    + "a broken %-escape or a character a URL may not hold)";
        }
        if (code >= 500) {
            return "The server failed to answer this request; the log has the details";
        }
        HttpStatus status = HttpStatus.resolve(code);
        return "The request was refused: " + (status == null ? "status " + code : status.getReasonPhrase());
    }
}

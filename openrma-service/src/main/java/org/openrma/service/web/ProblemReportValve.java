package org.openrma.service.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on a request it refused before any servlet ran (headers over the limit,
 * broken %-escapes in the request line): problem+json for the API, a plain styled page otherwise,
 * never Tomcat's own HTML page with its version. Installed as the host's error report valve.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String reason = status == null ? "Error" : status.getReasonPhrase();
        String uri = request.getDecodedRequestURI() == null ? "" : request.getRequestURI();
        boolean api = uri == null || uri.startsWith("/api/") || uri.startsWith("/v3/")
                || request.getHeader("Accept") == null || !request.getHeader("Accept").contains("text/html");
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (api) {
                response.setContentType(Problems.MEDIA_TYPE);
                String detail = code >= 500 ? "unexpected error; it has been logged" : "the request was refused by the server: " + reason;
                String body = "{\"type\":\"urn:openrma:problem:http-" + code + "\",\"title\":\"" + reason + "\",\"status\":" + code
                        + ",\"detail\":\"" + detail + "\"}";
                Writer w = response.getReporter();
                if (w != null) {
                    w.write(body);
                    response.finishResponse();
                }
            } else {
                response.setContentType("text/html");
                String body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + code + " " + reason
                        + "</title><link rel=\"stylesheet\" href=\"/css/openrma.css\"></head><body><header class=\"top\"><span class=\"brand\">OpenRMA"
                        + "</span></header><main class=\"narrow\" id=\"main\"><h1>" + code + " " + reason
                        + "</h1><div class=\"alert error\" role=\"alert\">The request was refused. Use your browser's back button to return.</div>"
                        + "</main></body></html>";
                Writer w = response.getReporter();
                if (w != null) {
                    w.write(body);
                    response.finishResponse();
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say
        }
    }
}

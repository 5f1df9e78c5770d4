package io.holdfast.app.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat refuses some requests before Holdfast sees them (a control character in the request
 * line, a malformed header). Its own HTML page would break the promise that every answer is a
 * problem document; this valve writes one instead.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status >= 500
                ? "Holdfast could not complete the request"
                : "the request could not be read: its request line or headers are not valid";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"/problems/" + (status >= 500 ? "internal" : "invalid-request")
                        + "\",\"title\":\"" + (status >= 500 ? "Holdfast could not complete the request" : "The request is not valid")
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away; there is nobody left to tell
        }
    }
}

package io.holdfast.app.problem;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

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
        Problems.Type type = status >= 500 ? Problems.Type.INTERNAL : Problems.Type.INVALID_REQUEST;
        String detail = status >= 500
                ? "Holdfast could not complete the request"
                : "the request could not be read: its request line or headers are not valid";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // written by hand: Tomcat creates this valve itself, outside Spring and its ObjectMapper
                writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away; there is nobody left to tell
        }
    }
}

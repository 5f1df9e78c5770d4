package io.holdfast.app.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request on the logger {@code holdfast.access}: method, path, status and time, with the
 * request's correlation id, the actor signed in and the case it concerns (from the path, or from the
 * {@code Location} of a case just flagged) in the line and in the log's context. Refused requests
 * (401, 403, 503) are logged too. A request answered later (a read waiting for a version, a live
 * update stream) is logged when its answer is complete.
 */
public class AccessLogFilter extends EveryDispatchFilter {

    public static final String LOGGER = "holdfast.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);
    private static final Pattern CASE_PATH = Pattern.compile("^/api/cases/([^/?]+)");
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(STARTED) == null) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted()) {
                log(request, response);
            }
        }
    }

    private static void log(HttpServletRequest request, HttpServletResponse response) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - (Long) request.getAttribute(STARTED)) / 1_000_000;
        String actor = (String) request.getAttribute(RequestSubjectFilter.ACTOR);
        String caseId = caseOf(request, response);
        try (MDC.MDCCloseable withActor = actor == null ? null : MDC.putCloseable(RequestSubjectFilter.ACTOR, actor);
                MDC.MDCCloseable withCase =
                        caseId == null ? null : MDC.putCloseable(RequestSubjectFilter.CASE_ID, caseId)) {
            ACCESS.info(
                    "{} {} {} {} ms actor={} case={}",
                    request.getMethod(),
                    request.getRequestURI(),
                    response.getStatus(),
                    millis,
                    actor == null ? "-" : actor,
                    caseId == null ? "-" : caseId);
        }
    }

    static String caseOf(HttpServletRequest request, HttpServletResponse response) {
        Matcher inPath = CASE_PATH.matcher(request.getRequestURI());
        if (inPath.find()) {
            return inPath.group(1);
        }
        String location = response.getHeader("Location");
        if (location != null) {
            Matcher created = CASE_PATH.matcher(location);
            if (created.find()) {
                return created.group(1);
            }
        }
        return null;
    }
}

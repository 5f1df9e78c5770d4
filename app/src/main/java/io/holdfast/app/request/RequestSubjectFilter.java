package io.holdfast.app.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Puts who made the request and the case it concerns into the log's context once the request is
 * signed in, so every line written while it is worked on carries them, and leaves them on the
 * request for its access line.
 */
public class RequestSubjectFilter extends EveryDispatchFilter {

    public static final String ACTOR = "actor";
    public static final String CASE_ID = "caseId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String actor = signedIn == null || !signedIn.isAuthenticated() ? null : signedIn.getName();
        String caseId = AccessLogFilter.caseOf(request, response);
        if (actor != null) {
            request.setAttribute(ACTOR, actor);
            MDC.put(ACTOR, actor);
        }
        if (caseId != null) {
            MDC.put(CASE_ID, caseId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ACTOR);
            MDC.remove(CASE_ID);
        }
    }
}

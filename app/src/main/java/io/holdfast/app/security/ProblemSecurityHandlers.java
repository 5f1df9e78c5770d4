package io.holdfast.app.security;

import io.holdfast.app.problem.ProblemWriter;
import io.holdfast.app.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problems, with the challenges a client needs to authenticate. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final boolean basicOffered;

    ProblemSecurityHandlers(ProblemWriter problems, boolean basicOffered) {
        this.problems = problems;
        this.basicOffered = basicOffered;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (basicOffered) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Holdfast\"");
        }
        response.addHeader("WWW-Authenticate", "Bearer");
        String detail = failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? "the bearer token was refused: " + oauth.getError().getDescription()
                : "valid credentials are required";
        problems.write(response, Problems.of(Problems.Type.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String who = request.getUserPrincipal() == null ? "the caller" : request.getUserPrincipal().getName();
        problems.write(response, Problems.of(Problems.Type.FORBIDDEN,
                who + " may not " + request.getMethod() + " " + request.getRequestURI() + " in their role"));
    }
}

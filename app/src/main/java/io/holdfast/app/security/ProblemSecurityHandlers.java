package io.holdfast.app.security;

import io.holdfast.app.problem.ProblemWriter;
import io.holdfast.app.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 405 as problems, with the challenges a client needs to authenticate and the methods a path answers. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final boolean basicOffered;
    private final AllowedMethods allowedMethods;

    ProblemSecurityHandlers(ProblemWriter problems, boolean basicOffered, AllowedMethods allowedMethods) {
        this.problems = problems;
        this.basicOffered = basicOffered;
        this.allowedMethods = allowedMethods;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (basicOffered) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Holdfast\"");
        }
        response.addHeader("WWW-Authenticate", "Bearer");
        String detail = failure instanceof OAuth2AuthenticationException oauth
                        && oauth.getError().getDescription() != null
                ? "the bearer token was refused: " + oauth.getError().getDescription()
                : "valid credentials are required";
        problems.write(response, Problems.of(Problems.Type.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Set<String> allowed = allowedMethods.on(request);
        if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", allowed));
            problems.write(
                    response,
                    Problems.of(
                            Problems.Type.METHOD_NOT_ALLOWED,
                            request.getRequestURI() + " answers " + String.join(", ", allowed) + ", not "
                                    + request.getMethod()));
            return;
        }
        String who = request.getUserPrincipal() == null
                ? "the caller"
                : request.getUserPrincipal().getName();
        problems.write(
                response,
                Problems.of(
                        Problems.Type.FORBIDDEN,
                        who + " may not " + request.getMethod() + " " + request.getRequestURI() + " in their role"));
    }
}

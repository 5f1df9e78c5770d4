package io.holdfast.app.request;

import io.holdfast.app.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is sensible,
 * otherwise a new one. It is echoed in the response, written in every log line and recorded in the
 * metadata of every event the request causes.
 */
public class CorrelationIdFilter extends EveryDispatchFilter {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = isAsyncDispatch(request) ? response.getHeader(HEADER) : request.getHeader(HEADER);
        String correlationId = given != null && SENSIBLE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        MDC.put(Problems.CORRELATION_ID, correlationId);
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(Problems.CORRELATION_ID);
        }
    }
}

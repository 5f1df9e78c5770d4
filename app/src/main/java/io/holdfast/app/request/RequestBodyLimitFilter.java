package io.holdfast.app.request;

import io.holdfast.app.problem.ProblemWriter;
import io.holdfast.app.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies: a body over the limit is refused with 413 before anything reads it as
 * JSON, whether its size was announced or not. Bodies within the limit are kept for the later
 * filters (the idempotency check hashes them).
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** File uploads: read as a stream by their controllers, never held in memory here. */
    static final Set<String> UPLOADS = Set.of("/api/sanctions/lists", "/api/accounts/addresses");

    private final ProblemWriter problems;
    private final long maxBytes;
    private final long maxUploadBytes;

    public RequestBodyLimitFilter(ProblemWriter problems, long maxBytes, long maxUploadBytes) {
        this.problems = problems;
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** Whether the request uploads a file: a sanctions list or bulk addresses, with the larger limit. */
    public static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && UPLOADS.contains(request.getRequestURI());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request)) {
            if (request.getContentLengthLong() > maxUploadBytes) {
                refuse(response, maxUploadBytes);
                return;
            }
            chain.doFilter(new LimitedBodyRequest(request, maxUploadBytes), response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        refuse(response, maxBytes);
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                response,
                Problems.of(
                        Problems.Type.PAYLOAD_TOO_LARGE,
                        "the request body is larger than the limit of " + limit + " bytes"));
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
}

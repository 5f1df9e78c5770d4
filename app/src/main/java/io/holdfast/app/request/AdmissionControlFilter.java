package io.holdfast.app.request;

import io.holdfast.app.problem.ProblemWriter;
import io.holdfast.app.problem.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a burst from a portal from queueing without bound: at most {@code maxWrites} writes,
 * {@code maxReads} reads and {@code maxUploads} file uploads are worked on at once; a request that
 * finds no room within {@code wait} is answered 503 with {@code Retry-After} at once. Each has its
 * own room, so a flood of commands never stops investigators from reading their cases, and a
 * sanctions list arriving slowly over a network never takes the room of commands.
 */
public class AdmissionControlFilter extends OncePerRequestFilter {

    private final Semaphore writes;
    private final Semaphore reads;
    private final Semaphore uploads;
    private final long waitNanos;
    private final long retryAfterSeconds;
    private final ProblemWriter problems;
    private final Counter refusedWrites;
    private final Counter refusedReads;

    public AdmissionControlFilter(int maxWrites, int maxReads, int maxUploads, Duration wait, Duration retryAfter,
                                  ProblemWriter problems, MeterRegistry meters) {
        this.writes = new Semaphore(maxWrites);
        this.reads = new Semaphore(maxReads);
        this.uploads = new Semaphore(maxUploads);
        this.waitNanos = wait.toNanos();
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.problems = problems;
        this.refusedWrites = refusals(meters, "write");
        this.refusedReads = refusals(meters, "read");
    }

    private static Counter refusals(MeterRegistry meters, String kind) {
        return Counter.builder("holdfast.http.refused").tag("kind", kind)
                .description("requests answered 503 because Holdfast was at capacity").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // live update streams wait on the server without a thread; they are not work in progress
        return !request.getRequestURI().startsWith("/api/") || request.getRequestURI().endsWith("/updates");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
        boolean upload = write && RequestBodyLimitFilter.isUpload(request);
        Semaphore room = upload ? uploads : write ? writes : reads;
        if (!enter(room)) {
            (write ? refusedWrites : refusedReads).increment();
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            problems.write(response, Problems.of(Problems.Type.AT_CAPACITY, "Holdfast is working on as many "
                    + (upload ? "file uploads" : write ? "commands" : "reads") + " as it can; nothing of this request was done, "
                    + "send it again in " + retryAfterSeconds + " s"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            room.release();
        }
    }

    private boolean enter(Semaphore room) {
        try {
            return room.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

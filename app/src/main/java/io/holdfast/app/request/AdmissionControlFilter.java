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

    /** Places for one kind of request (size of them), and the count of those refused for want of one. */
    private record Room(String worksOn, int size, Semaphore places, Counter refused) {

        Room(String kind, String worksOn, int places, MeterRegistry meters) {
            this(worksOn, places, new Semaphore(places), Counter.builder("holdfast.http.refused").tag("kind", kind)
                    .description("requests answered 503 because Holdfast was at capacity").register(meters));
        }
    }

    private final Room writes;
    private final Room reads;
    private final Room uploads;
    private final long waitNanos;
    private final long retryAfterSeconds;
    private final ProblemWriter problems;

    public AdmissionControlFilter(int maxWrites, int maxReads, int maxUploads, Duration wait, Duration retryAfter,
                                  ProblemWriter problems, MeterRegistry meters) {
        this.writes = new Room("write", "commands", maxWrites, meters);
        this.reads = new Room("read", "reads", maxReads, meters);
        this.uploads = new Room("upload", "file uploads", maxUploads, meters);
        this.waitNanos = wait.toNanos();
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.problems = problems;
    }

    /** How many commands are worked on at once. */
    public int roomForCommands() {
        return writes.size();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // live update streams wait on the server without a thread; they are not work in progress
        return !request.getRequestURI().startsWith("/api/") || request.getRequestURI().endsWith("/updates");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Room room = roomFor(request);
        if (!enter(room.places())) {
            room.refused().increment();
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            problems.write(response, Problems.of(Problems.Type.AT_CAPACITY, "Holdfast is working on as many "
                    + room.worksOn() + " as it can; nothing of this request was done, send it again in "
                    + retryAfterSeconds + " s"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            room.places().release();
        }
    }

    private Room roomFor(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return reads;
        }
        return RequestBodyLimitFilter.isUpload(request) ? uploads : writes;
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

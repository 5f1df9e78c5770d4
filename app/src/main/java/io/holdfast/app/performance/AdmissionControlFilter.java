package io.holdfast.app.performance;

import io.holdfast.app.problem.ProblemWriter;
import io.holdfast.app.problem.Problems;
import io.holdfast.app.request.RequestBodyLimitFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a burst from a portal from queueing without bound: at most {@code maxWrites} writes,
 * {@code maxReads} reads and {@code maxUploads} file uploads are worked on at once; a request that
 * finds no room within {@code wait} is answered 503 with {@code Retry-After} at once. Each has its
 * own room, so a flood of commands never stops investigators from reading their cases, and a
 * sanctions list arriving slowly over a network never takes the room of commands.
 * <p>
 * A request that stays open without a thread, a live update stream or a read waiting for a version
 * ({@code ?minVersion=}), also takes one of {@code maxOpenWaits} places, from its arrival until its
 * answer ends: each holds a subscription to the projections, and without a bound a portal could
 * open them until the node ran out of memory.
 */
public class AdmissionControlFilter extends OncePerRequestFilter {

    /** Places for one kind of request (size of them), and the count of those refused for want of one. */
    private record Room(String worksOn, int size, Semaphore places, Counter refused) {

        Room(String kind, String worksOn, int places, MeterRegistry meters) {
            this(
                    worksOn,
                    places,
                    new Semaphore(places),
                    Counter.builder("holdfast.http.refused")
                            .tag("kind", kind)
                            .description("requests answered 503 because Holdfast was at capacity")
                            .register(meters));
        }
    }

    private final Room writes;
    private final Room reads;
    private final Room uploads;
    private final Room openWaits;
    private final long waitNanos;
    private final long retryAfterSeconds;
    private final ProblemWriter problems;

    public AdmissionControlFilter(
            int maxWrites,
            int maxReads,
            int maxUploads,
            int maxOpenWaits,
            Duration wait,
            Duration retryAfter,
            ProblemWriter problems,
            MeterRegistry meters) {
        this.writes = new Room("write", "commands", maxWrites, meters);
        this.reads = new Room("read", "reads", maxReads, meters);
        this.uploads = new Room("upload", "file uploads", maxUploads, meters);
        this.openWaits =
                new Room("open-wait", "live update streams and reads waiting for a version", maxOpenWaits, meters);
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
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!opensAWait(request)) {
            workIn(roomFor(request), request, response, chain);
            return;
        }
        if (!enter(openWaits, response)) {
            return;
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                openWaits.places().release();
            }
        };
        try {
            if (isLiveUpdateStream(request)) {
                // a stream waits on the server without a thread from its start: it is not work in progress
                chain.doFilter(request, response);
            } else {
                workIn(reads, request, response, chain);
            }
        } finally {
            leaveWhenAnswered(request, leave);
        }
    }

    private static void leaveWhenAnswered(HttpServletRequest request, Runnable leave) {
        if (!request.isAsyncStarted()) {
            leave.run();
            return;
        }
        try {
            request.getAsyncContext().addListener(new LeaveWhenAnswered(leave));
        } catch (IllegalStateException answeredMeanwhile) {
            leave.run();
        }
    }

    private void workIn(Room room, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enter(room, response)) {
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            room.places().release();
        }
    }

    private boolean enter(Room room, HttpServletResponse response) throws IOException {
        if (enter(room.places())) {
            return true;
        }
        room.refused().increment();
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        problems.write(
                response,
                Problems.of(
                        Problems.Type.AT_CAPACITY,
                        "Holdfast is working on as many "
                                + room.worksOn() + " as it can; nothing of this request was done, send it again in "
                                + retryAfterSeconds + " s"));
        return false;
    }

    private static boolean opensAWait(HttpServletRequest request) {
        return isLiveUpdateStream(request) || (isRead(request) && request.getParameter("minVersion") != null);
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static boolean isLiveUpdateStream(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/updates");
    }

    private Room roomFor(HttpServletRequest request) {
        if (isRead(request)) {
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

    /** Gives the place of a request that stayed open back when its answer has ended, however it ended. */
    private record LeaveWhenAnswered(Runnable leave) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}

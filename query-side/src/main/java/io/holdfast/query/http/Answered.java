package io.holdfast.query.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * A query's answer taken in the request's own thread. Handed back as a future, Spring MVC answers
 * in a second, asynchronous dispatch on another thread, which runs the security filters and the
 * handler lookup again; on the embedded default the query bus has answered before the future is
 * returned, so that second dispatch was all cost. Reads that wait for a version ({@code minVersion})
 * stay asynchronous: they must not hold a server thread for seconds.
 */
public final class Answered {

    /** As long as Spring MVC let an asynchronous answer take (the server's default), then 503. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private Answered() {}

    public static <T> T now(CompletableFuture<T> asked) {
        return within(LONGEST_WAIT, asked);
    }

    static <T> T within(Duration longest, CompletableFuture<T> asked) {
        try {
            return asked.get(longest.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the read failed", e.getCause());
        } catch (TimeoutException e) {
            asked.cancel(false);
            throw new AsyncRequestTimeoutException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the server is stopping", e);
        }
    }
}

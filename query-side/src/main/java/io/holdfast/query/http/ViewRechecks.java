package io.holdfast.query.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks a view again, at intervals, while a read waits for the version a client wrote
 * ({@code ?minVersion=}). The question runs on threads of its own, never on Reactor's timer
 * threads: Reactor interrupts a timer thread whose task is cancelled while it runs (the answer
 * came another way, or the wait ended at that moment), and an interrupt inside H2's file I/O
 * closes the embedded database for every request. Nor do database reads belong on the timer
 * threads, one per core, that every waiting read shares.
 */
@Component
public class ViewRechecks implements DisposableBean {

    private final ExecutorService askers;

    @Autowired
    public ViewRechecks(ReadSettings reads) {
        this(reads.recheckThreads());
    }

    public ViewRechecks(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.askers = Executors.newFixedThreadPool(threads, question -> {
            Thread thread = new Thread(question, "view-recheck-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The view's answer every {@code interval}, the first after {@code first}; a tick that finds a question still open is skipped. */
    public <T> Flux<T> every(Duration first, Duration interval, Supplier<CompletableFuture<T>> question) {
        return Flux.interval(first, interval)
                .onBackpressureDrop()
                .concatMap(
                        tick -> Mono.fromFuture(() ->
                                CompletableFuture.supplyAsync(question, askers).thenCompose(answer -> answer)),
                        1);
    }

    @Override
    public void destroy() {
        askers.shutdown();
    }
}

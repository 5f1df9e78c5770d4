package io.holdfast.query.readmodel;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A view's read that takes a while and notes whether its thread was interrupted meanwhile (as H2 would notice, fatally). */
public final class SlowRead {

    private final Duration takes;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public SlowRead(Duration takes) {
        this.takes = takes;
    }

    public <T> T answer(T view) {
        started.countDown();
        try {
            Thread.sleep(takes.toMillis());
        } catch (InterruptedException e) {
            interrupted.set(true);
        }
        ended.countDown();
        return view;
    }

    public boolean awaitStarted() throws InterruptedException {
        return started.await(10, TimeUnit.SECONDS);
    }

    /** Whether the thread reading was interrupted, once the read has ended. */
    public boolean wasInterrupted() throws InterruptedException {
        if (!ended.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the read did not end");
        }
        return interrupted.get();
    }
}

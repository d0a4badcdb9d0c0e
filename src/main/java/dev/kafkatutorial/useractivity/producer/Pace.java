package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The pause between events: one every interval, counted from the previous event's due time rather than from
 * the end of its send, so --interval 1ms makes 1,000 events/s. A sender that falls behind (a slow broker, a
 * blocked send) goes on at the interval from now, without a burst to catch up. A stop request ends the pause.
 *
 * <p>{@code --rate N} is the one exception: like {@code kafka-producer-perf-test --throughput}, it promises N
 * events per second on average, so a sender that fell behind (a busy machine, a GC pause, a slow start) catches
 * up without pausing, on up to 10 seconds' worth of events (beyond that it goes on from now, as above).
 */
public final class Pace {

    private final long intervalNanos;
    private final long catchUpNanos; // how far behind the sender may be and still catch up
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private long nextEventAt; // System.nanoTime() at which the next event is due; 0 before the first pause

    public Pace(Duration interval) {
        this(interval, interval);
    }

    private Pace(Duration interval, Duration catchUp) {
        this.intervalNanos = interval.toNanos();
        this.catchUpNanos = catchUp.toNanos();
    }

    /** {@code --rate}: N events per second on average, catching up on at most 10 s of lag. */
    public static Pace ofRate(Duration interval) {
        return new Pace(interval, Duration.ofSeconds(10));
    }

    /**
     * The first event is due now: the next is due an interval after this, however long the first send takes
     * (the first send() loads the serializer and may wait for metadata, which a short --duration would feel).
     */
    public void start() {
        nextEventAt = System.nanoTime();
    }

    /** Waits until the next event is due or stop() is called; false if the thread was interrupted. */
    public boolean awaitNext() {
        long now = System.nanoTime();
        nextEventAt = nextEventAt == 0 || now - nextEventAt > catchUpNanos ? now + intervalNanos
                : nextEventAt + intervalNanos;
        try {
            stopRequested.await(nextEventAt - now, TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** From any thread: the current pause and every later one end at once. */
    public void stop() {
        stopRequested.countDown();
    }
}

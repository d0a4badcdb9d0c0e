package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The pause between events: one every interval, counted from the previous event's due time rather than from
 * the end of its send, so --interval 1ms makes 1,000 events/s. A sender that falls behind (a slow broker, a
 * blocked send) goes on at the interval from now, without a burst to catch up. A stop request ends the pause.
 */
public final class Pace {

    private final long intervalNanos;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private long nextEventAt; // System.nanoTime() at which the next event is due; 0 before the first pause

    public Pace(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Waits until the next event is due or stop() is called; false if the thread was interrupted. */
    public boolean awaitNext() {
        long now = System.nanoTime();
        nextEventAt = nextEventAt == 0 || now - nextEventAt > intervalNanos ? now + intervalNanos
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

package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;

/**
 * Lets a stop request (Ctrl+C, SIGTERM, a closed stdout) interrupt the sending thread while, and only while,
 * it is inside a producer call that may block: at once for a {@code send()}, or once a grace has passed for a
 * transaction's commit or abort ({@link #cutAfter}).
 *
 * <p>{@code send()} blocks up to {@code max.block.ms} when it has no metadata for the topic or the buffer is
 * full (a broker away under {@code --interval 0}); {@code partitionsFor()} blocks the same. Kafka's producer
 * turns an interrupt of that wait into an {@code InterruptException}, so the event is reported failed at once
 * instead of after 10 s, and what is left of the shutdown grace goes to {@code close()}. A commit is different:
 * cut short, nobody knows whether the transaction committed, so the stop lets it finish within the grace and
 * cuts it only then. The interrupt never outlives the call: a pending interrupt would make {@code close()} skip
 * its grace and fail every event still in flight.
 */
public final class BlockingSend {

    private final Duration grace;
    private final Object lock = new Object();
    private Thread inside; // the thread in a blocking call, or null
    private boolean stopped;
    private long stoppedAt; // System.nanoTime() of the stop
    private boolean cut; // the stop's grace has passed: no call blocks from now on

    /** A stop cuts the call at once. */
    public BlockingSend() {
        this(Duration.ZERO);
    }

    private BlockingSend(Duration grace) {
        this.grace = grace;
    }

    /** A stop cuts the call only once {@code grace} has passed since the stop. */
    public static BlockingSend cutAfter(Duration grace) {
        return new BlockingSend(grace);
    }

    /** Call before the blocking call. Once cut, it interrupts at once: the call then cannot block. */
    public void enter() {
        synchronized (lock) {
            inside = Thread.currentThread();
            if (cut) {
                inside.interrupt();
            }
        }
    }

    /** Call after it, in a finally: clears any interrupt that the stop made. */
    public void exit() {
        synchronized (lock) {
            inside = null;
            Thread.interrupted();
        }
    }

    /** From any thread: no call blocks once the grace has passed, and the one in progress is then interrupted. */
    public void stop() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            stoppedAt = System.nanoTime();
            if (grace.isZero()) {
                cutNow();
                return;
            }
        }
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(grace.toMillis());
            } catch (InterruptedException e) {
                return; // the JVM is going down
            }
            synchronized (lock) {
                cutNow();
            }
        }, "stop-grace");
        timer.setDaemon(true);
        timer.start();
    }

    private void cutNow() {
        cut = true;
        if (inside != null) {
            inside.interrupt();
        }
    }

    public boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    /** Whether the stop's grace has passed: a call interrupted now is not tried again. */
    public boolean graceOver() {
        synchronized (lock) {
            return cut;
        }
    }

    /** How long after a stop a call is cut. */
    public Duration grace() {
        return grace;
    }

    /** What is left of the stop's grace; all of it before a stop. */
    public Duration remaining() {
        synchronized (lock) {
            Duration left = stopped ? grace.minusNanos(System.nanoTime() - stoppedAt) : grace;
            return left.isNegative() ? Duration.ZERO : left;
        }
    }
}

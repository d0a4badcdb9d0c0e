package dev.kafkatutorial.useractivity.consumer;

import java.time.Duration;

/**
 * {@code --timeout-ms}: ends the read when no event arrives for that long, as kafka-console-consumer does. Each
 * poll waits at most until then, so the end comes on time even when the broker sends nothing.
 */
public final class IdleTimeout {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private final Duration timeout; // null: wait for ever
    private long lastRecordAt = System.nanoTime();

    public IdleTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Something arrived: the idle clock starts again. */
    public void reset() {
        lastRecordAt = System.nanoTime();
    }

    public boolean expired() {
        return timeout != null && System.nanoTime() - lastRecordAt >= timeout.toNanos();
    }

    /** How long the next poll may wait: a second, or less when the idle time ends sooner. */
    public Duration pollTimeout() {
        if (timeout == null) {
            return POLL_TIMEOUT;
        }
        long left = timeout.toNanos() - (System.nanoTime() - lastRecordAt);
        return Duration.ofNanos(Math.max(0, Math.min(left, POLL_TIMEOUT.toNanos())));
    }
}

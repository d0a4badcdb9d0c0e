package dev.kafkatutorial.useractivity.producer;

/**
 * Lets a stop request (Ctrl+C, SIGTERM, a closed stdout) interrupt the sending thread while, and only while,
 * it is inside a producer call that may block.
 *
 * <p>{@code send()} blocks up to {@code max.block.ms} when it has no metadata for the topic or the buffer is
 * full (a broker away under {@code --interval 0}); {@code partitionsFor()} blocks the same. Kafka's producer
 * turns an interrupt of that wait into an {@code InterruptException}, so the event is reported failed at once
 * instead of after 10 s, and what is left of the shutdown grace goes to {@code close()}. The interrupt never
 * outlives the call: a pending interrupt would make {@code close()} skip its grace and fail every event still
 * in flight.
 */
public final class BlockingSend {

    private final Object lock = new Object();
    private Thread inside; // the thread in a blocking call, or null
    private boolean stopped;

    /** Call before the blocking call. After a stop it interrupts at once: the call then cannot block. */
    public void enter() {
        synchronized (lock) {
            inside = Thread.currentThread();
            if (stopped) {
                inside.interrupt();
            }
        }
    }

    /** Call after it, in a finally: clears any interrupt that stop() made. */
    public void exit() {
        synchronized (lock) {
            inside = null;
            Thread.interrupted();
        }
    }

    /** From any thread: no call blocks from now on, and the one in progress is interrupted. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (inside != null) {
                inside.interrupt();
            }
        }
    }

    public boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }
}

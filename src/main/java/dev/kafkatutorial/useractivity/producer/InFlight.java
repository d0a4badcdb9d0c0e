package dev.kafkatutorial.useractivity.producer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The events between {@code send()} and their callback. {@code send()} only hands an event to the producer's
 * buffer; the callback runs later, on the producer's I/O thread, once the broker acknowledged it or it finally
 * failed. So the sending thread counts what it sent, the callbacks count what completed, and the end of a run
 * waits for the difference.
 */
public final class InFlight {

    private volatile long sent; // only the sending thread writes it; --quiet's progress thread reads it
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong completed = new AtomicLong(); // acknowledged or failed
    private final Object completion = new Object();
    private volatile boolean awaiting; // await() waits on completion

    /** The sending thread, for each event: its sequence number, from 0. */
    public long sending() {
        return sent++;
    }

    /** A callback, once its event is acknowledged ({@code error} false) or has finally failed. */
    public void completed(boolean acknowledged) {
        if (acknowledged) {
            this.acknowledged.incrementAndGet();
        }
        // Only the final wait needs waking: a lock and notifyAll() per acknowledgement would cost the
        // I/O thread time at --interval 0.
        if (completed.incrementAndGet() >= sent && awaiting) {
            synchronized (completion) {
                completion.notifyAll();
            }
        }
    }

    /** Waits until every sent event has completed, or until {@code running} turns false. */
    public void await(BooleanSupplier running) {
        awaiting = true;
        synchronized (completion) {
            while (completed.get() < sent && running.getAsBoolean()) {
                try {
                    completion.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public long sent() {
        return sent;
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    /** Sent, not yet acknowledged nor failed: what an outage holds back. */
    public long pending() {
        return sent - completed.get();
    }
}

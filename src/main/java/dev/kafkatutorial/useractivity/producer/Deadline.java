package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code --duration}: the run's time limit. The sending loop asks {@link #passed()} before each event; a pause
 * that would outlast the limit is cut by stopping the {@link Pace}, so a 3 s run with a 5 s interval ends at 3 s.
 */
public final class Deadline {

    private final long endsAt; // System.nanoTime() at which the run ends
    private final boolean unlimited;

    private Deadline(Duration limit) {
        this.unlimited = limit == null;
        this.endsAt = unlimited ? 0 : System.nanoTime() + limit.toNanos();
    }

    /** Starts the clock now; {@code null}: no limit. */
    public static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    public boolean passed() {
        return !unlimited && System.nanoTime() - endsAt >= 0;
    }

    /** Ends {@code pace}'s waits when the time is up (a daemon thread; none without a limit). */
    public Deadline cutting(Pace pace) {
        if (!unlimited) {
            Thread timer = new Thread(() -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, endsAt - System.nanoTime()));
                    pace.stop();
                } catch (InterruptedException e) {
                    // the run ended first
                }
            }, "duration");
            timer.setDaemon(true);
            timer.start();
        }
        return this;
    }
}

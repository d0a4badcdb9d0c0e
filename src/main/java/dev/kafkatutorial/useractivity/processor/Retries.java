package dev.kafkatutorial.useractivity.processor;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * What the processor does again, and how long it waits before.
 *
 * <p>A commit or an abort that times out. {@code commitTransaction()} and {@code abortTransaction()} wait
 * {@code max.block.ms} for the broker; a {@code TimeoutException} says only that no answer came in that time,
 * not what became of the call: the commit may well have gone through. So {@code KafkaProducer}'s javadoc allows
 * one thing next, the same call again (the other one is refused with an {@code IllegalStateException}). Here it
 * is made again until it is answered, however long the broker is away: a transaction left open longer than
 * {@code transaction.timeout.ms} is aborted by the broker, which the call learns once the broker is back (the
 * producer is then fenced). After a stop it is made again only for a bounded time, so that Ctrl+C ends.
 *
 * <p>An aborted transaction: its records are read again after a pause that doubles with each abort in a row, so
 * a failure that repeats does not spin.
 */
public final class Retries {

    /** A stop's bound passed while a commit or an abort still had no answer: what became of it is the broker's. */
    public static final class Abandoned extends RuntimeException {
        Abandoned(TimeoutException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final long PAUSE_MILLIS = 100;
    private static final long FIRST_BACK_OFF_MILLIS = 50;
    private static final long MAX_BACK_OFF_MILLIS = 2_000;

    private final BrokerWatch watch;
    private final Duration afterStop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long stoppedAt;

    /** {@code afterStop}: how long after a stop a call that times out is still made again. */
    public Retries(BrokerWatch watch, Duration afterStop) {
        this.watch = watch;
        this.afterStop = afterStop;
    }

    /** From any thread: bounds the retries from now on, and ends a back-off at once. A second stop changes nothing. */
    public synchronized void stop() {
        if (stopped.getCount() > 0) {
            stoppedAt = System.nanoTime();
            stopped.countDown();
        }
    }

    public void commit(Producer<?, ?> producer) {
        untilAnswered(producer::commitTransaction);
    }

    public void abort(Producer<?, ?> producer) {
        untilAnswered(producer::abortTransaction);
    }

    private void untilAnswered(Runnable call) {
        while (true) {
            try {
                call.run();
                watch.answered();
                return;
            } catch (TimeoutException e) {
                watch.noAnswer();
                if (stopped.getCount() == 0 && System.nanoTime() - stoppedAt >= afterStop.toNanos()) {
                    throw new Abandoned(e);
                }
                pause(PAUSE_MILLIS); // the call itself waited max.block.ms; this only keeps a tiny one from spinning
            }
        }
    }

    /** Before an aborted transaction's records are read again: 50 ms, doubling with each abort in a row, up to 2 s. */
    public void backOff(int abortsInARow) {
        long millis = Math.min(FIRST_BACK_OFF_MILLIS << Math.min(abortsInARow - 1, 10), MAX_BACK_OFF_MILLIS);
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS); // a stop ends it at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

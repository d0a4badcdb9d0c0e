package dev.kafkatutorial.useractivity.doctor;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * One Admin request the doctor waits for, named (its Admin call and what it asks about), so a failure can say
 * which request failed: a timeout from its topic or group checks is one line naming the request, never a bare
 * "TimeoutException".
 */
final class Request {

    /** How long each Admin request may wait for a broker, as the programs wait. */
    static final Duration WAIT = Doctor.WAIT;

    private Request() {
    }

    /** The request's answer; {@link Failed} when it failed or no answer came within {@link #WAIT}. */
    static <T> T await(KafkaFuture<T> future, String call, String subject) throws Failed, InterruptedException {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // Our wait and the Admin client's own (default.api.timeout.ms) are both WAIT: whichever gives up first.
            throw new Failed(call, subject, new TimeoutException("no answer within " + WAIT.toSeconds() + " s"));
        } catch (ExecutionException e) {
            throw new Failed(call, subject, e.getCause());
        }
    }

    /** A request that failed: which one, and Kafka's error. */
    static final class Failed extends Exception {
        private final String call;
        private final String subject;

        Failed(String call, String subject, Throwable error) {
            super(call + " (" + subject + ")", error, false, false);
            this.call = call;
            this.subject = subject;
        }

        String call() {
            return call;
        }

        String subject() {
            return subject;
        }

        boolean timedOut() {
            return getCause() instanceof TimeoutException;
        }
    }
}

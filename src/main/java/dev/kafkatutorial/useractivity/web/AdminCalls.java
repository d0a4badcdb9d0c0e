package dev.kafkatutorial.useractivity.web;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AbstractOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;

/**
 * The one {@link Admin} client every page view shares (it is thread-safe, and one connection per broker serves
 * them all), and the bound on each of its calls: a page that polls every second must hear "the broker does not
 * answer" within seconds, not after Kafka's default minute, and a call given up must not linger in the client.
 */
final class AdminCalls {

    private final Admin admin;
    private final Duration wait;

    AdminCalls(Admin admin, Duration wait) {
        this.admin = admin;
        this.wait = wait;
    }

    Admin admin() {
        return admin;
    }

    Duration waitLimit() {
        return wait;
    }

    /** {@code options} with this call's time limit, so the Admin client itself gives the call up. */
    <O extends AbstractOptions<O>> O bounded(O options) {
        return options.timeoutMs((int) wait.toMillis());
    }

    /**
     * The future's value within the wait (plus a second for the client's own timeout to fire first); its failure
     * as Kafka's own exception (UnknownTopicOrPartitionException, TimeoutException, ...), not ExecutionException.
     */
    <T> T await(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}

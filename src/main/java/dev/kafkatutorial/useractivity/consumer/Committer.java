package dev.kafkatutorial.useractivity.consumer;

import java.time.Duration;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Commits the consumer's positions (the offset after each record printed: where the group's next run starts),
 * always within a bound, and notes each success in the {@link CommitLedger}. Kafka's {@code commitSync()}
 * waits up to {@code default.api.timeout.ms} (60 s) for a broker that may be gone; a program being stopped
 * cannot wait that long.
 */
public final class Committer {

    private final Consumer<?, ?> consumer;
    private final CommitLedger ledger;
    private final Duration wait;

    public Committer(Consumer<?, ?> consumer, CommitLedger ledger, Duration wait) {
        this.consumer = consumer;
        this.ledger = ledger;
        this.wait = wait;
    }

    /** Commits every position now; a pending wakeup (Ctrl+C) must not cost the commit. Throws when it failed. */
    public void commit() {
        try {
            consumer.commitSync(wait);
        } catch (WakeupException e) {
            consumer.commitSync(wait); // the wakeup is spent now; this one runs
        }
        ledger.committedAll();
    }

    /**
     * A commit while running (--manual-commit after a batch, or before a partition is taken away): a failure
     * is not the end. The broker is away, and the next commit covers this batch; or the partition went to
     * another member, which reads the batch again (at least once); or the group is rebalancing
     * ({@code RebalanceInProgressException}, which {@code commitSync} throws when a cooperative rebalance is under
     * way: poll() goes on returning records meanwhile), and the commit after the rebalance covers the batch, or
     * the new owner reads it again. The commit on the way out reports what is left.
     */
    public void commitWhileRunning() {
        try {
            commit();
        } catch (TimeoutException | RetriableCommitFailedException | CommitFailedException
                 | RebalanceInProgressException e) {
            // see above
        }
    }

    /** The commit on the way out, when anything printed is not committed yet: {@code null}, or why it failed. */
    public KafkaException commitOnExit() {
        if (ledger.uncommitted() == 0) {
            return null;
        }
        try {
            commit();
            return null;
        } catch (KafkaException e) {
            return e;
        }
    }
}

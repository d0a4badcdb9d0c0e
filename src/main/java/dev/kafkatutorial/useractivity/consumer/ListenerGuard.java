package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The outermost link of the consumer's rebalance listener chain. Kafka calls the chain inside poll(); what it
 * throws Kafka logs at ERROR with its stack trace, then rethrows from poll() wrapped in "User rebalance callback
 * throws an error". Nothing may leave this way. A failure (a broker that does not answer within the bound, say,
 * so a partition cannot be positioned) is kept as one line; the partitions just assigned are paused, so nothing
 * is read from where they were not meant to start; and {@code wakeup()} ends the poll, after which the program
 * ends with the line ({@link #failure()}). A wakeup or an interrupt (Ctrl+C) passes through, as Kafka expects.
 */
final class ListenerGuard implements ConsumerRebalanceListener {

    private final ConsumerRebalanceListener next;
    private final Consumer<?, ?> consumer;
    private final ConsumerLines lines;
    private volatile String failure;

    ListenerGuard(ConsumerRebalanceListener next, Consumer<?, ?> consumer, ConsumerLines lines) {
        this.next = next;
        this.consumer = consumer;
        this.lines = lines;
    }

    /** The line to end the program with, once a listener has failed; else null. */
    String failure() {
        return failure;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        guard(next::onPartitionsAssigned, partitions, true);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        guard(next::onPartitionsRevoked, partitions, false);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        guard(next::onPartitionsLost, partitions, false);
    }

    private void guard(java.util.function.Consumer<Collection<TopicPartition>> call,
                       Collection<TopicPartition> partitions, boolean assigned) {
        try {
            call.accept(partitions);
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            if (failure == null) {
                String fatal = Failures.fatalMessage(e, lines);
                failure = fatal != null ? fatal : lines.assignmentFailed(lines.partitions(partitions),
                        e instanceof TimeoutException ? lines.noAnswer(ClientSettings.BROKER_WAIT) : Cli.oneLine(e));
            }
            if (assigned) {
                try {
                    consumer.pause(partitions);
                } catch (IllegalStateException notAssigned) {
                    // nothing to read from them then either
                }
            }
            consumer.wakeup();
        }
    }
}

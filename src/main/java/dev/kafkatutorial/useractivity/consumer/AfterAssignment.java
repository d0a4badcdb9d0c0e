package dev.kafkatutorial.useractivity.consumer;

import java.util.Collection;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * A rebalance listener that passes every callback on to {@code next}, and after {@code next} has handled an
 * assignment (its seeks included) runs {@code then} with the partitions just assigned: how the lag lines and
 * {@code --explain} join the listener chain without repeating its three callbacks.
 */
final class AfterAssignment implements ConsumerRebalanceListener {

    private final ConsumerRebalanceListener next;
    private final Consumer<Collection<TopicPartition>> then;

    AfterAssignment(ConsumerRebalanceListener next, Consumer<Collection<TopicPartition>> then) {
        this.next = next;
        this.then = then;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        next.onPartitionsAssigned(partitions);
        then.accept(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        next.onPartitionsRevoked(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        next.onPartitionsLost(partitions);
    }
}

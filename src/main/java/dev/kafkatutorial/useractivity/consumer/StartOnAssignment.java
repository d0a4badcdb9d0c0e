package dev.kafkatutorial.useractivity.consumer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves each partition the group assigns to a {@link StartPosition} ({@code --last N}) before the first fetch.
 *
 * <p>In a group the consumer does not know its partitions until the group's leader hands them out, inside
 * {@code poll()}; {@code onPartitionsAssigned} runs there, before anything is fetched, so a seek in it decides
 * where reading starts (as Kafka's javadoc of {@code ConsumerRebalanceListener} teaches). The group's committed
 * positions are not used for these partitions.
 */
public final class StartOnAssignment implements ConsumerRebalanceListener {

    private final ConsumerRebalanceListener next;
    private final Consumer<?, ?> consumer;
    private final StartPosition start;
    private final Duration wait;
    private final ConsumerLines lines;
    private final PrintStream err;

    public StartOnAssignment(ConsumerRebalanceListener next, Consumer<?, ?> consumer, StartPosition start,
                             Duration wait, ConsumerLines lines, PrintStream err) {
        this.next = next;
        this.consumer = consumer;
        this.start = start;
        this.wait = wait;
        this.lines = lines;
        this.err = err;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            String moved = start.seek(consumer, partition, wait, lines);
            if (moved != null) {
                err.println(moved);
            }
        }
        next.onPartitionsAssigned(partitions);
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

package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer's lag: how many events of a partition are still ahead of it. Reported for each partition on
 * assignment, per record ({@code --print lag}, JSON's {@code lag}) and as the total left at exit.
 *
 * <p>Lag is the partition's end offset (the high watermark; with read_committed the last stable offset) minus
 * the consumer's position, the offset of the next event it will be given. A record's lag is the number of
 * events after it in its partition as the consumer knew the end at that poll: {@code end - offset - 1}, so the
 * first of N events read from the start has lag N-1 and the last has 0. {@code currentLag} answers from what the
 * last fetch response said about the end, without asking the broker; it is unknown before the first fetch.
 *
 * <p>A quirk of Kafka's consumer: whatever a ListOffsets request answers about an assigned partition, the consumer
 * keeps as that partition's end, the log start from {@code beginningOffsets} and the offset found by
 * {@code offsetsForTimes} too, until the partition's next fetch response. A partition not fetched since then
 * counts its lag from there: {@code --explain}'s {@code beginningOffsets} once made {@code --max-messages 3} on
 * three partitions report a third of the lag left, the partitions not fetched yet at lag 0. So the lag line of
 * an assignment ({@link #assigned}, whose {@code endOffsets} puts the true end back) is the last link of the
 * listener chain, after every other request about the partitions.
 */
public final class Lag {

    private static final Duration WAIT = ClientSettings.BROKER_WAIT;

    private final Consumer<?, ?> consumer;
    private final ConsumerLines lines;
    private final PrintStream err;

    public Lag(Consumer<?, ?> consumer, ConsumerLines lines, PrintStream err) {
        this.consumer = consumer;
        this.lines = lines;
        this.err = err;
    }

    /**
     * {@code next}, then one line per assigned partition: after {@code next}, whose seeks move the position and
     * whose ListOffsets requests move the end the consumer keeps (see above).
     */
    public ConsumerRebalanceListener around(ConsumerRebalanceListener next) {
        return AssignmentHook.after(next, this::assigned);
    }

    /** One line per partition: position, end offset, lag. Asks the broker (bounded); says nothing if it cannot. */
    public void assigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            // endOffsets is a ListOffsets request (latest); position() may ask too, for a partition with no
            // committed offset, where auto.offset.reset decides.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
            for (TopicPartition tp : partitions) {
                long position = consumer.position(tp, WAIT);
                Long end = ends.get(tp);
                if (end != null) {
                    err.println(lines.partitionLag(lines.partition(tp), position, end, Math.max(0, end - position)));
                }
            }
        } catch (KafkaException | IllegalStateException e) {
            // lag is for information: without an answer (or an end offset) the consumer still reads
        }
    }

    /** Events after {@code record} in its partition, as the consumer knows the end now; null if unknown. */
    public Long after(ConsumerRecord<?, ?> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        OptionalLong lag = consumer.currentLag(tp); // end - position, from the last fetch response
        if (lag.isEmpty()) {
            return null;
        }
        long end = consumer.position(tp) + lag.getAsLong(); // known position: no request
        return Math.max(0, end - record.offset() - 1);
    }

    /** The total lag of every assigned partition now, or null when not known for one of them (or none assigned). */
    public Long left() {
        try {
            Collection<TopicPartition> partitions = consumer.assignment();
            if (partitions.isEmpty()) {
                return null;
            }
            long total = 0;
            for (TopicPartition tp : partitions) {
                OptionalLong lag = consumer.currentLag(tp);
                if (lag.isEmpty()) {
                    return null;
                }
                total += lag.getAsLong();
            }
            return total;
        } catch (KafkaException | IllegalStateException e) {
            return null;
        }
    }
}

package dev.kafkatutorial.useractivity.processor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's input offsets, per partition: where it starts (to read it again after an abort), the positions to
 * commit with its transaction, and the ranges to print.
 */
public final class PollBatch {

    private final Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
    private final SortedMap<Integer, long[]> ranges = new TreeMap<>();
    private int nulls;

    /** Right after the poll that returned {@code records}, before anything moves {@code consumer}'s positions. */
    public PollBatch(ConsumerRecords<?, ?> records, Consumer<?, ?> consumer) {
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> inPartition = records.records(partition);
            ConsumerRecord<?, ?> last = inPartition.get(inPartition.size() - 1);
            firstOffsets.put(partition, inPartition.get(0).offset());
            // A committed position is the next offset to read: the consumer's position, which under read_committed
            // can lie past the last record, after the commit marker that ended its transaction (a marker takes an
            // offset and is never returned). last + 1 would leave the group one behind for ever, its lag 1. The
            // last record's leader epoch goes with it, so a consumer that starts there can tell whether the log
            // was truncated under it since (KIP-320).
            positions.put(partition, new OffsetAndMetadata(consumer.position(partition), last.leaderEpoch(), ""));
            ranges.put(partition.partition(), new long[] {inPartition.get(0).offset(), last.offset()});
            nulls += (int) inPartition.stream().filter(record -> record.value() == null).count();
        }
    }

    /** After an abort: seeks each partition still assigned back to its first offset in this poll, to read it again. */
    public void rewind(Consumer<?, ?> consumer) {
        firstOffsets.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /** The positions to commit once this batch's output is committed. */
    public Map<TopicPartition, OffsetAndMetadata> positions() {
        return positions;
    }

    /** Records without a value (a tombstone, say): skipped, no output. */
    public int nulls() {
        return nulls;
    }

    /** Partition to {first, last} offset, for the printed line. */
    public SortedMap<Integer, long[]> ranges() {
        return ranges;
    }
}

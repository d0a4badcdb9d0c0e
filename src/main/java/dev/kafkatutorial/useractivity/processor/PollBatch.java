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
    private final Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();
    private final SortedMap<Integer, long[]> ranges = new TreeMap<>();

    public PollBatch(ConsumerRecords<?, ?> records) {
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> inPartition = records.records(partition);
            long first = inPartition.get(0).offset();
            long last = inPartition.get(inPartition.size() - 1).offset();
            firstOffsets.put(partition, first);
            // A committed position is the next offset to read, not the last one read.
            nextOffsets.put(partition, new OffsetAndMetadata(last + 1));
            ranges.put(partition.partition(), new long[] {first, last});
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
    public Map<TopicPartition, OffsetAndMetadata> nextOffsets() {
        return nextOffsets;
    }

    /** Partition to {first, last} offset, for the printed line. */
    public SortedMap<Integer, long[]> ranges() {
        return ranges;
    }
}

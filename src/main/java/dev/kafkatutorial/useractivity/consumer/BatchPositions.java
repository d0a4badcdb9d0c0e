package dev.kafkatutorial.useractivity.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where one poll's records start, and which were not printed. poll() has moved each partition's position past
 * the whole batch; a commit (close()'s automatic one too) would count every record of it as read. So when the
 * loop stops inside a batch, or the batch could not be written, the partitions go back to the first record not
 * printed.
 */
public final class BatchPositions {

    private final Map<TopicPartition, Long> first = new LinkedHashMap<>();
    private Map<TopicPartition, Long> unprinted = new LinkedHashMap<>();

    /** Each record of the batch, in order. */
    public void seen(TopicPartition partition, long offset) {
        first.putIfAbsent(partition, offset);
    }

    /** A record the loop did not print (it stopped): its partition goes back to the first of these. */
    public void notPrinted(TopicPartition partition, long offset) {
        unprinted.putIfAbsent(partition, offset);
    }

    /** The batch was not written (a closed pipe, a full disk), whatever part of it got out: none of it counts. */
    public void noneWritten() {
        unprinted = first;
    }

    /** Seeks back where needed, and tells the ledger. */
    public void rewind(Consumer<?, ?> consumer, CommitLedger ledger) {
        unprinted.forEach((partition, offset) -> {
            consumer.seek(partition, offset);
            ledger.rewound(partition, offset);
        });
    }
}

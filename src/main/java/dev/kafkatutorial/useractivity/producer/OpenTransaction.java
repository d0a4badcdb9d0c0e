package dev.kafkatutorial.useractivity.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionAbortedException;

/**
 * The events of the open transaction, in the order sent, each with what the producer's callback said of it and
 * the report still owed to the program. A callback only notes the outcome (on the producer's I/O thread); the
 * sending thread reports each event once the transaction has ended, so "acknowledged" means committed.
 */
final class OpenTransaction<K, V> {

    /** One event: sent (maybe again), reported once. */
    final class Event implements Callback {
        final ProducerRecord<K, V> record;
        final Transactions.Report report;
        volatile RecordMetadata metadata;
        volatile Exception error;

        Event(ProducerRecord<K, V> record, Transactions.Report report) {
            this.record = record;
            this.report = report;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            this.metadata = error == null ? metadata : null;
            this.error = error;
            if (error != null) {
                failing = true;
            }
        }

        /** Before the event is sent again. */
        void clear() {
            metadata = null;
            error = null;
        }
    }

    private final List<Event> events = new ArrayList<>();
    private volatile boolean failing; // a send failed: the transaction can only be aborted

    Event add(ProducerRecord<K, V> record, Transactions.Report report) {
        Event event = new Event(record, report);
        events.add(event);
        return event;
    }

    void remove(Event event) {
        events.remove(event);
    }

    int size() {
        return events.size();
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** The events, to send again. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** Whether a send of this transaction failed; every later send of it would fail too (the client's error state). */
    boolean failing() {
        return failing;
    }

    /** A transaction began: every callback of the last one has run. */
    void began() {
        failing = false;
    }

    /**
     * The commit succeeded (every callback has run): each event in it is reported, committed; the offset ranges
     * it wrote, partition to {first, last}. An event whose send failed before it joined stays, to go again.
     */
    SortedMap<Integer, long[]> reportCommitted() {
        SortedMap<Integer, long[]> ranges = new TreeMap<>();
        events.removeIf(event -> {
            if (event.metadata == null) {
                return false;
            }
            long[] range = ranges.computeIfAbsent(event.metadata.partition(), p -> new long[] {Long.MAX_VALUE, -1});
            range[0] = Math.min(range[0], event.metadata.offset());
            range[1] = Math.max(range[1], event.metadata.offset());
            event.report.completed(event.metadata, null, Transactions.Outcome.committed);
            return true;
        });
        return ranges;
    }

    /** Aborted on purpose (--abort-every): each event reported as the broker answered it; returns how many. */
    int reportAborted() {
        int count = events.size();
        for (Event event : events) {
            event.report.completed(event.metadata, event.error, event.error == null ? Transactions.Outcome.aborted : null);
        }
        events.clear();
        return count;
    }

    /** Every event fails with {@code reason}: a fatal error, or a stop that left the transaction unfinished. */
    void failAll(String reason) {
        KafkaException error = new KafkaException(reason);
        for (Event event : events) {
            event.report.completed(null, error, null);
        }
        events.clear();
    }

    /**
     * After an abort: an event whose own send failed for good (a record too large, say) would fail again, so it
     * is reported failed; the others stay, to go again. True when none is left.
     */
    boolean keepOnlyThoseToSendAgain() {
        events.removeIf(event -> {
            if (event.error == null || sendAgain(event.error)) {
                return false;
            }
            event.report.completed(null, event.error, null);
            return true;
        });
        return events.isEmpty();
    }

    /**
     * Whether an event that failed is worth sending again: its failure was the transaction's (an abort, the
     * client's error state, a timeout, anything retriable), not the event's own (a record too large, an invalid one).
     */
    static boolean sendAgain(Exception error) {
        return error instanceof RetriableException
                || error instanceof TransactionAbortedException
                || error instanceof InvalidProducerEpochException
                || error instanceof TransactionAbortableException
                || error.getClass() == KafkaException.class; // the client's error state, not the event's
    }
}

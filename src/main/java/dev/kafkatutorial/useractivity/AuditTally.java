package dev.kafkatutorial.useractivity;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts event ids read ({@code <producer run>-<sequence>}, the producer's {@code event-id} header): per producer
 * run, events received, duplicates and per partition out-of-order arrivals. The one definition of "lost" and
 * "duplicated" that {@code consumer --audit}, {@code lab durability} and the fault tests share; it is in the
 * shared core because the consumer and the lab may not import each other.
 *
 * <p>Kafka keeps order only within a partition, so "out of order" is per partition: a new id of a run that
 * arrives after a higher sequence of the same run on the same partition. A re-read (a consumer restarted
 * from an older commit) is a duplicate, not an out-of-order arrival.
 *
 * <p>No "missing" here: a run's sequence numbers are spread over every partition it wrote to, so an id not seen
 * says nothing about a reader that was meant to read only some partitions, or only from some offset on (a
 * member of a group, {@code --last}). What a reader missed is counted in offsets, per partition, by
 * {@link AuditScope}; what the producer had acknowledged and nobody read, by {@link #lost}.
 */
public final class AuditTally {

    /** What one id read means for the tally; a line is printed for the first duplicate of a run. */
    public enum Outcome { NEW, FIRST_DUPLICATE, DUPLICATE, NO_ID }

    /** One producer run's figures, read since the tally began: what {@link #readBefore} replayed is not in them. */
    public record Row(String run, long received, long duplicates, long outOfOrder) {
    }

    private static final class Run {
        final BitSet seen = new BitSet();
        final BitSet seenTwice = new BitSet();
        final Map<Integer, Integer> highestPerPartition = new HashMap<>();
        long received;
        long duplicates;
        long outOfOrder;
    }

    private final Map<String, Run> runs = new LinkedHashMap<>();
    private long withoutId;

    /** Counts one id read from {@code partition}; {@code null} or a foreign id counts as a record without one. */
    public Outcome read(String eventId, int partition) {
        int sequence = sequence(eventId);
        if (sequence < 0) {
            withoutId++;
            return Outcome.NO_ID;
        }
        Run run = runs.computeIfAbsent(run(eventId), r -> new Run());
        run.received++;
        if (run.seen.get(sequence)) {
            run.duplicates++;
            boolean first = run.duplicates == 1;
            run.seenTwice.set(sequence);
            return first ? Outcome.FIRST_DUPLICATE : Outcome.DUPLICATE;
        }
        run.seen.set(sequence);
        int before = run.highestPerPartition.getOrDefault(partition, -1);
        if (sequence < before) {
            run.outOfOrder++;
        } else {
            run.highestPerPartition.put(partition, sequence);
        }
        return Outcome.NEW;
    }

    /**
     * An id read before this tally began (the group's record, replayed): reading it again is a duplicate, but it
     * is no part of this run's figures. Returns whether it was an id.
     */
    public boolean readBefore(String eventId) {
        int sequence = sequence(eventId);
        if (sequence >= 0) {
            runs.computeIfAbsent(run(eventId), r -> new Run()).seen.set(sequence);
        }
        return sequence >= 0;
    }

    /** The figures per producer run read since the tally began, in the order the runs were first seen. */
    public List<Row> rows() {
        return runs.entrySet().stream().filter(e -> e.getValue().received > 0)
                .map(e -> new Row(e.getKey(), e.getValue().received, e.getValue().duplicates, e.getValue().outOfOrder))
                .toList();
    }

    /** Records read without a producer event id (written by another program). */
    public long withoutId() {
        return withoutId;
    }

    /** Whether {@code eventId} has been read at least once. */
    public boolean wasRead(String eventId) {
        int sequence = sequence(eventId);
        Run run = sequence < 0 ? null : runs.get(run(eventId));
        return run != null && run.seen.get(sequence);
    }

    /** Of {@code acknowledged} (the ids a producer reported written), those never read: lost. */
    public long lost(Collection<String> acknowledged) {
        return acknowledged.stream().filter(id -> !wasRead(id)).count();
    }

    /** Ids read more than once (each counted once, however often it was read again). */
    public long idsReadMoreThanOnce() {
        return runs.values().stream().mapToLong(r -> r.seenTwice.cardinality()).sum();
    }

    /** Reads beyond the first of an id: what a restarted consumer read again. */
    public long duplicates() {
        return runs.values().stream().mapToLong(r -> r.duplicates).sum();
    }

    /** Distinct ids read. */
    public long distinct() {
        return runs.values().stream().mapToLong(r -> r.seen.cardinality()).sum();
    }

    /** Every id read counted at once (the tests' convenience); {@code partition} 0 for all. */
    public static AuditTally of(Collection<String> idsRead) {
        AuditTally tally = new AuditTally();
        idsRead.forEach(id -> tally.read(id, 0));
        return tally;
    }

    private static String run(String eventId) {
        return eventId.substring(0, eventId.lastIndexOf('-'));
    }

    /** The sequence number of {@code eventId}, or -1 when it is none of the producer's ids. */
    private static int sequence(String eventId) {
        int dash = eventId == null ? -1 : eventId.lastIndexOf('-');
        try {
            return dash <= 0 ? -1 : Integer.parseInt(eventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

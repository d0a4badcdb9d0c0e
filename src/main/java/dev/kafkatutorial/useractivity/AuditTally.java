package dev.kafkatutorial.useractivity;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts event ids read ({@code <producer run>-<sequence>}, the producer's {@code event-id} header): per producer
 * run, events received, duplicates, sequence numbers not seen (gaps), and per partition out-of-order arrivals.
 * The one definition of "lost" and "duplicated" that {@code consumer --audit}, {@code lab durability} and the
 * fault tests share; it is in the shared core because the consumer and the lab may not import each other.
 *
 * <p>Kafka keeps order only within a partition, so "out of order" is per partition: a new id of a run that
 * arrives after a higher sequence of the same run on the same partition. A re-read (a consumer restarted
 * from an older commit) is a duplicate, not an out-of-order arrival.
 */
public final class AuditTally {

    /** What one id read means for the tally; a line is printed for the first duplicate and first gap of a run. */
    public enum Outcome { NEW, FIRST_DUPLICATE, DUPLICATE, FIRST_GAP, NO_ID }

    /** One producer run's figures; {@code missing} are sequences below the highest seen, not seen so far. */
    public record Row(String run, long received, long duplicates, long missing, long outOfOrder) {
    }

    private static final class Run {
        final BitSet seen = new BitSet();
        final BitSet seenTwice = new BitSet();
        final Map<Integer, Integer> highestPerPartition = new HashMap<>();
        long received;
        long duplicates;
        long outOfOrder;
        int highest = -1;
        boolean gapReported;
    }

    private final Map<String, Run> runs = new LinkedHashMap<>();
    private long withoutId;

    /** Counts one id read from {@code partition}; {@code null} or a foreign id counts as a record without one. */
    public Outcome read(String eventId, int partition) {
        int dash = eventId == null ? -1 : eventId.lastIndexOf('-');
        int sequence;
        try {
            sequence = dash <= 0 ? -1 : Integer.parseInt(eventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            sequence = -1;
        }
        if (sequence < 0) {
            withoutId++;
            return Outcome.NO_ID;
        }
        Run run = runs.computeIfAbsent(eventId.substring(0, dash), r -> new Run());
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
        run.highest = Math.max(run.highest, sequence);
        if (!run.gapReported && missing(run) > 0) {
            run.gapReported = true;
            return Outcome.FIRST_GAP;
        }
        return Outcome.NEW;
    }

    /** The figures per producer run, in the order the runs were first seen. */
    public List<Row> rows() {
        return runs.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue().received, e.getValue().duplicates,
                missing(e.getValue()), e.getValue().outOfOrder)).toList();
    }

    /** Records read without a producer event id (written by another program). */
    public long withoutId() {
        return withoutId;
    }

    /** Sequences of {@code run} below its highest one read, not read so far, as ranges {@code from → to} (inclusive). */
    public Map<Long, Long> gaps(String run) {
        Map<Long, Long> gaps = new TreeMap<>();
        Run r = runs.get(run);
        if (r == null) {
            return gaps;
        }
        for (int from = r.seen.nextClearBit(0); from < r.highest; from = r.seen.nextClearBit(from)) {
            int to = r.seen.nextSetBit(from) - 1;
            gaps.put((long) from, (long) to);
            from = to + 1;
        }
        return gaps;
    }

    /** Whether {@code eventId} has been read at least once. */
    public boolean wasRead(String eventId) {
        int dash = eventId.lastIndexOf('-');
        Run run = runs.get(eventId.substring(0, Math.max(dash, 0)));
        try {
            return run != null && run.seen.get(Integer.parseInt(eventId.substring(dash + 1)));
        } catch (NumberFormatException | IndexOutOfBoundsException notAnId) {
            return false;
        }
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

    /** The runs seen, for a caller that wants to look up their gaps. */
    public Set<String> runIds() {
        return runs.keySet();
    }

    private static long missing(Run run) {
        return run.highest + 1L - run.seen.cardinality();
    }
}

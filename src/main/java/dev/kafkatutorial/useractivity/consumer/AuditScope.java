package dev.kafkatutorial.useractivity.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * What this consumer was meant to read, in offsets, per partition, and what of it was gone before it was read:
 * {@code consumer --audit}'s "missing". A figure that is true for each member of a group on its own: a member
 * answers only for the partitions the group assigned to it, and only from where its reading of each was meant
 * to start.
 *
 * <p>A partition is read in stretches: from an assignment to its revocation (a rebalance may move it to another
 * member and back). A stretch starts at the position the partition was assigned at: the group's committed
 * offset, the next event the group has not read; or, where the user asked for a start ({@code --last},
 * {@code --from-time}, {@code --partition --offset}) or a group without a commit starts
 * ({@code auto.offset.reset}), there. Events before it are not missing: nobody meant to read them.
 *
 * <p>Within a stretch Kafka's consumer returns every record in offset order. An offset it passes without
 * returning a record is a transaction marker, an aborted event ({@code read_committed}), a record reported as
 * skipped, or an event deleted (retention, {@code deleteRecords}) before it was read, after which the consumer's
 * fetch was answered "out of range" and {@code auto.offset.reset} moved it on: a group's commit that was
 * deleted before the group read on from it, or a consumer too slow for retention. Only the last is missing: a
 * gap that starts below the partition's log start, asked right after the batch; all of it, since the reset
 * skipped all of it ({@code latest} skips events that are still there too).
 *
 * <p>The producer's sequence numbers cannot say this: they are spread over every partition, so a member reading
 * one partition, or from {@code --last 2}, would see every other event as a gap.
 */
public final class AuditScope {

    /** Offsets {@code from} to {@code to}, both included. */
    public record Range(long from, long to) {
        long size() {
            return to - from + 1;
        }
    }

    /** One stretch as the summary shows it: started at {@code from}, read up to before {@code next}. */
    public record Stretch(long from, long next, long records) {
    }

    /** One partition's stretches and the ranges in them that were deleted before they were read. */
    public record Partition(TopicPartition partition, List<Stretch> stretches, List<Range> missing) {
    }

    private static final class Reading {
        final long from;
        long next;
        long records;
        boolean open = true;

        Reading(long from) {
            this.from = from;
            this.next = from;
        }
    }

    private record Hole(TopicPartition partition, long from, long next) {
    }

    private final Map<TopicPartition, List<Reading>> readings = new LinkedHashMap<>();
    private final Map<TopicPartition, List<Range>> missing = new LinkedHashMap<>();
    private final List<Hole> unchecked = new ArrayList<>();
    private boolean assignedAny;

    /** {@code partition} assigned at {@code position}: a stretch starts there. */
    public void assigned(TopicPartition partition, long position) {
        assignedAny = true;
        gone(List.of(partition));
        List<Reading> list = readings.computeIfAbsent(partition, p -> new ArrayList<>());
        Reading last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && last.next == position) {
            last.open = true; // given back where this member left off (a rebalance moved nothing): one stretch
        } else {
            list.add(new Reading(position));
        }
    }

    /** Partitions assigned whose start could not be asked: their stretches begin at their first record read. */
    public void assignedWithoutStart() {
        assignedAny = true;
    }

    /** Partitions taken away (revoked or lost, or left at the end): their stretches end where reading got to. */
    public void gone(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            Reading open = open(p);
            if (open != null) {
                open.open = false;
            }
        });
    }

    /**
     * A rebalance gave this member its partitions: stretches taken away before, having read and missed nothing,
     * are forgotten (while a group forms, each member holds partitions for a moment). One held to the end stays.
     */
    public void rebalanced() {
        readings.values().forEach(list -> list.removeIf(r -> !r.open && r.records == 0 && r.next == r.from));
        readings.values().removeIf(List::isEmpty);
    }

    /** A record read (printed, or without an id); an offset before it not yet read is a hole to check. */
    public void read(TopicPartition partition, long offset) {
        Reading reading = open(partition);
        if (reading == null) { // its position could not be asked at assignment: the stretch starts here
            assignedAny = true;
            reading = new Reading(offset);
            readings.computeIfAbsent(partition, p -> new ArrayList<>()).add(reading);
        }
        if (offset > reading.next) {
            unchecked.add(new Hole(partition, reading.next, offset));
        }
        reading.next = Math.max(reading.next, offset + 1);
        reading.records++;
    }

    /** The partitions with offsets passed without a record since the last {@link #checked}: ask their log start. */
    public Set<TopicPartition> toCheck() {
        return unchecked.stream().map(Hole::partition).collect(Collectors.toSet());
    }

    /**
     * The log start of each partition in {@link #toCheck()}, asked just now: offsets passed from below it were
     * skipped by a reset past deleted events. Returns those ranges; a partition without an answer is asked again.
     */
    public List<Map.Entry<TopicPartition, Range>> checked(Map<TopicPartition, Long> logStart) {
        List<Map.Entry<TopicPartition, Range>> found = new ArrayList<>();
        unchecked.removeIf(hole -> {
            Long start = logStart.get(hole.partition());
            if (start == null) {
                return false;
            }
            if (start > hole.from()) {
                Range range = new Range(hole.from(), hole.next() - 1);
                missing.computeIfAbsent(hole.partition(), p -> new ArrayList<>()).add(range);
                found.add(Map.entry(hole.partition(), range));
            }
            return true;
        });
        return found;
    }

    /** Offsets passed without a record whose log start could not be asked: neither counted missing nor not. */
    public long unchecked() {
        return unchecked.stream().mapToLong(hole -> hole.next() - hole.from()).sum();
    }

    /** Whether any partition was assigned to this consumer in this run. */
    public boolean assignedAny() {
        return assignedAny;
    }

    /** Offsets this consumer was meant to read that were deleted before it read them. */
    public long missing() {
        return missing.values().stream().flatMap(List::stream).mapToLong(Range::size).sum();
    }

    /** Every partition read, in the order first assigned, with its stretches and missing ranges. */
    public List<Partition> partitions() {
        return readings.entrySet().stream().map(e -> new Partition(e.getKey(),
                e.getValue().stream().map(r -> new Stretch(r.from, r.next, r.records)).toList(),
                List.copyOf(missing.getOrDefault(e.getKey(), List.of())))).toList();
    }

    private Reading open(TopicPartition partition) {
        List<Reading> list = readings.get(partition);
        Reading last = list == null ? null : list.get(list.size() - 1);
        return last != null && last.open ? last : null;
    }

}

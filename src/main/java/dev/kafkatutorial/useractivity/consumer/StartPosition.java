package dev.kafkatutorial.useractivity.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a read starts: {@code --partition P --offset ...} for one partition, {@code --last} and {@code --from-time}
 * for the partitions a group assigns, moved into what each partition holds when the offset asked for is not there.
 *
 * <p>A partition holds offsets from its log start (older records are deleted by retention) up to its end (the
 * next offset to be written). A fetch outside that range is answered "out of range", and the consumer then
 * applies {@code auto.offset.reset}: with the tutorial's {@code earliest} an offset past the end would silently
 * replay the whole partition. So the range is asked for first: past the end, wait at the end for new events
 * (as {@code kafka-console-consumer} does); before the log start, start at the log start.
 *
 * <p>The partitions are asked about together: one ListOffsets request for all of them, not one each.
 */
public sealed interface StartPosition {

    /**
     * Seeks each of {@code partitions}, assigned to {@code consumer}, to this position. Returns the partitions that
     * do not start where they were asked to, and why; the others are not in the map.
     */
    Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Duration wait);

    /** The option as the user gave it, for --explain: {@code --last 3}. */
    String option();

    /** A partition that does not start where it was asked to: {@code asked} (an offset, or a time), and where it starts. */
    record Moved(Why why, long asked, long to) {
        /** Past the end: waits there; before the log start: starts there; a time before the first event left: the log start. */
        public enum Why { PAST_END, BEFORE_LOG_START, TIME_BEFORE_LOG_START }
    }

    /**
     * {@code --offset}: {@code null} (the group's committed position), {@code earliest}, {@code latest}, a number,
     * or {@code -N} for the last N events.
     */
    static StartPosition of(String offset) {
        if (offset == null) {
            return new Committed();
        }
        return switch (offset) {
            case "earliest" -> new Earliest();
            case "latest" -> new Latest();
            default -> Long.parseLong(offset) < 0 ? new Last(-Long.parseLong(offset)) : new At(Long.parseLong(offset));
        };
    }

    /** Where the group left off, else {@code auto.offset.reset}: nothing to do before the first poll. */
    record Committed() implements StartPosition {
        @Override
        public Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                               Duration wait) {
            return Map.of();
        }

        @Override
        public String option() {
            return "";
        }
    }

    /** The oldest record the partition still holds. */
    record Earliest() implements StartPosition {
        @Override
        public Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                               Duration wait) {
            consumer.seekToBeginning(partitions);
            return Map.of();
        }

        @Override
        public String option() {
            return "--offset earliest";
        }
    }

    /** Only records written from now on. */
    record Latest() implements StartPosition {
        @Override
        public Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                               Duration wait) {
            consumer.seekToEnd(partitions);
            return Map.of();
        }

        @Override
        public String option() {
            return "--offset latest";
        }
    }

    /**
     * {@code --last N} / {@code --offset -N}: the last N offsets before the end (kcat's {@code -o -N}), never before
     * the log start. Offsets, not events: a transaction marker takes an offset too, so a transactional topic may
     * show fewer than N events.
     */
    record Last(long n) implements StartPosition {
        @Override
        public Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                               Duration wait) {
            Ranges ranges = Ranges.of(consumer, partitions, wait);
            partitions.forEach(tp -> consumer.seek(tp, Math.max(ranges.start(tp), ranges.end(tp) - n)));
            return Map.of();
        }

        @Override
        public String option() {
            return "--last " + n;
        }
    }

    /**
     * {@code --from-time}: the first offset whose timestamp is at or after {@code epochMillis}
     * ({@code offsetsForTimes}, which the broker answers from each segment's time index); none that late: the end.
     * When that first offset is the log start and its event is later than the time, the time is before anything
     * the partition still holds: it is read from its log start, and the caller says so.
     */
    record FromTime(long epochMillis) implements StartPosition {
        @Override
        public Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                               Duration wait) {
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> epochMillis)), wait);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, wait);
            Map<TopicPartition, Moved> moved = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp first = found.get(tp);
                if (first == null) {
                    consumer.seekToEnd(java.util.List.of(tp));
                    continue;
                }
                consumer.seek(tp, first.offset());
                Long start = starts.get(tp);
                if (start != null && first.offset() == start && first.timestamp() > epochMillis) {
                    moved.put(tp, new Moved(Moved.Why.TIME_BEFORE_LOG_START, epochMillis, start));
                }
            }
            return moved;
        }

        @Override
        public String option() {
            return "--from-time " + Instant.ofEpochMilli(epochMillis);
        }
    }

    /** A given offset, kept within the partition's range. */
    record At(long offset) implements StartPosition {
        @Override
        public Map<TopicPartition, Moved> seek(Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                                               Duration wait) {
            Ranges ranges = Ranges.of(consumer, partitions, wait);
            Map<TopicPartition, Moved> moved = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long to = Math.min(Math.max(offset, ranges.start(tp)), ranges.end(tp));
                consumer.seek(tp, to);
                if (to != offset) {
                    moved.put(tp, new Moved(offset > to ? Moved.Why.PAST_END : Moved.Why.BEFORE_LOG_START, offset, to));
                }
            }
            return moved;
        }

        @Override
        public String option() {
            return "--offset " + offset;
        }
    }

    /**
     * The partitions' offsets now: each one's log start (older ones were deleted) and end (the next to be
     * written). The end is asked for last: the consumer takes any ListOffsets answer about an assigned partition
     * for its end (see {@link Lag}), and only this one is.
     */
    record Ranges(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        static Ranges of(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Duration wait) {
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, wait);
            return new Ranges(starts, consumer.endOffsets(partitions, wait));
        }

        long start(TopicPartition tp) {
            return starts.get(tp);
        }

        long end(TopicPartition tp) {
            return ends.get(tp);
        }
    }
}

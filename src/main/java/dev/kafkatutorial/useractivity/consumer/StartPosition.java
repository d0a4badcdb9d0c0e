package dev.kafkatutorial.useractivity.consumer;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a read of one partition starts ({@code --partition P --offset ...}), moved into what the partition
 * holds, with a word, when the offset asked for is not there.
 *
 * <p>A partition holds offsets from its log start (older records are deleted by retention) up to its end (the
 * next offset to be written). A fetch outside that range is answered "out of range", and the consumer then
 * applies {@code auto.offset.reset}: with the tutorial's {@code earliest} an offset past the end would silently
 * replay the whole partition. So the range is asked for first: past the end, wait at the end for new events
 * (as {@code kafka-console-consumer} does); before the log start, start at the log start.
 */
public sealed interface StartPosition {

    /**
     * Seeks {@code consumer}, already assigned {@code partition}, to this position. Returns the line that tells
     * the user the position was moved, or {@code null}.
     */
    String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines);

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
        public String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines) {
            return null;
        }
    }

    /** The oldest record the partition still holds. */
    record Earliest() implements StartPosition {
        @Override
        public String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines) {
            consumer.seekToBeginning(List.of(partition));
            return null;
        }
    }

    /** Only records written from now on. */
    record Latest() implements StartPosition {
        @Override
        public String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines) {
            consumer.seekToEnd(List.of(partition));
            return null;
        }
    }

    /**
     * {@code --last N} / {@code --offset -N}: the last N offsets before the end (kcat's {@code -o -N}), never before
     * the log start. Offsets, not events: a transaction marker takes an offset too, so a transactional topic may
     * show fewer than N events.
     */
    record Last(long n) implements StartPosition {
        @Override
        public String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines) {
            Range range = Range.of(consumer, partition, wait);
            consumer.seek(partition, Math.max(range.start(), range.end() - n));
            return null;
        }
    }

    /**
     * {@code --from-time}: the first offset whose timestamp is at or after {@code epochMillis}
     * ({@code offsetsForTimes}, which the broker answers from each segment's time index); none that late: the end.
     */
    record FromTime(long epochMillis) implements StartPosition {
        @Override
        public String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines) {
            var found = consumer.offsetsForTimes(java.util.Map.of(partition, epochMillis), wait).get(partition);
            if (found == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, found.offset());
            }
            return null;
        }
    }

    /** A given offset, kept within the partition's range. */
    record At(long offset) implements StartPosition {
        @Override
        public String seek(Consumer<?, ?> consumer, TopicPartition partition, Duration wait, ConsumerLines lines) {
            Range range = Range.of(consumer, partition, wait);
            if (offset > range.end()) {
                consumer.seek(partition, range.end());
                return lines.offsetPastEnd(partition.partition(), offset, range.end());
            }
            if (offset < range.start()) {
                consumer.seek(partition, range.start());
                return lines.offsetBeforeStart(partition.partition(), offset, range.start());
            }
            consumer.seek(partition, offset);
            return null;
        }
    }

    /** The partition's offsets now: its log start (older ones were deleted) and its end (the next to be written). */
    record Range(long start, long end) {
        static Range of(Consumer<?, ?> consumer, TopicPartition partition, Duration wait) {
            return new Range(consumer.beginningOffsets(List.of(partition), wait).get(partition),
                    consumer.endOffsets(List.of(partition), wait).get(partition));
        }
    }
}

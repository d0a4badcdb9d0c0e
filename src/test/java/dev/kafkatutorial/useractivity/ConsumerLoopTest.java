package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.consumer.ConsumerLines;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The poll loop's own logic against Kafka's MockConsumer, in milliseconds and without a broker. Each test
 * scripts what the polls return (schedulePollTask runs at the start of the next poll, on the loop's thread).
 */
class ConsumerLoopTest {

    private static final String TOPIC = "t";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** The committed offset when the program closed its consumer (a closed MockConsumer answers nothing). */
    private volatile long committedAtClose = -1;
    /** Thrown by the next commitSync, once. */
    private volatile KafkaException nextCommitFails;
    private final MockConsumer<String, UserActivity> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Duration timeout) {
            KafkaException failure = nextCommitFails;
            if (failure != null) {
                nextCommitFails = null;
                throw failure;
            }
            super.commitSync(timeout);
        }

        @Override
        public synchronized void close(Duration timeout) {
            committedAtClose = ConsumerLoopTest.committed(this);
            super.close(timeout);
        }

        @Override
        public void close(CloseOptions options) {
            committedAtClose = ConsumerLoopTest.committed(this);
            super.close(options);
        }

        @Override
        public void close() {
            committedAtClose = ConsumerLoopTest.committed(this);
            super.close();
        }
    };

    ConsumerLoopTest() {
        Node node = new Node(0, "localhost", 1);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 0L));
    }

    private UserActivityConsumer program(String... args) {
        ConsumerOptions options = new ConsumerOptions();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--bootstrap-server", "localhost:1", "--topic", TOPIC}, 0, all, args.length, 4);
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(all);
        return new UserActivityConsumer(consumer, options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The group gives this consumer partition 0 (the first poll of a subscribed consumer). */
    private void assignOnFirstPoll(long... offsets) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            for (long offset : offsets) {
                consumer.addRecord(record(offset));
            }
        });
    }

    /** Two polls of two records each, 0-1 then 2-3; returns what was committed when the second poll began. */
    private AtomicLong twoBatches() {
        AtomicLong committedAfterFirstBatch = new AtomicLong(-1);
        assignOnFirstPoll(0, 1);
        consumer.schedulePollTask(() -> {
            committedAfterFirstBatch.set(committed());
            consumer.addRecord(record(2));
            consumer.addRecord(record(3));
        });
        return committedAfterFirstBatch;
    }

    @Test
    void aPoisonPillIsReportedAndSeekedPast() {
        UserActivityConsumer program = program("--partition", "0", "--offset", "0", "--max-messages", "2");
        AtomicLong positionAfterPill = new AtomicLong(-1);
        // Poll 1: the record at offset 0 cannot be deserialized; the consumer's position stays on it.
        consumer.schedulePollTask(() -> consumer.setPollException(new RecordDeserializationException(
                RecordDeserializationException.DeserializationExceptionOrigin.VALUE, P0, 0, 0L,
                TimestampType.CREATE_TIME, null, ByteBuffer.wrap("not json".getBytes(StandardCharsets.UTF_8)),
                new RecordHeaders(), "bad value", new IllegalArgumentException("Unrecognized token 'not'"))));
        // Poll 2: the loop has moved past it; two valid records follow.
        consumer.schedulePollTask(() -> {
            positionAfterPill.set(consumer.position(P0));
            consumer.addRecord(record(1));
            consumer.addRecord(record(2));
        });

        assertThat(program.run()).isZero();
        assertThat(positionAfterPill).as("seek(offset + 1): the pill cannot block the partition").hasValue(1);
        assertThat(err()).contains("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 0): ", "\"not json\"",
                "컨슈머 종료 - 처리한 메시지: 2, 건너뛴 메시지: 1");
        assertThat(out()).contains("(파티션: 0, 오프셋: 1)", "(파티션: 0, 오프셋: 2)").doesNotContain("오프셋: 0)");
    }

    @Test
    void maxMessagesCommitsExactlyWhatWasPrinted() {
        UserActivityConsumer program = program("--group", "g", "--manual-commit", "--max-messages", "3");
        assignOnFirstPoll(0, 1, 2, 3, 4); // one batch of five; the program stops inside it

        assertThat(program.run()).isZero();
        assertThat(out().lines().filter(l -> l.startsWith("======="))).hasSize(3);
        assertThat(committedAtClose).as("the next record to read is the first not printed").isEqualTo(3);
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void manualCommitCommitsAfterEachPrintedBatch() {
        UserActivityConsumer program = program("--group", "g", "--manual-commit", "--max-messages", "4");
        AtomicLong committedAfterFirstBatch = twoBatches();

        assertThat(program.run()).isZero();
        assertThat(committedAfterFirstBatch).hasValue(2);
        assertThat(committedAtClose).isEqualTo(4);
    }

    @Test
    void stopLeavesAtOnceAndCommitsWhatWasPrinted() {
        UserActivityConsumer program = program("--group", "g", "--manual-commit");
        assignOnFirstPoll(0, 1);
        consumer.schedulePollTask(program::stop); // Ctrl+C while waiting in poll: wakeup() ends that poll

        assertThat(program.run()).isZero();
        assertThat(committedAtClose).isEqualTo(2);
        assertThat(consumer.closed()).isTrue();
        assertThat(err()).contains("컨슈머 종료 - 처리한 메시지: 2, 건너뛴 메시지: 0").doesNotContain("\tat ");
    }

    @Test
    void eachRecordIsPrintedAsTheTutorialPrintsIt() {
        UserActivityConsumer program = program("--group", "g", "--max-messages", "2");
        assignOnFirstPoll(0, 1);

        assertThat(program.run()).isZero();
        ConsumerLines tutorial = new ConsumerLines(Language.ko);
        assertThat(out()).isEqualTo(tutorial.received(0, 0, record(0).value()) + "\n"
                + tutorial.received(0, 1, record(1).value()) + "\n");
        assertThat(err()).contains("컨슈머 종료 - 처리한 메시지: 2, 건너뛴 메시지: 0");
    }

    @Test
    void aNullValueIsSkippedWithALineAndCommittedPast() {
        UserActivityConsumer program = program("--group", "g", "--manual-commit");
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.addRecord(record(0));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1L, null, null)); // a tombstone, say: last of its batch
        });
        consumer.schedulePollTask(program::stop);

        assertThat(program.run()).isZero();
        assertThat(out().lines().filter(l -> l.startsWith("======="))).hasSize(1);
        assertThat(err()).contains("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 1): 값이 없습니다 (null) | 값: null",
                "컨슈머 종료 - 처리한 메시지: 1, 건너뛴 메시지: 1");
        assertThat(committedAtClose).as("the null counts as read: the group does not meet it again").isEqualTo(2);
    }

    @Test
    void aCommitDuringARebalanceIsRetriedByTheNextOne() {
        // commitSync's javadoc: RebalanceInProgressException while a cooperative rebalance is under way (poll()
        // still returns records meanwhile). Like a CommitFailedException, not the end of the run.
        UserActivityConsumer program = program("--group", "g", "--manual-commit", "--max-messages", "4");
        nextCommitFails = new RebalanceInProgressException("the group is rebalancing");
        AtomicLong committedAfterFirstBatch = twoBatches();

        assertThat(program.run()).isZero();
        assertThat(committedAfterFirstBatch).as("the first batch's commit failed").hasValue(-1);
        assertThat(committedAtClose).as("the next commit covers both batches").isEqualTo(4);
        assertThat(out().lines().filter(l -> l.startsWith("======="))).hasSize(4);
        assertThat(err()).contains("컨슈머 종료 - 처리한 메시지: 4, 건너뛴 메시지: 0").doesNotContain("\tat ");
    }

    @Test
    void aFailingRebalanceListenerEndsTheRunWithOneLine() {
        // --last asks the broker for the partition's offsets inside the rebalance listener: no answer there must
        // not escape as Kafka's ERROR stack trace ("User rebalance callback throws an error"), nor read anything
        // from where the partition was not meant to start.
        UserActivityConsumer program = program("--last", "3");
        consumer.setOffsetsException(new org.apache.kafka.common.errors.TimeoutException("no answer"));
        assignOnFirstPoll(0, 1, 2);

        assertThat(program.run()).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("할당된 파티션(0)을 준비하지 못했습니다: 브로커가 10초 동안 응답하지 않음")
                .doesNotContain("\tat ", "Exception");
        assertThat(consumer.closed()).isTrue();
    }

    private long committed() {
        return committed(consumer);
    }

    private static long committed(MockConsumer<String, UserActivity> consumer) {
        OffsetAndMetadata committed = consumer.committed(Set.of(P0)).get(P0);
        return committed == null ? -1 : committed.offset();
    }

    private static ConsumerRecord<String, UserActivity> record(long offset) {
        UserActivity event = UserActivity.of(100 + offset, Action.LOGIN, 1646092800.0 + offset, null);
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0, null, event,
                new RecordHeaders(), Optional.empty());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

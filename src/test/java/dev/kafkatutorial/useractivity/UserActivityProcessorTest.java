package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.processor.ProcessedActivity;
import dev.kafkatutorial.useractivity.processor.ProcessorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The processor's loop on Kafka's mock clients: one transaction per poll, offsets inside it, aborts, fencing. */
class UserActivityProcessorTest {

    private static final String TOPIC = "user_activity";
    private static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);

    private final MockConsumer<String, UserActivity> consumer = new MockConsumer<>("earliest");
    private final TimingOutProducer producer = new TimingOutProducer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ProcessorOptions options = new ProcessorOptions();
    private UserActivityProcessor processor;

    UserActivityProcessorTest() {
        new CommandLine(options).parseArgs();
        processor = new UserActivityProcessor(consumer, producer, options,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(TP0, 0L));
    }

    @Test
    void eachPollIsOneTransactionWithItsOutputAndTheNextInputOffsets() {
        firstPoll(3);
        consumer.schedulePollTask(processor::stop);

        assertThat(processor.run()).isZero();

        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(1);
        List<ProducerRecord<String, ProcessedActivity>> written = producer.history();
        assertThat(written).hasSize(3);
        ProducerRecord<String, ProcessedActivity> first = written.get(0);
        assertThat(first.topic()).isEqualTo("user_activity_messages");
        assertThat(first.key()).isEqualTo("100");
        assertThat(first.value().message()).isEqualTo("🟢 사용자 100가 로그인했습니다.");
        assertThat(new String(first.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8)).isEqualTo("run-0");
        // Committed in the transaction: the position is the next offset to read (the mock's group is a dummy).
        assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values())
                .containsExactly(Map.of(TP0, new OffsetAndMetadata(3)));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("트랜잭션 커밋 - 이벤트 3개: user_activity 오프셋 0-2 → user_activity_messages\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("프로세서 종료 - 처리한 메시지: 3, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 0, 건너뛴 메시지: 0");
        assertThat(consumer.closed()).isTrue();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void anAbortedTransactionIsReadAgainFromItsFirstOffset() {
        producer.commitTransactionException = new CommitFailedException(); // the group rebalanced, say
        readAgainAfterAFailure(() -> producer.commitTransactionException = null);

        assertThat(processor.run()).isZero();

        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).as("only the committed transaction's output").hasSize(2);
        assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("트랜잭션 중단 - 이벤트 2개를 다시 처리합니다: ")
                .contains("프로세서 종료 - 처리한 메시지: 2, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 1, 건너뛴 메시지: 0");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // broken, it would loop for ever
    void failingAgainAndAgainEndsTheRunInsteadOfLoopingForEver() {
        producer.commitTransactionException = new KafkaException("no luck");
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(TP0)));
        for (int i = 0; i < 10; i++) {
            consumer.schedulePollTask(() -> addRecords(0, 1));
        }

        assertThat(processor.run()).isEqualTo(1);

        assertThat(producer.history()).isEmpty();
        String lines = err.toString(StandardCharsets.UTF_8);
        assertThat(lines.lines().filter(l -> l.startsWith("트랜잭션 중단"))).hasSize(5);
        assertThat(lines).contains("트랜잭션 실패 - no luck").doesNotContain("\tat ");
    }

    @Test
    void aFencedProcessorEndsWithOneLine() {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP0));
            addRecords(0, 2);
            producer.fenceProducer(); // a second processor with our transactional.id called initTransactions()
        });

        assertThat(processor.run()).isEqualTo(1);

        assertThat(producer.history()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("펜싱됨: 같은 transactional.id(user_activity_processor-user_activity)로 다른 프로듀서가 시작해")
                .doesNotContain("\tat ");
    }

    @Test
    void aNullValueIsSkippedWithALineAndCommittedPastWithTheBatch() {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP0));
            addRecords(0, 1);
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1L, null, null)); // a tombstone, say
            addRecords(2, 1);
        });
        consumer.schedulePollTask(processor::stop);

        assertThat(processor.run()).isZero();

        assertThat(producer.history()).as("an output for each event, none for the null").hasSize(2);
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values())
                .containsExactly(Map.of(TP0, new OffsetAndMetadata(3)));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 1): 값이 없습니다 (null) | 값: null")
                .contains("프로세서 종료 - 처리한 메시지: 2, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 0, 건너뛴 메시지: 1");
    }

    @Test
    void aPoisonPillIsSkippedAndTheNextTransactionCommitsPastIt() {
        AtomicLong positionAfterPill = new AtomicLong(-1);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP0));
            consumer.setPollException(new RecordDeserializationException(
                    RecordDeserializationException.DeserializationExceptionOrigin.VALUE, TP0, 0, 0L,
                    TimestampType.CREATE_TIME, null, ByteBuffer.wrap("not json".getBytes(StandardCharsets.UTF_8)),
                    new RecordHeaders(), "bad value", new IllegalArgumentException("Unrecognized token 'not'")));
        });
        consumer.schedulePollTask(() -> {
            positionAfterPill.set(consumer.position(TP0));
            addRecords(1, 2);
        });
        consumer.schedulePollTask(processor::stop);

        assertThat(processor.run()).isZero();

        assertThat(positionAfterPill).as("seek(offset + 1): the pill cannot block the partition").hasValue(1);
        assertThat(producer.history()).hasSize(2);
        assertThat(producer.consumerGroupOffsetsHistory().get(0).values())
                .containsExactly(Map.of(TP0, new OffsetAndMetadata(3)));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 0): ", "(8 bytes)")
                .contains("프로세서 종료 - 처리한 메시지: 2, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 0, 건너뛴 메시지: 1");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCommitThatTimesOutIsTriedAgainNeverAborted() {
        producer.commitTimeouts = 2; // the broker away for two max.block.ms
        firstPoll(3);
        consumer.schedulePollTask(processor::stop);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.calls).containsExactly("commitTransaction", "commitTransaction", "commitTransaction");
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
        assertThat(err().lines().filter(l -> l.startsWith("브로커 연결 끊김: "))).as("one line when it goes").hasSize(1);
        assertThat(err().lines().filter(l -> l.startsWith("브로커 다시 연결됨: "))).as("one when it is back").hasSize(1);
        assertThat(err()).contains("프로세서 종료 - 처리한 메시지: 3, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 0, 건너뛴 메시지: 0")
                .doesNotContain("트랜잭션 중단", "트랜잭션 실패");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAbortThatTimesOutIsTriedAgainAndTheRunGoesOn() {
        producer.sendOffsetsToTransactionException = new CommitFailedException(); // the group rebalanced, say
        producer.abortTimeouts = 2; // then the broker went away
        readAgainAfterAFailure(() -> producer.sendOffsetsToTransactionException = null);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.calls).containsExactly("abortTransaction", "abortTransaction", "abortTransaction",
                "commitTransaction");
        assertThat(producer.history()).as("only the committed transaction's output").hasSize(2);
        assertThat(err()).contains("프로세서 종료 - 처리한 메시지: 2, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 1, 건너뛴 메시지: 0")
                .doesNotContain("create_topic", "토픽을 만드세요", "트랜잭션 실패");
    }

    @Test
    void offsetsThatTimeOutAreAnOutageOneLineEachWay() {
        // Seen on a real broker stopped for 12 s: the first call to wait for it was sendOffsetsToTransaction().
        producer.sendOffsetsToTransactionException = new org.apache.kafka.common.errors.TimeoutException(
                "Timeout expired after 10000ms while awaiting TxnOffsetCommitHandler");
        readAgainAfterAFailure(() -> producer.sendOffsetsToTransactionException = null);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.calls).containsExactly("abortTransaction", "commitTransaction");
        assertThat(err().lines().filter(l -> l.startsWith("브로커 연결 끊김: "))).hasSize(1);
        assertThat(err().lines().filter(l -> l.startsWith("브로커 다시 연결됨: "))).hasSize(1);
    }

    @Test
    void anAbortableErrorIsAbortedAndTheBatchReadAgain() {
        producer.sendOffsetsToTransactionException = new TransactionAbortableException("the broker said abort");
        readAgainAfterAFailure(() -> producer.sendOffsetsToTransactionException = null);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.calls).containsExactly("abortTransaction", "commitTransaction");
        assertThat(producer.history()).hasSize(2);
        assertThat(err()).contains("트랜잭션 중단 - 이벤트 2개를 다시 처리합니다: the broker said abort")
                .contains("커밋한 트랜잭션: 1, 중단한 트랜잭션: 1");
    }

    @Test
    void anInvalidProducerEpochIsAbortedNotFenced() {
        // What the broker answers once it has aborted a transaction open longer than transaction.timeout.ms (KIP-588).
        producer.commitTransactionException = new InvalidProducerEpochException("attempted to produce with an old epoch");
        readAgainAfterAFailure(() -> producer.commitTransactionException = null);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(err()).contains("트랜잭션 중단 - 이벤트 2개를 다시 처리합니다: ").doesNotContain("펜싱됨");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStopDuringACommitTriesTheCommitAgainAndEndsWithTheSummary() {
        producer.commitTimeouts = 1;
        producer.onCommit = processor::stop; // Ctrl+C while the commit waits for the broker
        firstPoll(3);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.calls).containsExactly("commitTransaction", "commitTransaction");
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(err()).contains("프로세서 종료 - 처리한 메시지: 3, 커밋한 트랜잭션: 1, 중단한 트랜잭션: 0");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // broken, it would wait for ever
    void aStopWhileTheBrokerStaysAwayEndsWithinItsBoundWithALineAndTheSummary() {
        processor = new UserActivityProcessor(consumer, producer, options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofMillis(300));
        producer.commitTimeouts = Integer.MAX_VALUE; // the broker never comes back
        producer.onCommit = processor::stop;
        firstPoll(3);

        assertThat(processor.run()).isEqualTo(1);

        assertThat(producer.calls).as("tried again, never aborted").hasSizeGreaterThan(1).containsOnly("commitTransaction");
        assertThat(err()).contains("브로커 연결 끊김: ", "브로커가 응답하지 않는 중에 중지되었습니다",
                "프로세서 종료 - 처리한 메시지: 0, 커밋한 트랜잭션: 0, 중단한 트랜잭션: 0");
        assertThat(producer.closed()).isTrue();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void aClashOfGroupInstanceIdsIsNotCalledATransactionalIdClash() {
        producer.sendOffsetsToTransactionException = new FencedInstanceIdException("fenced by another member");
        firstPoll(2);

        assertThat(processor.run()).isEqualTo(1);

        assertThat(producer.calls).as("aborted first").containsExactly("abortTransaction");
        assertThat(err()).contains("group.instance.id").doesNotContain("펜싱됨: 같은 transactional.id", "\tat ");
    }

    @Test
    void theCommittedPositionIsTheConsumersWithTheLastRecordsLeaderEpoch() {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP0));
            addRecords(0, 3, 7);
        });
        // A commit marker after offset 2 (read_committed never returns it): the position moves past it, no record.
        consumer.schedulePollTask(() -> consumer.seek(TP0, 4));
        consumer.schedulePollTask(processor::stop);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.consumerGroupOffsetsHistory()).extracting(offsets -> offsets.values().iterator().next())
                .containsExactly(Map.of(TP0, new OffsetAndMetadata(3, Optional.of(7), "")),
                        Map.of(TP0, new OffsetAndMetadata(4, Optional.of(7), "")));
        assertThat(producer.history()).as("the marker's transaction has no output").hasSize(3);
    }

    @Test
    void aMalformedLastRecordIsCommittedPastAndReportedOnce() {
        firstPoll(2);
        consumer.schedulePollTask(() -> consumer.setPollException(new RecordDeserializationException(
                RecordDeserializationException.DeserializationExceptionOrigin.VALUE, TP0, 2, 0L,
                TimestampType.CREATE_TIME, null, ByteBuffer.wrap("not json".getBytes(StandardCharsets.UTF_8)),
                new RecordHeaders(), "bad value", new IllegalArgumentException("Unrecognized token 'not'"))));
        consumer.schedulePollTask(() -> { }); // nothing after it
        consumer.schedulePollTask(processor::stop);

        assertThat(processor.run()).as(err()).isZero();

        assertThat(producer.consumerGroupOffsetsHistory()).extracting(offsets -> offsets.values().iterator().next())
                .containsExactly(Map.of(TP0, new OffsetAndMetadata(2)), Map.of(TP0, new OffsetAndMetadata(3)));
        assertThat(err().lines().filter(l -> l.startsWith("잘못된 메시지를 건너뜁니다"))).hasSize(1);
        assertThat(err()).contains("건너뛴 메시지: 1");
    }

    /** The first poll: TP0 assigned, {@code records} events from offset 0. */
    private void firstPoll(int records) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP0));
            addRecords(0, records);
        });
    }

    /**
     * Two events whose transaction fails, then {@code repair}, the same two read again from where they were (the
     * mock hands records out once; the broker would send them again), then a stop.
     */
    private void readAgainAfterAFailure(Runnable repair) {
        firstPoll(2);
        consumer.schedulePollTask(() -> {
            assertThat(consumer.position(TP0)).as("rewound to the aborted batch's start").isZero();
            repair.run();
            addRecords(0, 2);
        });
        consumer.schedulePollTask(processor::stop);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void addRecords(long from, int count) {
        addRecords(from, count, null);
    }

    /**
     * Kafka's MockProducer, whose commit and abort can time out as KafkaProducer's do while the broker is away, and
     * which holds the application to KafkaProducer's rule for it: after a timed-out commitTransaction() or
     * abortTransaction() only the same call may follow; anything else is refused with an IllegalStateException (as
     * Kafka's TransactionManager does).
     */
    static final class TimingOutProducer extends MockProducer<String, ProcessedActivity> {
        final List<String> calls = new ArrayList<>();
        int commitTimeouts;
        int abortTimeouts;
        Runnable onCommit = () -> { };
        private String mustBeRetried;

        TimingOutProducer() {
            super(true, null, new StringSerializer(), new JsonSerializer<>());
        }

        @Override
        public void commitTransaction() {
            onCommit.run();
            end("commitTransaction", commitTimeouts-- > 0, "EndTxn(true)", super::commitTransaction);
        }

        @Override
        public void abortTransaction() {
            end("abortTransaction", abortTimeouts-- > 0, "EndTxn(false)", super::abortTransaction);
        }

        private void end(String call, boolean timesOut, String request, Runnable done) {
            calls.add(call);
            if (mustBeRetried != null && !mustBeRetried.equals(call)) {
                throw new IllegalStateException("Cannot attempt operation `" + call + "` because the previous call to `"
                        + mustBeRetried + "` timed out and must be retried");
            }
            if (timesOut) {
                mustBeRetried = call;
                throw new org.apache.kafka.common.errors.TimeoutException(
                        "Timeout expired after 10000ms while awaiting " + request);
            }
            mustBeRetried = null;
            done.run();
        }
    }

    private void addRecords(long from, int count, Integer leaderEpoch) {
        for (long offset = from; offset < from + count; offset++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("event-id", ("run-" + offset).getBytes(StandardCharsets.UTF_8));
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0,
                    null, UserActivity.of(100 + offset, Action.LOGIN, 1646092800.0, null), headers,
                    Optional.ofNullable(leaderEpoch)));
        }
    }
}

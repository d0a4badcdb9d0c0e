package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The transactional send loop ({@code --transactional-id}) against Kafka's MockProducer, told to fail the way
 * the KafkaProducer javadoc says a real one can: a commit that times out is retried (never followed by an
 * abort), any other non-fatal error aborts the transaction and its events go again in the next one,
 * {@code InvalidProducerEpochException} is such an error (KIP-588), not a fencing, and a stop during a commit
 * lets the commit finish within the stop's grace. Each event is reported once, and every run ends with its
 * summary.
 */
class TransactionalProducerLoopTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ScriptedProducer producer = new ScriptedProducer();

    /** A MockProducer (sends complete at once) whose commits fail, block or throw as the test scripts them. */
    static final class ScriptedProducer extends MockProducer<String, UserActivity> {
        final Deque<RuntimeException> commitFailures = new ArrayDeque<>();
        final AtomicInteger sends = new AtomicInteger();
        volatile int failingSend = -1; // the send (from 0) that throws sendFailure
        volatile RuntimeException sendFailure;
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger aborts = new AtomicInteger();
        volatile Duration commitTakes = Duration.ZERO; // how long each commit waits, as for a broker away
        volatile Duration abortTakes = Duration.ZERO;
        final CountDownLatch inCommit = new CountDownLatch(1);
        final CountDownLatch inAbort = new CountDownLatch(1);

        ScriptedProducer() {
            super(true, null, new StringSerializer(), new JsonSerializer<>());
        }

        @Override
        public void commitTransaction() {
            commits.incrementAndGet();
            inCommit.countDown();
            waitFor(commitTakes);
            RuntimeException failure = commitFailures.poll();
            if (failure != null) {
                throw failure;
            }
            super.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            aborts.incrementAndGet();
            inAbort.countDown();
            waitFor(abortTakes);
            super.abortTransaction();
        }

        private static void waitFor(Duration broker) {
            if (!broker.isZero()) {
                try {
                    Thread.sleep(broker.toMillis());
                } catch (InterruptedException e) {
                    throw new InterruptException(e); // as KafkaProducer's await does
                }
            }
        }

        @Override
        public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                ProducerRecord<String, UserActivity> record, org.apache.kafka.clients.producer.Callback callback) {
            if (sends.getAndIncrement() == failingSend) {
                throw sendFailure;
            }
            return super.send(record, callback);
        }
    }

    private UserActivityProducer program(String... args) {
        return ProducerLoopTest.program(producer, ProducerLoopTest.utf8(out), ProducerLoopTest.utf8(err), args);
    }

    private int runToEnd(String... args) throws Exception {
        UserActivityProducer program = program(args);
        try {
            return CompletableFuture.supplyAsync(program::run).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            program.stop(); // a run that hangs must not outlive the test
        }
    }

    @Test
    void aCommitThatTimedOutIsRetriedAndNeverFollowedByAnAbort() throws Exception {
        producer.commitFailures.add(new TimeoutException("Timeout expired after 10000ms while awaiting EndTxn(true)"));

        int exit = runToEnd("--transactional-id", "tx", "--transaction-size", "2", "--interval", "0",
                "--max-messages", "4", "--output", "json");

        assertThat(exit).as(err()).isZero();
        assertThat(producer.aborts).as("abortTransaction() after a timed-out commit is forbidden").hasValue(0);
        assertThat(producer.commits).as("the timed-out commit, its retry, the second transaction").hasValue(3);
        assertThat(producer.commitCount()).isEqualTo(2);
        assertThat(statuses()).containsExactly("acknowledged", "acknowledged", "acknowledged", "acknowledged");
        assertThat(err()).contains("프로듀서 종료 - 전송: 4, 성공: 4, 실패: 0", "트랜잭션 - 커밋: 2, 중단: 0");
    }

    @Test
    void anAbortableErrorAbortsTheTransactionAndItsEventsGoAgainInTheNext() throws Exception {
        // The second event finds the client in its abortable-error state (a send of the transaction failed), and
        // the commit then fails with that error, as KafkaProducer's do.
        KafkaException errorState = new KafkaException("Cannot execute transactional method because we are in an error state");
        producer.failingSend = 1;
        producer.sendFailure = errorState;
        producer.commitFailures.add(errorState);

        int exit = runToEnd("--transactional-id", "tx", "--transaction-size", "2", "--interval", "0",
                "--max-messages", "6", "--output", "json");

        assertThat(exit).as(err()).isZero();
        assertThat(producer.aborts).hasValue(1);
        assertThat(producer.commitCount()).as("the aborted one sent again, then the two others").isEqualTo(3);
        List<String> committedIds = producer.history().stream().map(r -> new String(
                r.headers().lastHeader(EventIdHeader.NAME).value(), StandardCharsets.UTF_8)).toList();
        assertThat(committedIds).as("each event committed exactly once").hasSize(6).doesNotHaveDuplicates();
        assertThat(ids()).as("each event reported once, acknowledged").containsExactlyInAnyOrderElementsOf(committedIds);
        assertThat(statuses()).containsOnly("acknowledged");
        assertThat(err()).contains("프로듀서 종료 - 전송: 6, 성공: 6, 실패: 0").doesNotContain("메시지 전송 실패");
    }

    @Test
    void anInvalidProducerEpochIsAbortableNotAFencing() throws Exception {
        // What the broker's transaction timeout gives the producer (KIP-588): abort, and go on.
        producer.commitFailures.add(new InvalidProducerEpochException("Producer attempted to produce with an old epoch"));

        int exit = runToEnd("--transactional-id", "tx", "--transaction-size", "2", "--interval", "0",
                "--max-messages", "4", "--output", "json");

        assertThat(exit).as(err()).isZero();
        assertThat(err()).doesNotContain("펜싱됨").contains("프로듀서 종료 - 전송: 4, 성공: 4, 실패: 0");
        assertThat(producer.aborts).hasValue(1);
        assertThat(producer.commitCount()).isEqualTo(2);
        assertThat(producer.history()).hasSize(4);
        assertThat(ids()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void aStopDuringACommitLetsTheCommitFinish() throws Exception {
        producer.commitTakes = Duration.ofMillis(500);
        UserActivityProducer program = program("--transactional-id", "tx", "--transaction-size", "3",
                "--interval", "0", "--output", "json");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        assertThat(producer.inCommit.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        program.stop(); // Ctrl+C while the commit waits for the broker

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as(err()).isZero();
        assertThat(producer.commitCount()).as("the commit under way completed").isEqualTo(1);
        assertThat(producer.aborts).hasValue(0);
        assertThat(statuses()).containsExactly("acknowledged", "acknowledged", "acknowledged");
        assertThat(err()).contains("프로듀서 종료 - 전송: 3, 성공: 3, 실패: 0").doesNotContain("트랜잭션 실패");
    }

    @Test
    void aCommitThatOutlastsTheStopsGraceEndsWithEachEventFailedAndTheSummary() throws Exception {
        producer.commitTakes = Duration.ofMinutes(5); // the broker never answers
        UserActivityProducer program = program("--transactional-id", "tx", "--transaction-size", "3",
                "--interval", "0", "--output", "json");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        assertThat(producer.inCommit.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        long stopped = System.nanoTime();
        program.stop();

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as(err()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("within the grace and a moment")
                .isLessThan(UserActivityProducer.SHUTDOWN_LIMIT);
        assertThat(producer.aborts).as("never an abort after a commit began").hasValue(0);
        assertThat(statuses()).containsExactly("failed", "failed", "failed");
        assertThat(err()).contains("프로듀서 종료 - 전송: 3, 성공: 0, 실패: 3");
    }

    @Test
    void anAbortThatOutlastsTheStopsGraceFailsItsEventsWithTheSummary() throws Exception {
        producer.commitFailures.add(new KafkaException("Cannot execute transactional method because we are in an error state"));
        producer.abortTakes = Duration.ofMinutes(5); // the broker went away meanwhile
        UserActivityProducer program = program("--transactional-id", "tx", "--transaction-size", "2",
                "--interval", "0", "--output", "json");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        assertThat(producer.inAbort.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        program.stop();

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as(err()).isZero();
        assertThat(statuses()).containsExactly("failed", "failed");
        assertThat(err()).contains("중지 중이라 다시 보내지 않았습니다", "프로듀서 종료 - 전송: 2, 성공: 0, 실패: 2").doesNotContain("트랜잭션 실패");
    }

    @Test
    void withOutputJsonStdoutHoldsJsonLinesOnlyAndEachSaysItsTransaction() throws Exception {
        int exit = runToEnd("--transactional-id", "tx", "--transaction-size", "2", "--abort-every", "2",
                "--interval", "0", "--max-messages", "4", "--output", "json");

        assertThat(exit).as(err()).isZero();
        List<JsonNode> lines = JsonLines.parse(out()); // fails on any line that is not JSON
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().map(l -> l.path("transaction").asText()))
                .containsExactly("committed", "committed", "aborted", "aborted");
        assertThat(err()).contains("트랜잭션 커밋 - 이벤트 2개", "트랜잭션 중단 - 이벤트 2개", "트랜잭션 - 커밋: 1, 중단: 1");
    }

    private List<String> statuses() {
        return JsonLines.parse(out()).stream().map(l -> l.get("status").asText()).toList();
    }

    private List<String> ids() {
        return JsonLines.parse(out()).stream().map(l -> l.get("event_id").asText()).toList();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

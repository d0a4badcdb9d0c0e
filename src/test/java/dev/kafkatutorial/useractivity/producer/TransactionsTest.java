package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The producer's transactions on Kafka's MockProducer: size, the K-th aborted, the open one on finish, fencing. */
class TransactionsTest {

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Exception> callbackErrors = new ArrayList<>();

    private final List<String> fatal = new ArrayList<>();

    private Transactions<String, String> transactions(String id, long size, long abortEvery) {
        List<String> args = new ArrayList<>(List.of("--transaction-size", String.valueOf(size)));
        if (id != null) {
            args.addAll(List.of("--transactional-id", id));
        }
        if (abortEvery > 0) {
            args.addAll(List.of("--abort-every", String.valueOf(abortEvery)));
        }
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).parseArgs(id == null ? new String[0] : args.toArray(String[]::new));
        return new Transactions<>(producer, options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BlockingSend(),
                BlockingSend.cutAfter(Duration.ofSeconds(5)), fatal::add);
    }

    private void send(Transactions<String, String> transactions, int events) {
        for (int i = 0; i < events; i++) {
            transactions.send(new ProducerRecord<>("t", 0, null, "e" + i), (metadata, error, transaction) -> {
                if (error != null) {
                    callbackErrors.add(error);
                }
            });
        }
    }

    @Test
    void everyKthTransactionIsAbortedAndTheOpenOneCommitsOnFinish() {
        Transactions<String, String> transactions = transactions("tx", 2, 3);
        send(transactions, 7); // T1 commit, T2 commit, T3 abort, T4 (one event) still open
        transactions.finish();

        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(3);
        assertThat(producer.history()).extracting(ProducerRecord::value)
                .containsExactly("e0", "e1", "e2", "e3", "e6");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                트랜잭션 커밋 - 이벤트 2개 (오프셋 0-1)
                트랜잭션 커밋 - 이벤트 2개 (오프셋 2-3)
                트랜잭션 중단 - 이벤트 2개: read_committed 컨슈머에게는 보이지 않습니다
                트랜잭션 커밋 - 이벤트 1개 (오프셋 6-6)
                """);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("트랜잭션 - 커밋: 3, 중단: 1\n");
        assertThat(callbackErrors).isEmpty();
    }

    @Test
    void withoutATransactionalIdEachSendPassesThrough() {
        Transactions<String, String> transactions = transactions(null, 10, 0);
        send(transactions, 3);
        transactions.finish();

        assertThat(producer.transactionInitialized()).isFalse();
        assertThat(producer.history()).hasSize(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFencedProducerSaysSoInOneLine() {
        Transactions<String, String> transactions = transactions("tx", 10, 0);
        send(transactions, 2);
        producer.fenceProducer();

        assertThatThrownBy(transactions::finish)
                .isInstanceOf(Transactions.FencedException.class)
                .hasMessage("펜싱됨: 같은 transactional.id(tx)로 다른 프로듀서가 시작해 이 프로듀서를 대신합니다. 종료합니다")
                .hasNoCause();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anEventThatFailedForGoodIsReportedFailedAndTheOthersGoAgain() {
        // A send that failed for the event's own reason (too large) would fail again: it is reported, never sent
        // again. The transaction it broke is aborted, and the other events go in the next one.
        MockProducer<String, String> manual = new MockProducer<>(false, null, new StringSerializer(), new StringSerializer()) {
            private boolean failed;

            @Override
            public synchronized void commitTransaction() {
                if (!failed) {
                    failed = true; // as KafkaProducer's commit after a failed send of its transaction
                    throw new KafkaException("Cannot execute transactional method because we are in an error state");
                }
                super.commitTransaction();
            }
        };
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).parseArgs("--transactional-id", "tx", "--transaction-size", "3");
        Transactions<String, String> transactions = new Transactions<>(manual, options,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BlockingSend(), BlockingSend.cutAfter(Duration.ofSeconds(5)), fatal::add);
        List<String> reports = new ArrayList<>();
        for (String value : List.of("ok", "too-large", "third")) {
            transactions.send(new ProducerRecord<>("t", 0, null, value), (metadata, error, transaction) ->
                    reports.add(value + ": " + (error == null ? transaction : error.getMessage())));
            if (value.equals("too-large")) {
                manual.completeNext();
                manual.errorNext(new RecordTooLargeException("too large"));
                assertThat(reports).as("nothing is reported before its transaction ends").isEmpty();
            }
        }
        transactions.finish();

        assertThat(reports).containsExactly("too-large: too large", "ok: committed", "third: committed");
        assertThat(manual.history()).extracting(ProducerRecord::value).containsExactly("ok", "third");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("트랜잭션 중단 (오류: Cannot execute transactional "
                + "method because we are in an error state) - 이벤트 3개를 다음 트랜잭션에서 다시 보냅니다\n"
                + "트랜잭션 - 커밋: 1, 중단: 0, 오류로 중단 후 다시 보냄: 1\n");
        assertThat(fatal).isEmpty();
        assertThat(OpenTransaction.sendAgain(new TimeoutException("expired"))).isTrue();
        assertThat(OpenTransaction.sendAgain(new KafkaException("error state"))).isTrue();
        assertThat(OpenTransaction.sendAgain(new InvalidProducerEpochException("old epoch"))).isTrue();
    }

    @Test
    void onlyProducerFencedExceptionIsAFencing() {
        assertThat(TransactionCalls.isFencing(new KafkaException(new ProducerFencedException("fenced")))).isTrue();
        assertThat(TransactionCalls.isFencing(new InvalidProducerEpochException("old epoch"))).isFalse();
    }

    @Test
    void aTransactionOutlastsItsEvents() {
        assertThat(Transactions.timeoutMs(Duration.ofSeconds(5), 10)).isEqualTo(100_000);
        assertThat(Transactions.timeoutMs(Duration.ZERO, 10)).isEqualTo(60_000);
        assertThat(Transactions.timeoutMs(Duration.ofMinutes(1), 100)).isEqualTo(900_000);
    }
}

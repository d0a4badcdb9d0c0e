package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.producer.ProducerLines;
import dev.kafkatutorial.useractivity.producer.ProducerOptions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The send loop's own logic against Kafka's MockProducer, in milliseconds and without a broker: the test plays
 * the broker, acknowledging or failing each send when it chooses.
 */
class ProducerLoopTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    // autoComplete=false: a send stays in flight until the test completes or fails it.
    private final MockProducer<String, UserActivity> producer =
            new MockProducer<>(false, null, new StringSerializer(), new JsonSerializer<>());

    private UserActivityProducer program(String... args) {
        return program(producer, utf8(out), utf8(err), args);
    }

    /** The producer program on {@code producer}, for topic t of a broker that is not there; its lines to out and err. */
    static UserActivityProducer program(Producer<String, UserActivity> producer, PrintStream out, PrintStream err,
                                        String... args) {
        ProducerOptions options = new ProducerOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(concat(args, "--bootstrap-server", "localhost:1", "--topic", "t"));
        return new UserActivityProducer(producer, options, new RandomActivities(new Random(1), Clock.systemUTC()),
                out, err);
    }

    static PrintStream utf8(OutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void eachEventIsPrintedThenSentAndItsCallbackPrintsWhereItLanded() throws Exception {
        UserActivityProducer program = program("--interval", "0", "--max-messages", "2");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        awaitSends(2);
        assertThat(producer.completeNext()).isTrue();
        assertThat(producer.completeNext()).isTrue();

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
        ProducerLines tutorial = new ProducerLines(Language.ko);
        List<String> sending = producer.history().stream().map(r -> tutorial.sending(r.value())).toList();
        assertThat(out().lines().filter(l -> l.startsWith("메시지 전송: "))).as("each event as it was sent")
                .containsExactlyElementsOf(sending);
        assertThat(out().lines().filter(l -> l.startsWith("메시지 전송 성공 - ")))
                .containsExactly("메시지 전송 성공 - 토픽: t, 파티션: 0, 오프셋: 0",
                        "메시지 전송 성공 - 토픽: t, 파티션: 0, 오프셋: 1");
        assertThat(err()).contains("프로듀서 종료 - 전송: 2, 성공: 2, 실패: 0");
    }

    @Test
    void aTransactionalIdSendsInTransactionsOfTheGivenSize() throws Exception {
        UserActivityProducer program = program("--transactional-id", "tx", "--transaction-size", "2",
                "--interval", "0", "--max-messages", "4", "--quiet");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.commitCount()).isEqualTo(2);
        assertThat(producer.history()).hasSize(4);
        assertThat(err()).contains("프로듀서 종료 - 전송: 4, 성공: 4, 실패: 0");
    }

    @Test
    void syncStopsAtTheFirstFailureNoRetryCanFix() throws Exception {
        UserActivityProducer program = program("--sync", "--interval", "0", "--max-messages", "10");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);

        awaitSends(1);
        assertThat(producer.completeNext()).isTrue();
        awaitSends(2);
        assertThat(producer.completeNext()).isTrue();
        awaitSends(3);
        assertThat(producer.errorNext(new RecordTooLargeException("too large"))).isTrue();

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
        assertThat(producer.history()).as("no event after the failed one").hasSize(3);
        assertThat(producer.closed()).isTrue();
        assertThat(err()).contains("메시지 전송 실패 - ", "too large", "프로듀서 종료 - 전송: 3, 성공: 2, 실패: 1");
        assertThat(out().lines().filter(l -> l.startsWith("메시지 전송 성공"))).hasSize(2);
    }

    @Test
    void outputJsonReportsEachEventOnceWithItsIdAndFate() throws Exception {
        UserActivityProducer program = program("--output", "json", "--interval", "0", "--max-messages", "3");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        awaitSends(3);
        producer.completeNext();
        producer.errorNext(new RecordTooLargeException("too large"));
        producer.completeNext();
        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = out().lines().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
        assertThat(lines).as("one line per event, and nothing else on stdout").hasSize(3);
        List<String> headerIds = producer.history().stream().map(r -> new String(
                r.headers().lastHeader(EventIdHeader.NAME).value(), StandardCharsets.UTF_8)).toList();
        assertThat(lines.stream().map(l -> l.get("event_id").asText())).containsExactlyElementsOf(headerIds);
        assertThat(lines.stream().map(l -> l.get("status").asText())).containsExactly("acknowledged", "failed", "acknowledged");
        assertThat(lines.get(0).get("topic").asText()).isEqualTo("t");
        assertThat(lines.get(0).get("partition").asInt()).isZero();
        assertThat(lines.get(0).get("offset").isIntegralNumber()).isTrue();
        assertThat(lines.get(1).get("partition").isNull()).isTrue();
        assertThat(lines.get(1).get("offset").isNull()).isTrue();
        assertThat(lines.get(1).get("error").asText()).contains("too large");
        assertThat(lines.get(0).has("error")).isFalse();
        assertThat(err()).contains("프로듀서 종료 - 전송: 3, 성공: 2, 실패: 1");
    }

    @Test
    void stopEndsThePauseAtOnceClosesTheProducerAndPrintsTheSummary() throws Exception {
        UserActivityProducer program = program("--interval", "1m");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        awaitSends(1);
        producer.completeNext();
        program.stop(); // as Ctrl+C, during the minute's pause: the run ends now, not after the pause

        assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.closed()).isTrue();
        assertThat(err()).contains("프로듀서 종료 - 전송: 1, 성공: 1, 실패: 0");
    }

    @Test
    void aCallbackThatThrowsStillCountsItsEventSoTheRunEnds() throws Exception {
        // A line that cannot be written throws in the callback, on the producer's I/O thread (Kafka logs and
        // ignores it): the event must still count, or the run waits for it until Ctrl+C.
        PrintStream failingOut = utf8(new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("stdout is gone");
            }
        });
        UserActivityProducer program = program(producer, failingOut, utf8(err), "--output", "json", "--interval", "0",
                "--max-messages", "1");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        try {
            awaitSends(1);
            assertThatThrownBy(producer::completeNext).hasMessage("stdout is gone");

            exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(err()).contains("프로듀서 종료 - 전송: 1, ");
        } finally {
            program.stop();
        }
    }

    @Test
    void explainNeverAsksForThePartitionsOnTheProducersIoThread() throws Exception {
        // partitionsFor() may wait for metadata that only the I/O thread can fetch: never call it from a callback.
        Set<String> askedFrom = ConcurrentHashMap.newKeySet();
        Node broker = new Node(0, "localhost", 1);
        Cluster cluster = new Cluster("c", List.of(broker), List.of(0, 1, 2).stream().map(p ->
                new PartitionInfo("t", p, broker, new Node[] {broker}, new Node[] {broker})).toList(), Set.of(), Set.of());
        MockProducer<String, UserActivity> recording = new MockProducer<>(cluster, false, null, new StringSerializer(),
                new JsonSerializer<>()) {
            @Override
            public List<PartitionInfo> partitionsFor(String topic) {
                askedFrom.add(Thread.currentThread().getName());
                return super.partitionsFor(topic);
            }
        };
        UserActivityProducer program = program(recording, utf8(out), utf8(err), "--explain", "--key", "user_id",
                // --explain's look at the topic gives up on the absent broker within a second, not 10 s
                "--command-property", "default.api.timeout.ms=1000", "--command-property", "request.timeout.ms=500",
                "--interval", "0", "--max-messages", "2");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(program::run);
        try {
            awaitTrue(() -> recording.history().size() >= 2, "two sends");
            Thread io = new Thread(() -> {
                recording.completeNext();
                recording.completeNext();
            }, "io-thread-of-the-test"); // plays the producer's I/O thread, which runs the callbacks
            io.start();
            io.join(LIMIT.toMillis());

            assertThat(exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
            assertThat(out()).contains("murmur2");
            assertThat(askedFrom).as("threads that called partitionsFor()").doesNotContain("io-thread-of-the-test");
        } finally {
            program.stop();
        }
    }

    private void awaitSends(int n) throws InterruptedException {
        awaitTrue(() -> producer.history().size() >= n, "send #" + n);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + LIMIT);
            }
            Thread.sleep(1);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transactional producer jar while its one broker is away (issue 22, item 2): a 15 s outage under
 * {@code --transactional-id X --transaction-size 5 --interval 200ms}. The commit that meets the outage times out
 * after max.block.ms (10 s) and is retried, never followed by an abort; the run goes on once the broker is back,
 * says so in one line each way, and ends on Ctrl+C with its summary. Counted by event id, a {@code read_committed}
 * reader holds every event the producer reported, each once. The same outage with a delivery timeout of 5 s
 * takes the other way: the open transaction's events expire, the transaction is aborted once the broker is
 * back, and its events go again in the next one.
 */
class ProducerTransactionOutageIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "delivery.timeout.ms {0}")
    @CsvSource({"120000, producer transactions outage", "5000, producer transactions outage past delivery timeout"})
    void aBrokerAway15sUnderTransactionsLosesNothingAndDuplicatesNothing(int deliveryTimeoutMs, String scenario)
            throws Exception {
        boolean expires = deliveryTimeoutMs < OUTAGE.toMillis();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            String topic = "tx-outage-" + System.nanoTime();
            TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
            // delivery.timeout.ms must be at least linger.ms + request.timeout.ms: a short one needs a short request.
            try (JarProcess producer = JarProcess.start("producer", "--bootstrap-server", broker.bootstrapServers(),
                    "--topic", topic, "--transactional-id", topic, "--transaction-size", "5", "--interval", "200ms",
                    "--output", "json", "--producer-property", "delivery.timeout.ms=" + deliveryTimeoutMs,
                    "--producer-property", "request.timeout.ms=" + Math.min(30_000, deliveryTimeoutMs / 2))) {
                await().atMost(LIMIT).until(() -> acknowledged(producer.out()) >= 10 || !producer.isAlive());
                broker.stop();
                long acknowledgedBefore = acknowledged(producer.out());
                Thread.sleep(OUTAGE.toMillis());
                broker.restart();
                long back = System.nanoTime();
                // Going on after the outage: two more transactions committed once the broker is back.
                await().atMost(LIMIT).until(() -> acknowledged(producer.out()) >= acknowledgedBefore + 10
                        || !producer.isAlive());
                Duration toRecover = Duration.ofNanos(System.nanoTime() - back);
                assertThat(producer.isAlive()).as("still running after the outage\n" + producer.err()).isTrue();
                producer.signal("INT");
                int exit = producer.awaitExit(Duration.ofSeconds(30));

                String out = producer.out();
                String err = producer.err();
                List<JsonNode> lines = JsonLines.parse(out); // stdout holds JSON lines only (item 3)
                Figures.Sends sends = Figures.Sends.of(out);
                long[] summary = Figures.producerSummary(err);
                List<String> committed = EventIds.inTopic(broker.bootstrapServers(), topic, "read_committed", LIMIT);
                List<String> uncommitted = EventIds.inTopic(broker.bootstrapServers(), topic, LIMIT);
                Figures figures = Figures.count(scenario, "broker away " + OUTAGE.toMillis()
                        + " ms under --transaction-size 5 --interval 200ms, delivery.timeout.ms " + deliveryTimeoutMs
                        + (expires ? " (" + count(err, "트랜잭션 중단 (오류: ") + " aborted and sent again)" : "")
                        + ", then SIGINT; back "
                        + toRecover.toMillis() + " ms to 10 more acknowledged; read with read_committed"
                        + " (read_uncommitted: " + uncommitted.size() + ", " + new HashSet<>(uncommitted).size()
                        + " distinct)", summary[0], sends, committed);

                assertThat(exit).as(err).isEqualTo(130);
                assertThat(err).as("no transaction failed").doesNotContain("트랜잭션 실패", "Exception");
                assertThat(summary[1] + summary[2]).as("each event acknowledged or failed").isEqualTo(summary[0]);
                assertThat(summary[2]).as("none failed: the outage was shorter than any timeout").isZero();
                assertThat(lines).as("one line per event").hasSize((int) summary[0]);
                assertThat(lines).allMatch(l -> l.path("transaction").asText().equals("committed"));
                assertThat(figures.lost()).as("acknowledged events a read_committed reader misses").isZero();
                assertThat(committed).as("none twice for read_committed").doesNotHaveDuplicates();
                assertThat(new HashSet<>(committed)).as("only this run's events, each acknowledged")
                        .isEqualTo(sends.acknowledged());
                String away = "브로커 연결 끊김: " + broker.bootstrapServers();
                String backLine = "브로커 다시 연결됨: " + broker.bootstrapServers();
                assertThat(err.lines().filter(l -> l.startsWith(away))).as("one line when it goes away").hasSize(1);
                assertThat(err.lines().filter(backLine::equals)).as("one line when it is back").hasSize(1);
                assertThat(err.indexOf(away)).isLessThan(err.indexOf(backLine));
                assertThat(err).contains("트랜잭션 - 커밋: ");
                long retried = count(err, "트랜잭션 중단 (오류: ");
                if (expires) {
                    assertThat(retried).as("the expired transaction aborted and its events sent again").isPositive();
                } else {
                    assertThat(retried).as("a timed-out commit is retried, not aborted").isZero();
                }
            }
        }
    }

    private static long count(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).count();
    }

    private static long acknowledged(String out) {
        return out.lines().filter(l -> l.contains("\"status\":\"acknowledged\"")).count();
    }
}

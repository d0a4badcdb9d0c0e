package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer jar is stopped (by {@code --timeout-ms}, or SIGTERM as Ctrl+C) while its broker is down. It must
 * end within a bounded time with its summary, and a commit that could not be made must be said, with how many
 * events the group's next run reads again (exit 1), and that number must be what the group really holds.
 */
class ConsumerBrokerDownIT {

    private static final int EVENTS = 20;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The consumer's own bound: a 5 s commit, a 1-3 s close. Kafka's would be 60 s (manual) or 30 s (close). */
    private static final Duration STOP_BOUND = Duration.ofSeconds(15);
    private static final String COMMIT_FAILED = "오프셋을 커밋하지 못했습니다";

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalKafkaBroker.start(0, Files.createTempDirectory("broker-down-"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"timeout, auto commit", "timeout, manual commit", "SIGTERM, auto commit"})
    void aConsumerStoppedWhileTheBrokerIsDownEndsWithItsSummaryAndSaysWhatItCouldNotCommit(String mode)
            throws Exception {
        broker.restart(); // up again after the previous case
        String topic = "down-" + mode.replaceAll("[^a-zA-Z]+", "-") + System.nanoTime();
        TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", broker.bootstrapServers(), "--topic", topic,
                "--interval", "0", "--max-messages", String.valueOf(EVENTS), "--quiet");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        boolean sigterm = mode.startsWith("SIGTERM");
        boolean manual = mode.endsWith("manual commit");
        List<String> args = new ArrayList<>(List.of("consumer", "--bootstrap-server", broker.bootstrapServers(),
                "--topic", topic, "--group", topic, "--output", "json",
                // No automatic commit before the broker goes: the commit on the way out is the one that matters.
                "--property", "auto.commit.interval.ms=600000"));
        if (!sigterm) {
            args.addAll(List.of("--timeout-ms", "8000")); // longer than the broker takes to stop
        }
        if (manual) {
            args.add("--manual-commit");
        }
        JarProcess consumer = JarProcess.start(args.toArray(String[]::new));
        await().atMost(LIMIT).until(() -> EventIds.inJsonLines(consumer.out()).size() >= EVENTS || !consumer.isAlive());
        assertThat(EventIds.inJsonLines(consumer.out())).hasSize(EVENTS);
        if (manual) {
            // The consumer prints a batch, then commits it: the lines show a moment before the commit lands.
            // Stop the broker only once the group has it, or the test would race the commit, not test it.
            await().atMost(LIMIT).until(() -> committed(topic) == EVENTS);
        }

        broker.stop();
        long stoppedAt = System.nanoTime();
        int exit;
        if (sigterm) {
            consumer.terminate(STOP_BOUND.plusSeconds(10));
            exit = 143;
        } else {
            exit = consumer.awaitExit(STOP_BOUND.plusSeconds(10)); // idle timeout (8 s) from the last event, then stop
        }
        Duration toExit = Duration.ofNanos(System.nanoTime() - stoppedAt);

        broker.restart();
        long committed = committed(topic);
        String err = consumer.err();
        System.out.println("FIGURES consumer stopped with the broker down (" + mode + "): ended " + toExit.toMillis()
                + " ms after the broker stopped; committed " + committed + " of " + EVENTS + "; "
                + err.lines().filter(l -> l.startsWith(COMMIT_FAILED)).findFirst().orElse("no commit line"));
        assertThat(err).as("always a summary").contains("컨슈머 종료 - 처리한 메시지: " + EVENTS);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Timeout of 60000ms");
        assertThat(toExit).isLessThan(STOP_BOUND.plusSeconds(sigterm ? 0 : 8));
        if (manual) {
            // Committed after each printed batch, while the broker was there: nothing left to commit, nothing lost.
            assertThat(committed).isEqualTo(EVENTS);
            assertThat(exit).as(err).isZero();
            assertThat(err).doesNotContain(COMMIT_FAILED);
        } else {
            long rereads = EVENTS - committed;
            assertThat(rereads).as("the commit on the way out failed").isPositive();
            assertThat(err).contains(COMMIT_FAILED).contains("다음 실행에서 메시지 " + rereads + "개를 다시 읽습니다");
            if (!sigterm) {
                assertThat(exit).as(err).isEqualTo(1);
            }
        }
    }

    /** The group's committed offset of partition 0 (the group is named after the topic), 0 when none. */
    private static long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}

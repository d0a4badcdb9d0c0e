package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import dev.kafkatutorial.useractivity.processor.ProcessorLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor jar while its one broker is away for 12 s (issue 22, item 1): it keeps running, says once that
 * the broker is away and once that it is back, never calls the outage a missing topic, and afterwards its
 * output, read with read_committed, holds every input event exactly once; caught up, its group's lag is 0. And
 * stopped while the broker is away, it ends with its summary, and the next run goes on exactly once.
 */
class ProcessorOutageIT {

    private static final int EVENTS = 1_500;
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ProcessorLines KO = new ProcessorLines(Language.ko);

    @TempDir
    Path dataDir;

    @Test
    void theProcessorRidesOutABrokerOutageAndPassesEachEventOnExactlyOnce() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            String bootstrap = broker.bootstrapServers();
            String input = topics(bootstrap, "processor-outage");
            String output = input.replace("-in-", "-out-");
            try (JarProcess processor = JarProcess.start("processor", "--bootstrap-server", bootstrap, "--topic", input,
                    "--output-topic", output, "--group", input)) {
                await().atMost(LIMIT).until(() -> processor.err().contains("======= ") || !processor.isAlive());
                // Paced (15 s at least), so events flow before, during and after the outage.
                ProgramRun producer = ProgramRun.producer("--bootstrap-server", bootstrap, "--topic", input,
                        "--key", "user_id", "--interval", "10ms", "--max-messages", String.valueOf(EVENTS),
                        "--output", "json"); // one line per acknowledged event
                await().atMost(LIMIT).until(() -> TransactionalReads.committedEvents(processor.out()) >= 200
                        || !processor.isAlive());
                long committedWhenStopped = TransactionalReads.committedEvents(processor.out());
                long outageStart = System.nanoTime();
                broker.stop();
                Thread.sleep(OUTAGE.toMillis()); // the outage itself: how long the broker stays away
                broker.restart();
                Duration outage = Duration.ofNanos(System.nanoTime() - outageStart);

                producer.awaitExit(LIMIT);
                long[] summary = Figures.producerSummary(producer.err());
                TransactionalReads.awaitCommitted(bootstrap, output, (int) summary[1], Duration.ofSeconds(60));
                SortedMap<Integer, Long> lag = GroupLag.awaitZero(bootstrap, input, input, Duration.ofSeconds(30));
                boolean aliveThroughout = processor.isAlive();
                long stopped = System.nanoTime();
                processor.terminate(Duration.ofSeconds(40));
                Duration toExit = Duration.ofNanos(System.nanoTime() - stopped);

                Set<String> in = new HashSet<>(EventIds.inTopic(bootstrap, input, LIMIT));
                List<String> committed = EventIds.inTopic(bootstrap, output, "read_committed", LIMIT);
                List<String> uncommitted = EventIds.inTopic(bootstrap, output, "read_uncommitted", LIMIT);
                Figures figures = Figures.count("processor outage", "broker away " + outage.toMillis()
                        + " ms under the processor (" + committedWhenStopped + " committed before); output read with"
                        + " read_committed (read_uncommitted: " + uncommitted.size() + "); lag afterwards " + lag
                        + "; SIGTERM to exit " + toExit.toMillis() + " ms", summary[0], Figures.Sends.of(producer.out()),
                        committed);

                String err = processor.err();
                assertThat(aliveThroughout).as("still running after the outage\n" + err).isTrue();
                assertThat(committedWhenStopped).as("the outage began mid-stream").isLessThan(EVENTS);
                assertThat(err).as("a timeout is no missing topic").doesNotContain("create_topic", "토픽을 만드세요")
                        .doesNotContain("트랜잭션 실패", "펜싱됨", "\tat ");
                String away = KO.brokerAway(bootstrap, Duration.ofSeconds(15));
                String back = KO.brokerBack(bootstrap);
                assertThat(err.lines().filter(away::equals)).as("one line when it goes away\n" + err).hasSize(1);
                assertThat(err.lines().filter(back::equals)).as("one line when it is back\n" + err).hasSize(1);
                assertThat(err.indexOf(away)).isLessThan(err.indexOf(back));
                assertThat(figures.lost()).as("acknowledged, not in the output").isZero();
                assertThat(new HashSet<>(committed)).as("every input event in the output").isEqualTo(in);
                assertThat(TransactionalReads.repeated(committed)).as("ids written twice").isEmpty();
                assertThat(lag.values()).as("caught up: the group's lag (item 19)").allMatch(l -> l == 0);
                assertThat(err).contains("프로세서 종료 - 처리한 메시지: ");
            }
        }
    }

    @Test
    void aStopWhileTheBrokerIsAwayEndsWithTheSummaryAndTheNextRunGoesOnExactlyOnce() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            String bootstrap = broker.bootstrapServers();
            String input = topics(bootstrap, "processor-stopped");
            String output = input.replace("-in-", "-out-");
            String[] args = {"--bootstrap-server", bootstrap, "--topic", input, "--output-topic", output, "--group", input};
            ProgramRun producer;
            String firstErr;
            Duration toExit;
            try (JarProcess first = JarProcess.start("processor", args)) {
                await().atMost(LIMIT).until(() -> first.err().contains("======= ") || !first.isAlive());
                producer = ProgramRun.producer("--bootstrap-server", bootstrap, "--topic", input, "--key", "user_id",
                        "--interval", "10ms", "--max-messages", String.valueOf(EVENTS / 2), "--output", "json");
                await().atMost(LIMIT).until(() -> TransactionalReads.committedEvents(first.out()) >= 200
                        || !first.isAlive());
                broker.stop();
                Thread.sleep(3_000); // into the outage: the processor waits for the broker, in a transaction or a poll
                long signalled = System.nanoTime();
                first.terminate(Duration.ofSeconds(60));
                toExit = Duration.ofNanos(System.nanoTime() - signalled);
                firstErr = first.err();
            }
            broker.restart();
            producer.awaitExit(LIMIT);
            long[] summary = Figures.producerSummary(producer.err());
            try (JarProcess second = JarProcess.start("processor", args)) {
                TransactionalReads.awaitCommitted(bootstrap, output, (int) summary[1], Duration.ofSeconds(60));
                second.terminate(Duration.ofSeconds(40));
            }

            Set<String> in = new HashSet<>(EventIds.inTopic(bootstrap, input, LIMIT));
            List<String> committed = EventIds.inTopic(bootstrap, output, "read_committed", LIMIT);
            Figures figures = Figures.count("processor stopped in an outage", "SIGTERM 3 s into an outage (summary and"
                    + " exit " + toExit.toMillis() + " ms after the signal), broker restarted, a second run finished;"
                    + " output read with read_committed", summary[0], Figures.Sends.of(producer.out()), committed);

            assertThat(firstErr).contains("프로세서 종료 - 처리한 메시지: ").doesNotContain("create_topic", "\tat ");
            assertThat(figures.lost()).as("acknowledged, not in the output").isZero();
            assertThat(new HashSet<>(committed)).as("every input event in the output").isEqualTo(in);
            assertThat(TransactionalReads.repeated(committed)).as("ids written twice").isEmpty();
        }
    }

    /** A new input topic of three partitions, and its output ({@code -out-} for {@code -in-}); returns the input's name. */
    private static String topics(String bootstrap, String prefix) {
        String input = prefix + "-in-" + System.nanoTime();
        TestKafka.createTopic(bootstrap, input, 3);
        TestKafka.createTopic(bootstrap, input.replace("-in-", "-out-"), 3);
        return input;
    }
}

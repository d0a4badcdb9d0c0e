package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarts while the producer sends as fast as it can: every event is still acknowledged, and a
 * consumer reads each exactly once. A broker of its own, since this one goes down.
 */
class BrokerRestartIT {

    private static final int EVENTS = 20_000;
    private static final int ACKNOWLEDGED_BEFORE_OUTAGE = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void aBrokerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            String topic = "restart-" + System.nanoTime();
            TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
            ProgramRun producer = ProgramRun.producer("--bootstrap-server", broker.bootstrapServers(), "--topic", topic,
                    "--interval", "0", "--max-messages", String.valueOf(EVENTS));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Figures.acknowledgedSoFar(producer.out()) >= ACKNOWLEDGED_BEFORE_OUTAGE);
            long outageStart = System.nanoTime();
            broker.stop();
            long acknowledgedWhenDown = Figures.acknowledgedSoFar(producer.out());
            broker.restart();
            Duration outage = Duration.ofNanos(System.nanoTime() - outageStart);

            assertThat(producer.awaitExit(Duration.ofSeconds(90))).as(producer.err()).isZero();
            long[] summary = Figures.producerSummary(producer.err());

            ProgramRun consumer = ProgramRun.consumer("--bootstrap-server", broker.bootstrapServers(), "--topic", topic,
                    "--group", topic, "--output", "json", "--timeout-ms", "3000");
            assertThat(consumer.awaitExit(Duration.ofSeconds(90))).as(consumer.err()).isZero();

            System.out.println("FIGURES broker restart: broker down after " + acknowledgedWhenDown
                    + " acknowledgements, for " + outage.toMillis() + " ms");
            Figures figures = Figures.count("broker restart", summary[0], summary[1], EventIds.inJsonLines(consumer.out()));
            assertThat(acknowledgedWhenDown).as("the outage was mid-stream").isLessThan(EVENTS);
            assertThat(summary).containsExactly(EVENTS, EVENTS, 0);
            assertThat(figures.distinct()).isEqualTo(EVENTS);
            assertThat(figures.lost()).isZero();
            assertThat(figures.duplicated()).isZero();
        }
    }
}

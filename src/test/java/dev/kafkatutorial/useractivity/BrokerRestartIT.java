package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarts while the producer sends as fast as it can: every event is still acknowledged, and a
 * consumer reads each exactly once. A broker of its own, since this one goes down.
 */
class BrokerRestartIT {

    private static final int EVENTS = 20_000;
    private static final int ACKNOWLEDGED_BEFORE_OUTAGE = 2_000;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void aBrokerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            TopicFixture topic = TopicFixture.on(broker.bootstrapServers(), "restart", 1);
            ProgramRun producer = ProgramRun.producer(topic.args(
                    "--interval", "0", "--max-messages", String.valueOf(EVENTS), "--output", "json"));

            // --output json: one stdout line per completed event, counted as written (no polling, no decoding).
            producer.awaitOutLines(ACKNOWLEDGED_BEFORE_OUTAGE, LIMIT);
            // Mid-stream is judged when the shutdown starts: stop() itself takes a while, and the producer retries
            // through it, so what is done by its end says nothing about when the fault began.
            long completedWhenShutdownStarted = producer.outLines();
            long outageStart = System.nanoTime();
            broker.stop();
            long completedWhenDown = producer.outLines();
            broker.restart();
            Duration outage = Duration.ofNanos(System.nanoTime() - outageStart);

            assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
            long[] summary = Figures.producerSummary(producer.err());
            Figures.Sends sends = Figures.Sends.of(producer.out());

            // All of the topic, then one idle second: the end offset is known, so the wait is a state, not a guess.
            List<String> read = EventIds.readByTheConsumer(broker.bootstrapServers(), topic.name(), EVENTS, LIMIT);

            Figures figures = Figures.count("broker restart", "broker restarted under --interval 0 (down after "
                    + completedWhenShutdownStarted + " acknowledged, for " + outage.toMillis() + " ms; "
                    + completedWhenDown + " when down)", summary[0], sends, read);
            assertThat(completedWhenShutdownStarted).as("the outage began mid-stream").isLessThan(EVENTS);
            assertThat(summary).containsExactly(EVENTS, EVENTS, 0);
            assertThat(sends.acknowledged()).hasSize(EVENTS);
            assertThat(figures.distinct()).isEqualTo(EVENTS);
            assertThat(figures.lost()).isZero();
            assertThat(figures.duplicated()).isZero();
        }
    }
}

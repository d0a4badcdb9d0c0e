package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away for longer than the producer's delivery timeout, then comes back. The producer retries
 * each event until its timeout, counts those that finally failed in its summary and reports each one; every
 * event it counted as acknowledged is in the topic. The consumer, running all along, resumes by itself.
 */
class BrokerLostIT {

    private static final int EVENTS = 1_000;
    private static final Duration LIMIT = Duration.ofSeconds(90);
    /** Kafka's 120 s in the program; shorter here so the outage outlasts it in a test's time. */
    private static final String DELIVERY_TIMEOUT_MS = "4000";

    @TempDir
    Path dataDir;

    @Test
    void eventsThatFinallyFailAreCountedAndEveryAcknowledgedOneIsRead() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            TopicFixture topic = TopicFixture.on(broker.bootstrapServers(), "lost", 1);
            ProgramRun consumer = ProgramRun.stoppableConsumer(topic.args("--group", topic.group(), "--output", "json"));
            ProgramRun producer = ProgramRun.producer(topic.args(
                    "--interval", "10ms", "--max-messages", String.valueOf(EVENTS),
                    "--property", "delivery.timeout.ms=" + DELIVERY_TIMEOUT_MS, "--property", "request.timeout.ms=2000",
                    "--output", "json"));

            producer.awaitOutLines(1, LIMIT);
            consumer.awaitOutLines(1, LIMIT);
            long acknowledgedBeforeOutage = producer.outLines();
            long outageStart = System.nanoTime();
            broker.stop();
            // Down until the producer has given up on at least one event: its delivery timeout has passed.
            await().atMost(LIMIT).until(() -> producer.err().contains("메시지 전송 실패 - "));
            broker.restart();
            Duration outage = Duration.ofNanos(System.nanoTime() - outageStart);

            assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
            long[] summary = Figures.producerSummary(producer.err());
            Figures.Sends sends = Figures.Sends.of(producer.out());
            List<String> failureLines = producer.err().lines().filter(l -> l.startsWith("메시지 전송 실패 - ")).toList();
            // The consumer went on by itself: it reads up to the last event in the topic.
            Set<String> inTopic = new HashSet<>(EventIds.inTopic(broker.bootstrapServers(), topic.name(), LIMIT));
            consumer.awaitOutLines(inTopic.size(), LIMIT);
            consumer.stop();
            assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();

            System.out.println("broker lost: first failure reported: " + failureLines.get(0));
            Figures figures = Figures.count("broker lost", "broker away " + outage.toMillis()
                    + " ms, longer than a " + DELIVERY_TIMEOUT_MS + " ms delivery timeout (" + acknowledgedBeforeOutage
                    + " done before; " + inTopic.size() + " events in the topic)", summary[0], sends, EventIds.inJsonLines(consumer.out()));
            assertThat(figures.lost()).as("acknowledged ids never read").isZero();
            assertThat(figures.duplicated()).isZero();
            assertThat(summary[0]).isEqualTo(EVENTS);
            assertThat(summary[1] + summary[2]).as("every event is acknowledged or counted as failed").isEqualTo(EVENTS);
            assertThat(summary[2]).as("some failed while the broker was away").isPositive();
            assertThat((long) failureLines.size()).as("each failure reported").isEqualTo(summary[2]);
            assertThat(sends.acknowledged()).as("one acknowledged line per acknowledged event").hasSize((int) summary[1]);
            assertThat(sends.failed()).as("one failed line per failed event").hasSize((int) summary[2]);
            assertThat(summary[1]).as("sending resumed after the broker returned").isGreaterThan(acknowledgedBeforeOutage);
            assertThat(inTopic).as("every acknowledged event is in the topic").containsAll(sends.acknowledged());
        }
    }
}

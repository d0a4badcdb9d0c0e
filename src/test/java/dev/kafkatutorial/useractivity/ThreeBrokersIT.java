package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.ThreeBrokerCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * Three brokers, a topic of three partitions replicated three times with min.insync.replicas=2: one broker
 * may die mid-stream and nothing is lost or duplicated, for the producer and for a group of three consumers.
 */
class ThreeBrokersIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void aLeaderShutDownMidStreamLosesAndDuplicatesNothing() throws Exception {
        int events = 5_000;
        try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start()) {
            String topic = "three-brokers-producer-" + System.nanoTime();
            cluster.createReplicatedTopic(topic, 3);
            // Paced: a controlled shutdown takes seconds, and at full speed the producer can finish before it ends.
            ProgramRun producer = ProgramRun.producer("--bootstrap-server", cluster.bootstrapServers(),
                    "--topic", topic, "--interval", "1ms", "--max-messages", String.valueOf(events), "--output", "json");

            // --output json: one stdout line per completed event, counted as written.
            producer.awaitOutLines(1_000, LIMIT);
            int leader = leaderOf(cluster, topic);
            // Mid-stream by when the shutdown starts; a controlled shutdown (leadership moves first) takes seconds.
            long acknowledgedWhenShutdownStarted = producer.outLines();
            cluster.shutDownBroker(leader);
            long acknowledgedWhenDown = producer.outLines();

            assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
            long[] summary = Figures.producerSummary(producer.err());
            Figures.Sends sends = Figures.Sends.of(producer.out());
            // Every event, then a generous idle time that only matters if one is missing.
            List<String> read = EventIds.readByTheConsumer(cluster.bootstrapServers(), topic, events, LIMIT);

            Figures figures = Figures.count("three brokers, producer", "three brokers: partition leader (broker "
                    + leader + ") shut down under the producer, from " + acknowledgedWhenShutdownStarted + " to "
                    + acknowledgedWhenDown + " acknowledged", summary[0], sends, read);
            assertThat(acknowledgedWhenShutdownStarted).as("shut down mid-stream").isLessThan(events);
            assertThat(summary).containsExactly(events, events, 0);
            assertThat(figures.distinct()).isEqualTo(events);
            assertThat(figures.lost()).isZero();
            assertThat(figures.duplicated()).isZero();
        }
    }

    @Test
    void aGroupOfThreeConsumersReadsEveryEventWhileABrokerDies() throws Exception {
        int events = 5_000; // paced at 1 ms: still flowing when the coordinator's controlled shutdown ends
        try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start()) {
            String topic = "three-brokers-group-" + System.nanoTime();
            cluster.createReplicatedTopic(topic, 3);
            String[] consumerArgs = {"--bootstrap-server", cluster.bootstrapServers(), "--topic", topic,
                "--group", topic, "--output", "json"};
            List<ProgramRun> consumers = IntStream.range(0, 3).mapToObj(i -> ProgramRun.stoppableConsumer(consumerArgs)).toList();
            ProgramRun producer = ProgramRun.producer("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic,
                    "--key", "user_id", "--interval", "1ms", "--max-messages", String.valueOf(events), "--output", "json");

            // Every consumer has a partition and has read from it: the group is complete and busy.
            for (ProgramRun consumer : consumers) {
                consumer.awaitOutLines(1, LIMIT);
            }
            int coordinator;
            try (Admin admin = cluster.admin()) {
                coordinator = admin.describeConsumerGroups(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                        .coordinator().id();
            }
            long readWhenShutdownStarted = totalRead(consumers);
            cluster.shutDownBroker(coordinator);
            long readWhenDown = totalRead(consumers);

            assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
            long[] summary = Figures.producerSummary(producer.err());
            Figures.Sends sends = Figures.Sends.of(producer.out());
            await().atMost(LIMIT).until(() -> distinctRead(consumers) >= sends.acknowledged().size());
            for (ProgramRun consumer : consumers) {
                consumer.stop();
                assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
            }

            Figures figures = Figures.count("three brokers, group of three", "three brokers: group coordinator (broker "
                    + coordinator + ") shut down under three consumers, from " + readWhenShutdownStarted + " to "
                    + readWhenDown + " read", summary[0], sends,
                    consumers.stream().flatMap(c -> EventIds.inJsonLines(c.out()).stream()).toList());
            assertThat(readWhenShutdownStarted).as("shut down mid-stream").isLessThan(events);
            assertThat(summary).containsExactly(events, events, 0);
            assertThat(figures.distinct()).isEqualTo(events);
            assertThat(figures.lost()).isZero();
        }
    }

    private static long totalRead(List<ProgramRun> consumers) {
        return consumers.stream().mapToLong(ProgramRun::outLines).sum();
    }

    private static long distinctRead(List<ProgramRun> consumers) {
        Set<String> ids = new HashSet<>();
        consumers.forEach(c -> ids.addAll(EventIds.inJsonLines(c.out())));
        return ids.size();
    }

    private static int leaderOf(ThreeBrokerCluster cluster, String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().get(0).leader().id();
        }
    }
}

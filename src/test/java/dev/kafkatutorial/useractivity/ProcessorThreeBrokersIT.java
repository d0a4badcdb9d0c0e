package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.ThreeBrokerCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * The processor on three brokers, its input and output replicated three times with min.insync.replicas=2: the
 * leader of an output partition is shut down mid-stream, and the output, read with read_committed, still holds
 * every input event exactly once.
 */
class ProcessorThreeBrokersIT {

    private static final int EVENTS = 4_000;
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void exactlyOnceHoldsThroughALeaderShutdown() throws Exception {
        try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start()) {
            String input = "processor-three-in-" + System.nanoTime();
            String output = input.replace("-in-", "-out-");
            cluster.createReplicatedTopic(input, 3);
            cluster.createReplicatedTopic(output, 3);
            String bootstrap = cluster.bootstrapServers();
            JarProcess processor = JarProcess.start("processor", "--bootstrap-server", bootstrap, "--topic", input,
                    "--output-topic", output, "--group", input, "--property", "max.poll.records=100");
            try {
                await().atMost(LIMIT).until(() -> processor.err().contains("======= ") || !processor.isAlive());
                // Paced (8 s at least), so events still flow through the processor after the controlled shutdown.
                ProgramRun producer = ProgramRun.producer("--bootstrap-server", bootstrap, "--topic", input,
                        "--key", "user_id", "--interval", "2ms", "--max-messages", String.valueOf(EVENTS),
                        "--output", "json"); // one line per acknowledged event: the ids the output must hold
                await().atMost(LIMIT).until(() -> TransactionalReads.committedEvents(processor.out()) >= 300
                        || !processor.isAlive());
                int leader = leaderOfPartitionZero(cluster, output);
                long committedWhenShutdownStarted = TransactionalReads.committedEvents(processor.out());
                cluster.shutDownBroker(leader);
                long committedWhenDown = TransactionalReads.committedEvents(processor.out());

                assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
                long[] summary = Figures.producerSummary(producer.err());
                assertThat(summary).containsExactly(EVENTS, EVENTS, 0);
                TransactionalReads.awaitCommitted(bootstrap, output, EVENTS, Duration.ofSeconds(45));
                processor.terminate(Duration.ofSeconds(20));

                Set<String> in = new HashSet<>(EventIds.inTopic(bootstrap, input, LIMIT));
                List<String> committed = EventIds.inTopic(bootstrap, output, "read_committed", LIMIT);
                List<String> uncommitted = EventIds.inTopic(bootstrap, output, "read_uncommitted", LIMIT);
                Figures.count("processor, three brokers", "three brokers: leader of an output partition (broker " + leader
                        + ") shut down under the processor, from " + committedWhenShutdownStarted + " to " + committedWhenDown
                        + " committed; output read with read_committed (read_uncommitted: " + uncommitted.size() + ")",
                        summary[0], Figures.Sends.of(producer.out()), committed);

                assertThat(committedWhenDown).as("the broker was down mid-stream").isLessThan(EVENTS);
                assertThat(in).hasSize(EVENTS);
                assertThat(new HashSet<>(committed)).isEqualTo(in);
                assertThat(TransactionalReads.repeated(committed)).as("ids written twice").isEmpty();
                assertThat(processor.err()).contains("프로세서 종료 - ").doesNotContain("\tat ");
            } finally {
                if (processor.isAlive()) {
                    processor.kill();
                }
            }
        }
    }

    private static int leaderOfPartitionZero(ThreeBrokerCluster cluster, String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().get(0)
                    .leader().id();
        }
    }
}

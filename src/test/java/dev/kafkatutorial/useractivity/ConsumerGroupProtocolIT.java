package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code consumer --group-protocol consumer} (KIP-848) on the real broker: the broker assigns, lines say so. */
class ConsumerGroupProtocolIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Test
    void twoMembersOfTheConsumerProtocolShareThePartitionsAndSayTheirEpochs() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("kip848", 2, 200);
        String group = topic.group();
        ProgramRun first = topic.consumer("--group", group, "--group-protocol", "consumer", "--explain",
                "--output", "json", "--lang", "en", "--timeout-ms", "20000");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!first.err().contains("Partitions assigned: 0, 1 (consumer protocol, member epoch")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(first.err()).contains("Partitions assigned: 0, 1 (consumer protocol, member epoch");
        topic.produce(100);
        ProgramRun second = topic.consumer("--group", group, "--group-protocol", "consumer",
                "--output", "json", "--lang", "en", "--timeout-ms", "15000");
        assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();
        assertThat(first.awaitExit(LIMIT)).as(first.err()).isZero();

        // The broker moved one partition to the newcomer: the first member gave up only that one.
        assertThat(first.err()).containsPattern("Partitions revoked: [01] =======");
        assertThat(second.err()).containsPattern("Partitions assigned: [01] \\(consumer protocol, member epoch \\d+\\)");
        assertThat(first.err()).contains("Explain: group " + group + " consumer protocol, member epoch",
                "assignment: the broker's, by its group.consumer.assignors");
        List<String> ids = new ArrayList<>(EventIds.inJsonLines(first.out()));
        ids.addAll(EventIds.inJsonLines(second.out()));
        assertThat(ids).as("every event, by id, between the two").containsAll(EventIds.inJsonLines(first.out()))
                .hasSizeGreaterThanOrEqualTo(300);
        assertThat(new java.util.HashSet<>(ids)).hasSize(300);

        // Kafka's own tool lists the group as a consumer group on the consumer protocol.
        Shell.Result groups = new Shell(java.nio.file.Path.of("").toAbsolutePath(), java.util.Map.of()).run(
                "./kafka.sh kafka-groups --bootstrap-server " + dev.kafkatutorial.useractivity.broker.TestKafka.bootstrapServers()
                        + " --list", Duration.ofMinutes(3));
        assertThat(groups.code()).as(groups.toString()).isZero();
        assertThat(groups.out().lines().filter(l -> l.startsWith(group + " ")).toList()).as(groups.toString())
                .singleElement().asString().matches(group + "\\s+Consumer\\s+consumer\\s*");
    }
}

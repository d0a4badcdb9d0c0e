package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scripts a reader types: create_topic.sh's checks of its arguments and its word on an existing topic, and
 * local-broker.sh's memory of the port and data directory it started on (its three brokers: LocalClusterIT).
 * Every broker here is on a port of the test's own (or the test broker), never 9092.
 */
class ScriptsIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private static Shell shell(Map<String, String> environment) {
        return new Shell(PROJECT, environment);
    }

    /** Refused before any Kafka tool runs: exit 2, one line naming the problem, nothing created. */
    @ParameterizedTest(name = "./create_topic.sh {0}")
    @CsvSource(delimiter = '|', value = {
        "t 99999999999999999999 1 | partitions '99999999999999999999' is out of range: use 1 to 2147483647",
        "t 2147483648 1           | partitions '2147483648' is out of range",
        "t 0 1                    | partitions '0' is out of range",
        "t 1 32768                | replication factor '32768' is out of range: use 1 to 32767",
        "t 1 one                  | replication factor 'one' is not a whole number",
        "-x 1 1                   | '-x' starts with '-'",
        "a/b 1 1                  | 'a/b' is not a valid topic name",
        ".. 1 1                   | '..' is not a valid topic name",
        "t 1                      | expected 3 arguments, got 2",
    })
    void createTopicRefusesABadArgumentInOneLine(String args, String names) throws Exception {
        Shell.Result run = shell(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1")).run("./create_topic.sh " + args, LIMIT);
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.toString()).singleElement().asString()
                .startsWith("create_topic.sh: ").contains(names);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void createTopicHelpIsUsageNotATopic() throws Exception {
        Shell.Result run = shell(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1")).run("./create_topic.sh --help 1 1", LIMIT);
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("usage: ./create_topic.sh TOPIC PARTITIONS REPLICATION_FACTOR");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void createTopicSaysAnExistingTopicKeepsItsPartitions() throws Exception {
        String topic = "scripts-existing-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);

        Shell.Result run = shell(Map.of("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()))
                .run("./create_topic.sh " + topic + " 3 1", LIMIT);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).doesNotContain("Created topic").contains("PartitionCount: 1")
                .contains("Topic " + topic + " already exists with 1 partition(s) and replication factor 1, "
                        + "not the 3 and 1 asked for: left as it is.");
    }

    /**
     * local-broker.sh remembers the port and the data directory it started with: status and a second start say
     * them, a start asking for another port or directory is refused and names the running one, and after stop,
     * wipe deletes the directory it started with, whatever KAFKA_DATA_DIR says then (issue 22, item 16).
     */
    @Test
    void localBrokerRemembersThePortAndTheDataDirectoryItStartedOn() throws Exception {
        int port = freePort();
        int otherPort = freePort();
        Path dataDir = Files.createTempDirectory("scripts-kafka-");
        Path otherDir = Files.createTempDirectory("scripts-kafka-other-");
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_PORT", String.valueOf(port));
        environment.put("KAFKA_DATA_DIR", dataDir.toString());
        Map<String, String> anyPort = new HashMap<>(environment);
        anyPort.put("KAFKA_PORT", null);
        Map<String, String> otherPortAsked = new HashMap<>(environment);
        otherPortAsked.put("KAFKA_PORT", String.valueOf(otherPort));
        Map<String, String> otherDirAsked = new HashMap<>(environment);
        otherDirAsked.put("KAFKA_DATA_DIR", otherDir.toString());
        Map<String, String> nothingSet = new HashMap<>(anyPort);
        nothingSet.put("KAFKA_DATA_DIR", null);
        try {
            Shell.Result start = shell(environment).run("./local-broker.sh start", LIMIT);
            assertThat(start.code()).as(start.toString()).isZero();
            assertThat(start.out()).contains("broker ready on localhost:" + port).doesNotContain("Ctrl+C");

            Shell.Result status = shell(anyPort).run("./local-broker.sh status", LIMIT);
            assertThat(status.out()).as(status.toString()).contains("is running").contains("on localhost:" + port + ".");

            Shell.Result again = shell(anyPort).run("./local-broker.sh start", LIMIT);
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.out()).contains("already running").contains("on localhost:" + port + ".");

            Shell.Result elsewhere = shell(otherPortAsked).run("./local-broker.sh start", LIMIT);
            assertThat(elsewhere.code()).as(elsewhere.toString()).isEqualTo(1);
            assertThat(elsewhere.err().lines().toList()).singleElement().asString()
                    .contains("already running", "on localhost:" + port + ", not on " + otherPort);

            Shell.Result otherData = shell(otherDirAsked).run("./local-broker.sh start", LIMIT);
            assertThat(otherData.code()).as(otherData.toString()).isEqualTo(1);
            assertThat(otherData.err().lines().toList()).as(otherData.toString()).singleElement().asString()
                    .contains("already running", "with its data in " + dataDir + ", not in " + otherDir);
        } finally {
            Shell.Result stop = shell(anyPort).run("./local-broker.sh stop", LIMIT);
            assertThat(stop.out()).as(stop.toString()).contains("stopped").contains(dataDir.toString());
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        Shell.Result wipe = shell(nothingSet).run("./local-broker.sh wipe", LIMIT);
        assertThat(wipe.code()).as(wipe.toString()).isZero();
        assertThat(wipe.out()).as(wipe.toString()).contains("data in " + dataDir + " is deleted");
        assertThat(dataDir).doesNotExist();
        assertThat(otherDir).exists();
        Files.delete(otherDir);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

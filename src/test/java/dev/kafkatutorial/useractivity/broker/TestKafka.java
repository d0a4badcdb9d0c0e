package dev.kafkatutorial.useractivity.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one place that decides which broker the integration tests talk to: one per test JVM, started on first
 * use. Tests ask only for its address, never for a kind of broker, so every test runs on both.
 *
 * <p>{@code -Dkafka.broker=}{@code testcontainers} runs {@code apache/kafka} (tagged with the clients' own
 * version) in Docker, {@code embedded} runs Kafka's own server in this JVM, and {@code auto} (the default)
 * takes Testcontainers where Docker runs and the embedded broker elsewhere.
 */
public final class TestKafka {

    /** The property that picks the broker. */
    public static final String BROKER_PROPERTY = "kafka.broker";

    private static String bootstrapServers;
    private static String kind;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            start();
        }
        return bootstrapServers;
    }

    /** {@code testcontainers} or {@code embedded}: which broker this JVM's tests talk to. */
    public static synchronized String kind() {
        bootstrapServers();
        return kind;
    }

    /** Creates a topic with replication factor 1 on this JVM's test broker and waits until it exists. */
    public static void createTopic(String name, int partitions) {
        createTopic(bootstrapServers(), name, partitions);
    }

    /** Creates a topic with replication factor 1 on the broker at {@code bootstrapServers}. */
    public static void createTopic(String bootstrapServers, String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name, e.getCause() == null ? e : e.getCause());
        }
    }

    private static void start() {
        String choice = System.getProperty(BROKER_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "testcontainers" -> startContainer();
            case "embedded" -> startEmbedded();
            case "auto", "" -> {
                if (DockerClientFactory.instance().isDockerAvailable()) {
                    startContainer();
                } else {
                    startEmbedded();
                }
            }
            default -> throw new IllegalArgumentException(
                    "-D" + BROKER_PROPERTY + "=" + choice + ": use testcontainers, embedded or auto");
        }
        System.out.println("Integration tests talk to the " + kind + " Kafka broker at " + bootstrapServers);
    }

    private static void startContainer() {
        // The same Kafka version as the clients, so both brokers the tests run on are one release.
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion()));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-container"));
        bootstrapServers = container.getBootstrapServers();
        kind = "testcontainers";
    }

    private static void startEmbedded() {
        try {
            Path dataDir = Files.createTempDirectory("kafka-it-");
            LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-test-broker"));
            bootstrapServers = broker.bootstrapServers();
            kind = "embedded";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

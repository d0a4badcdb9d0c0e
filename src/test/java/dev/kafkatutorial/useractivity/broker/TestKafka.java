package dev.kafkatutorial.useractivity.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The one place that decides which broker the integration tests talk to: one per test JVM, started on first
 * use. Tests only ask for its address, never for a particular kind of broker.
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = startEmbedded();
        }
        return bootstrapServers;
    }

    /** Creates a topic with replication factor 1 and waits until it exists. */
    public static void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topic " + name, e.getCause());
        }
    }

    private static String startEmbedded() {
        try {
            Path dataDir = Files.createTempDirectory("kafka-it-");
            LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-test-broker"));
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

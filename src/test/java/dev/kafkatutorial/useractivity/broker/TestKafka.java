package dev.kafkatutorial.useractivity.broker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * The one place that decides which broker the integration tests talk to: one per test JVM, started on first
 * use. Tests ask only for its address, never for a kind of broker, so every test runs on both.
 *
 * <p>{@code -Dkafka.broker=}{@code testcontainers} runs {@code apache/kafka} (tagged with the clients' own
 * version, or {@code -Dkafka.image=}) in Docker, {@code embedded} runs Kafka's own server in this JVM, and
 * {@code auto} (the default) takes Testcontainers where Docker runs and has the images, and the embedded broker
 * elsewhere, saying why in one line.
 */
public final class TestKafka {

    /** The property that picks the broker. */
    public static final String BROKER_PROPERTY = "kafka.broker";

    /** A local image to run instead of {@code apache/kafka}, for a machine without registry access. */
    public static final String IMAGE_PROPERTY = "kafka.image";
    public static final String IMAGE_ENV = "KAFKA_TEST_IMAGE";
    private static final String DEFAULT_IMAGE = "apache/kafka";
    private static final Duration DECIDE_WITHIN = Duration.ofSeconds(20);

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

    /** A program's arguments to reach this JVM's test broker: {@code --bootstrap-server ADDRESS}, then {@code more}. */
    public static String[] bootstrapArgs(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--bootstrap-server";
        args[1] = bootstrapServers();
        System.arraycopy(more, 0, args, 2, more.length);
        return args;
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
                long asked = System.nanoTime();
                String why = whyNoContainer();
                if (why == null) {
                    startContainer();
                } else {
                    System.out.println("Not using Testcontainers: " + why + "; the in-JVM broker instead (decided in "
                            + Duration.ofNanos(System.nanoTime() - asked).toMillis() + " ms)");
                    startEmbedded();
                }
            }
            default -> throw new IllegalArgumentException(
                    "-D" + BROKER_PROPERTY + "=" + choice + ": use testcontainers, embedded or auto");
        }
        System.out.println("Integration tests talk to the " + kind + " Kafka broker at " + bootstrapServers);
    }

    /**
     * The Testcontainers image: {@code apache/kafka} at the clients' own version, so both brokers the tests run on
     * are one release; or, with {@code -Dkafka.image=} or {@code $KAFKA_TEST_IMAGE}, a local stand-in for it
     * (CI builds one, since it reaches no registry).
     */
    static DockerImageName image() {
        String image = System.getProperty(IMAGE_PROPERTY, "").isBlank()
                ? System.getenv().getOrDefault(IMAGE_ENV, "") : System.getProperty(IMAGE_PROPERTY);
        return image.isBlank() ? DockerImageName.parse(DEFAULT_IMAGE + ":" + AppInfoParser.getVersion())
                : DockerImageName.parse(image.trim()).asCompatibleSubstituteFor(DEFAULT_IMAGE);
    }

    /**
     * Why {@code auto} cannot use Testcontainers here, or null if it can: Docker must answer, and the images a
     * container needs must be present already. A Docker engine that cannot pull (no registry access) would
     * otherwise make every test wait minutes for a pull that never ends. Asks the engine directly, without
     * Testcontainers' own start-up (which pulls Ryuk's image first), and within {@link #DECIDE_WITHIN}.
     */
    static String whyNoContainer() {
        CompletableFuture<String> decision = CompletableFuture.supplyAsync(() -> {
            TransportConfig transport;
            try {
                transport = DockerClientFactory.instance().getTransportConfig();
            } catch (RuntimeException e) {
                return "no Docker engine answers";
            }
            try (DockerClient docker = DockerClientProviderStrategy.getClientForConfig(transport)) {
                String kafka = image().asCanonicalNameString();
                try {
                    docker.inspectImageCmd(kafka).exec();
                } catch (NotFoundException e) {
                    return "Docker answers but has no image " + kafka + " (docker pull " + kafka + " to use it; with no "
                            + "registry, -Dkafka.broker=embedded, or -Dkafka.image=a local image)";
                }
                // Testcontainers' reaper container; its tag is Testcontainers' own choice, so any local one will do.
                String ryuk = DockerImageName.parse(TestcontainersConfiguration.getInstance().getRyukImage())
                        .getRepository();
                if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
                        && docker.listImagesCmd().withImageNameFilter(ryuk).exec().isEmpty()) {
                    return "Docker answers but has no image " + ryuk + " (with no registry, set "
                            + "TESTCONTAINERS_RYUK_DISABLED=true, or -Dkafka.broker=embedded)";
                }
                return null;
            } catch (IOException e) {
                return "Docker could not be asked (" + e + ")";
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "decide-broker");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            return decision.get(DECIDE_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "Docker did not answer within " + DECIDE_WITHIN.toSeconds() + " s";
        } catch (ExecutionException e) {
            return "Docker could not be asked (" + e.getCause() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void startContainer() {
        // As LocalKafkaBroker: share groups on one broker (their state topic's one replica), and a share group's
        // member served one heartbeat (1 s, not 5 s) after it joins.
        KafkaContainer container = new KafkaContainer(image())
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_SHARE_MIN_HEARTBEAT_INTERVAL_MS", "1000")
                .withEnv("KAFKA_GROUP_SHARE_HEARTBEAT_INTERVAL_MS", "1000");
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

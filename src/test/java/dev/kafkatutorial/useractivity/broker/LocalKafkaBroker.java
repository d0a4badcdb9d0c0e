package dev.kafkatutorial.useractivity.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Apache Kafka's own KRaft server (the same version as the clients), running in this JVM as one node that is
 * both broker and controller: what {@code docker-compose up -d} gives the tutorial's readers, without Docker.
 *
 * <p>Data lives in {@code dataDir} and survives {@link #stop()} and a new {@link #start} on the same directory:
 * the storage is formatted only the first time.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final String META_PROPERTIES = "meta.properties";
    private static final int NODE_ID = 1;

    /** Server properties whose values list one entry per listener: an override adds to them. */
    private static final List<String> PER_LISTENER = List.of(
            "listeners", "advertised.listeners", "listener.security.protocol.map");

    private final int port;
    private final Path dataDir;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    /**
     * {@code mvn -q test-compile exec:java@broker}: a broker on localhost:9092 (or {@code --port N}) with its
     * data under {@code target/local-kafka} (or {@code --data-dir DIR}), until Ctrl+C.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        Path dataDir = Path.of("target", "local-kafka");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> fail("unknown option " + args[i] + " (use --port N, --data-dir DIR)");
            }
        }
        if (args.length % 2 != 0) {
            fail("unknown option " + args[args.length - 1] + " (use --port N, --data-dir DIR)");
        }
        if (!isFree(port)) {
            fail("port " + port + " is already in use: is a broker already running (docker-compose ps)? "
                    + "Stop it, or use -Dexec.args=\"--port 9093\"");
        }
        LocalKafkaBroker broker = start(port, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            System.err.println("Local Kafka broker stopped (data kept in " + broker.dataDir() + ")");
            stopped.countDown();
        }, "stop-local-broker"));
        // Two lines: local-broker.sh shows the first only, since its background broker stops with `stop`, not Ctrl+C.
        System.out.println("Local Kafka " + AppInfoParser.getVersion() + " broker ready on " + broker.bootstrapServers()
                + " (data: " + broker.dataDir() + ").");
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("local broker: " + message);
        System.exit(2);
    }

    /** Whether nothing listens on localhost:port yet. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private LocalKafkaBroker(int port, Path dataDir, Map<String, String> overrides) {
        this.port = port;
        this.dataDir = dataDir;
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts a broker on {@code localhost:port} (0: any free port) and returns once it serves clients. */
    public static LocalKafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, Map.of());
    }

    /**
     * As {@link #start(int, Path)}, with server properties over the defaults: a security test's SASL listener,
     * authorizer and users. {@code listeners}, {@code advertised.listeners} and
     * {@code listener.security.protocol.map} add to the defaults, so the PLAINTEXT listener at
     * {@link #bootstrapServers()} stays (the broker's own, and a test's way in as a super user).
     */
    public static LocalKafkaBroker start(int port, Path dataDir, Map<String, String> overrides) {
        LocalKafkaBroker broker = new LocalKafkaBroker(port == 0 ? freePort() : port, dataDir.toAbsolutePath(),
                overrides);
        broker.startServer();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server and waits until it is down; its port and data stay for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the server again on the same port and data, as after a broker restart. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        Properties properties = serverProperties(freePort());
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        formatOnce();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
    }

    private Properties serverProperties(int controllerPort) {
        Properties p = new Properties();
        // One node as broker and controller, as the tutorial's single-broker docker-compose environment.
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        // Loopback only: a developer's broker is nobody else's business.
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // The tutorial's broker creates a topic on first use, with one partition.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        // One broker can hold one copy of Kafka's internal topics; the defaults (3) would never be satisfied.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // A share group's member gets its first records one heartbeat after it joins: 5 s by default, which a
        // learner's `--timeout-ms 5000` does not wait out. One second, as the brokers of local-broker.sh and compose.
        p.put("group.share.min.heartbeat.interval.ms", "1000");
        p.put("group.share.heartbeat.interval.ms", "1000");
        // Fewer partitions for the group offsets topic: created on the first consumer's join, 50 take seconds.
        p.put("offsets.topic.num.partitions", "5");
        // A consumer gets its partitions at once instead of after the default 3 s wait for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner's dedupe buffer is allocated on the heap up front: 128 MiB by default, far more
        // than a tutorial's compacted topics (the group offsets) ever need.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        overrides.forEach((name, value) -> p.put(name,
                PER_LISTENER.contains(name) ? p.getProperty(name) + "," + value : value));
        return p;
    }

    /** Formats the storage on first use only, so data (and the cluster id) survive restarts. */
    private void formatOnce() {
        if (Files.exists(dataDir.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** startup() returns before the broker is unfenced; wait until it answers a client like the real thing. */
    private void awaitReady(Duration limit) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            long deadline = System.nanoTime() + limit.toNanos();
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                    last = null; // answered, with no broker registered yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                } catch (Exception e) {
                    last = e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                }
            }
            throw new IllegalStateException("Kafka broker did not become ready on " + bootstrapServers() + " within "
                    + limit, last);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

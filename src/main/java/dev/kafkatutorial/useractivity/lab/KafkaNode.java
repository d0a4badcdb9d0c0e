package dev.kafkatutorial.useractivity.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One node of a three-broker cluster, as an OS process of its own so that {@code kill -9} is real: the
 * controller (node 0) or a broker (node 1, 2 or 3). {@code local-broker.sh start --brokers 3} and
 * {@code lab durability} start four of these. Kafka's broker classes are not in the runnable jar (provided
 * scope); {@link ServerClasspath} puts them on this process's classpath.
 *
 * <pre>
 * java -cp ... dev.kafkatutorial.useractivity.lab.KafkaNode controller|broker NODE_ID PORT CONTROLLER_PORT DATA_DIR CLUSTER_ID [PARENT_PID]
 * </pre>
 *
 * <p>The controller is a node of its own, not a fourth role of a broker: with the metadata quorum inside the
 * brokers, killing two of three brokers would also take the quorum away, and no leader could be elected at
 * all, cleanly or not. Production clusters separate them the same way. SIGTERM stops the node cleanly (a
 * broker hands its leaderships over first); with {@code PARENT_PID} it also stops, hard, when that process is
 * gone, so a lab killed with {@code kill -9} leaves no broker behind.
 */
public final class KafkaNode {

    /** The controller's node id; the brokers are 1, 2 and 3, as Kafka's tools print them. */
    public static final int CONTROLLER = 0;

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6 || !List.of("controller", "broker").contains(args[0])) {
            System.err.println("usage: KafkaNode controller|broker NODE_ID PORT CONTROLLER_PORT DATA_DIR CLUSTER_ID "
                    + "[PARENT_PID]");
            System.exit(2);
        }
        boolean broker = args[0].equals("broker");
        int nodeId = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);
        Path dataDir = Path.of(args[4]).toAbsolutePath();
        int listenPort = broker ? port : controllerPort;
        if (!isFree(listenPort)) {
            System.out.println("Kafka " + args[0] + " " + nodeId + " cannot start: port " + listenPort
                    + " is already in use (another broker? choose other ports with KAFKA_PORT)");
            System.exit(2);
        }
        Properties properties = broker ? brokerProperties(nodeId, port, controllerPort, dataDir)
                : controllerProperties(controllerPort, dataDir);
        logging();
        formatOnce(nodeId, dataDir, args[5]);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "stop-kafka-node"));
        server.startup();
        if (args.length > 6) {
            watchParent(Long.parseLong(args[6]));
        }
        if (broker) {
            awaitRegistered(nodeId, port, Duration.ofSeconds(120));
        }
        System.out.println("Kafka " + args[0] + " " + nodeId + " ready on localhost:" + (broker ? port : controllerPort));
        server.awaitShutdown();
    }

    private static Properties common(int nodeId, int controllerPort, Path dataDir) {
        Properties p = new Properties();
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", CONTROLLER + "@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", dataDir.toString());
        // What production clusters use, so that a topic the producer creates on first use (user_activity) is
        // safe at once: three copies, and an acknowledged event on at least two of them.
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("num.partitions", "1");
        return p;
    }

    static Properties controllerProperties(int controllerPort, Path dataDir) {
        Properties p = common(CONTROLLER, controllerPort, dataDir);
        p.put("process.roles", "controller");
        p.put("listeners", "CONTROLLER://localhost:" + controllerPort);
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT");
        // A broker that stops sending heartbeats (killed) is fenced after this long: its replicas leave every
        // ISR and the partitions it led get a new leader. Kafka's 9 s is for networks; on one machine 4 s is
        // plenty and keeps the learner's wait short.
        p.put("broker.session.timeout.ms", "4000");
        // How often the controller looks for leaderless partitions whose topic allows unclean leader election.
        // Kafka's default is 5 minutes (an internal setting); once a second lets a lab row see it happen.
        p.put("unclean.leader.election.interval.ms", "1000");
        return p;
    }

    static Properties brokerProperties(int nodeId, int port, int controllerPort, Path dataDir) {
        Properties p = common(nodeId, controllerPort, dataDir);
        p.put("process.roles", "broker");
        // Loopback only: a developer's brokers are nobody else's business.
        p.put("listeners", "PLAINTEXT://localhost:" + port);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.create.topics.enable", "true");
        // Kafka's internal topics on all three brokers as well, as in production.
        p.put("offsets.topic.replication.factor", "3");
        p.put("offsets.topic.num.partitions", "5"); // created on the first consumer's join: 50 take seconds
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner's buffer is taken from the heap up front (128 MiB by default); a tutorial needs little.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        return p;
    }

    /** Warnings and errors, each with its time; slf4j-simple reads these before its first logger. */
    private static void logging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
    }

    /** Formats the storage on first use only, so data (and the cluster id) survive restarts. */
    private static void formatOnce(int nodeId, Path dataDir, String clusterId) throws Exception {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(dataDir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setDirectories(List.of(dataDir.toString()))
                .setMetadataLogDirectory(dataDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
    }

    /** startup() returns before the broker is registered and unfenced; wait until the cluster lists it. */
    private static void awaitRegistered(int nodeId, int port, Duration limit) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .anyMatch(node -> node.id() == nodeId)) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the listener or the metadata is not up yet
                }
                Thread.sleep(100);
            }
        }
        System.err.println("Kafka broker " + nodeId + " did not register with the controller within " + limit);
        Runtime.getRuntime().halt(1);
    }

    /** Whether nothing listens on localhost:port yet. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void watchParent(long parentPid) {
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137); // as kill -9: the lab that owned this node is gone
        }, "watch-parent");
        watch.setDaemon(true);
        watch.start();
    }
}

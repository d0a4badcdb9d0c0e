package dev.kafkatutorial.useractivity.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * A controller and three brokers of the lab's own, each a {@link KafkaNode} in an OS process, on free ports,
 * with their data in one temporary directory: {@link #kill} is a real {@code kill -9}. {@link #close()} kills
 * whatever still runs and deletes the directory; each node also stops by itself when this JVM is gone.
 */
final class LabCluster implements AutoCloseable {

    static final List<Integer> BROKERS = List.of(1, 2, 3);
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /** {@code user-activity-lab-PID-RANDOM} in the system's temporary directory. */
    private static final String PREFIX = "user-activity-lab-";

    private final Path dir;
    private final String classpath;
    private final LabLines lines;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int[] ports; // index: node id (0 is the controller)
    private final Map<Integer, Process> processes = new ConcurrentHashMap<>();
    private boolean closed;

    private LabCluster(Path dir, String classpath, LabLines lines) {
        this.dir = dir;
        this.classpath = classpath;
        this.lines = lines;
        this.ports = freePorts(4);
    }

    /**
     * Creates the cluster's directory and ports; {@link #startAll()} starts it. The directory's name carries this
     * JVM's pid, so a lab killed with {@code kill -9} (its brokers stop by themselves) has its data removed by the
     * next one.
     */
    static LabCluster create(String classpath, LabLines lines) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> old = Files.list(tmp)) {
            old.filter(LabCluster::leftBehind).forEach(LabCluster::delete);
        }
        return new LabCluster(Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-"), classpath,
                lines);
    }

    /** A lab directory whose JVM is gone. */
    static boolean leftBehind(Path dir) {
        String[] name = dir.getFileName().toString().split("-");
        if (!dir.getFileName().toString().startsWith(PREFIX) || name.length < 5) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(name[3])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }

    Path dir() {
        return dir;
    }

    int firstPort() {
        return ports[1];
    }

    String bootstrapServers() {
        return "localhost:" + ports[1] + ",localhost:" + ports[2] + ",localhost:" + ports[3];
    }

    /** The controller, then the three brokers at once; returns when all serve. */
    void startAll() throws LabException, InterruptedException {
        start(List.of(KafkaNode.CONTROLLER));
        start(BROKERS);
    }

    /** Starts the nodes given, all at once, and waits until each is ready. */
    void start(List<Integer> nodes) throws LabException, InterruptedException {
        Map<Integer, Long> from = new ConcurrentHashMap<>();
        for (int node : nodes) {
            from.put(node, launch(node));
        }
        for (int node : nodes) {
            awaitReady(node, from.get(node));
        }
    }

    /** SIGKILL: the broker gets no chance to hand anything over, as in a crash or a power cut. */
    void kill(int node) throws InterruptedException {
        Process process = processes.remove(node);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Idempotent, and safe from a shutdown hook while the lab's thread starts a node: none starts after it. */
    @Override
    public synchronized void close() {
        closed = true;
        new ArrayList<>(processes.keySet()).forEach(node -> {
            try {
                kill(node);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // nothing left to do about it; the directory is in the system's temporary directory
        }
    }

    /** Starts the node's process; returns the length of its log before, where this start's lines begin. */
    private synchronized long launch(int node) throws LabException {
        if (closed) {
            throw new LabException(lines.stopped());
        }
        boolean controller = node == KafkaNode.CONTROLLER;
        Path log = log(node);
        try {
            long before = Files.exists(log) ? Files.size(log) : 0;
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    controller ? "-Xmx192m" : "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, KafkaNode.class.getName(), controller ? "controller" : "broker",
                    String.valueOf(node), String.valueOf(ports[node]), String.valueOf(ports[0]),
                    dir.resolve(controller ? "controller" : "broker-" + node).toString(), clusterId,
                    String.valueOf(ProcessHandle.current().pid()));
            processes.put(node, new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
            return before;
        } catch (IOException e) {
            throw new LabException(lines.nodeDidNotStart(name(node), e.getMessage()));
        }
    }

    private void awaitReady(int node, long from) throws LabException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            String output = output(node, from);
            if (output.contains(" ready on ")) {
                return;
            }
            Process process = processes.get(node);
            if (process == null || !process.isAlive()) {
                List<String> last = output.lines().toList();
                throw new LabException(lines.nodeDidNotStart(name(node), last.isEmpty() ? "?" : last.get(last.size() - 1)));
            }
            Thread.sleep(100);
        }
        throw new LabException(lines.nodeDidNotStart(name(node), "not ready within " + READY_WITHIN.toSeconds() + " s"));
    }

    private String output(int node, long from) {
        try {
            byte[] all = Files.readAllBytes(log(node));
            return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Path log(int node) {
        return dir.resolve("node-" + node + ".log");
    }

    private static String name(int node) {
        return node == KafkaNode.CONTROLLER ? "controller" : "broker " + node;
    }

    /** Ports nobody listens on, all different: each socket stays open until the last one is taken. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a port we only looked at
                }
            });
        }
    }
}

package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.AuditTally;
import dev.kafkatutorial.useractivity.cli.Cli;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code lab durability}: what acks, min.insync.replicas and unclean leader election really keep, measured. It
 * starts its own three brokers ({@link LabCluster}), and for each row of settings creates a topic of three
 * replicas, streams events into it while {@link Faults} kills brokers hard, brings them back, reads the topic and
 * counts by event id ({@link AuditTally}, as {@code consumer --audit}): acknowledged, failed, lost, duplicated.
 * Whatever a run measures is what it prints: a row that happened to lose nothing says 0.
 */
public final class DurabilityLab {

    private static final Duration READ_WITHIN = Duration.ofSeconds(60);

    private final DurabilityOptions options;
    private final LabLines lines;
    private final PrintStream out;
    private final PrintStream err;

    private DurabilityLab(DurabilityOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.lines = new LabLines(options.language());
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        DurabilityOptions options = new DurabilityOptions();
        return Cli.execute(options, args, out, err, () -> new DurabilityLab(options, out, err).run());
    }

    private int run() throws Exception {
        Cli.configureLogging(false);
        long start = System.nanoTime();
        List<DurabilityTable.Row> rows = new ArrayList<>();
        try (LabCluster cluster = LabCluster.create(ServerClasspath.of(lines), lines)) {
            // Ctrl+C (or SIGTERM) mid-row: the hook kills the brokers and deletes their data before the JVM exits.
            Thread hook = new Thread(() -> {
                err.println(lines.stopped());
                cluster.close();
            }, "stop-lab");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                err.println(lines.starting(cluster.dir(), cluster.firstPort()));
                cluster.startAll();
                err.println(lines.started(Duration.ofNanos(System.nanoTime() - start)));
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers()))) {
                    List<Settings> settings = options.rows();
                    for (int i = 0; i < settings.size(); i++) {
                        rows.add(row(i + 1, settings.size(), settings.get(i), cluster, admin));
                    }
                }
            } finally {
                removeHook(hook);
            }
        } catch (LabException e) {
            err.println(e.getMessage());
            return Cli.FAILED;
        }
        if (options.output() == DurabilityOptions.Output.json) {
            DurabilityTable.json(rows, out);
        } else {
            DurabilityTable.text(rows, options.events(), Duration.ofNanos(System.nanoTime() - start), lines, out);
        }
        out.flush();
        return Cli.OK;
    }

    private DurabilityTable.Row row(int index, int count, Settings settings, LabCluster cluster, Admin admin)
            throws Exception {
        String topic = "durability-" + index;
        // One partition with a copy on each broker; the topic's own settings are the row's.
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 3).configs(Map.of(
                "min.insync.replicas", String.valueOf(settings.minInsyncReplicas()),
                "unclean.leader.election.enable", String.valueOf(settings.uncleanLeaderElection())))))
                .all().get(30, TimeUnit.SECONDS);
        PartitionState state = PartitionState.await(admin, topic, s -> s.hasLeader() && s.isr().size() == 3,
                Duration.ofSeconds(30));
        if (!state.hasLeader() || state.isr().size() != 3) {
            throw new LabException(lines.notReady(topic, state));
        }
        EventStream.awaitReplication(cluster.bootstrapServers(), topic);
        err.println(lines.row(index, count, settings, topic, state.leader(), options.events()));
        try (EventStream stream = new EventStream(cluster.bootstrapServers(), topic, settings.acks())) {
            Faults faults = new Faults(cluster, admin, lines, err::println);
            if (settings.uncleanLeaderElection()) {
                faults.laggingReplicaElected(topic, stream, options.events(), state.leader());
            } else {
                faults.leaderKilled(topic, stream, options.events(), state.leader());
            }
            AuditTally tally = ReadBack.read(cluster.bootstrapServers(), topic, READ_WITHIN, lines, err::println);
            DurabilityTable.Row row = new DurabilityTable.Row(settings, stream.acked().size(), stream.failed(),
                    tally.lost(stream.acked()), tally.idsReadMoreThanOnce());
            err.println(lines.rowResult(row.acked(), row.failed(), row.lost(), row.duplicated()));
            if (row.failed() > 0) {
                err.println(lines.failures(stream.failures().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            }
            return row;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is what is running
        }
    }
}

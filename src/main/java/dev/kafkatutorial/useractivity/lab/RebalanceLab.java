package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.NumberConverters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lab rebalance}: one scenario, three ways. A 6-partition topic under a steady producer; members A, B and C
 * join a group one by one, then B is killed ({@code kill -9}). Run with the classic protocol and the eager
 * assignor (every rebalance takes every partition away), with the classic protocol and the cooperative-sticky
 * assignor (KIP-429: only what moves is revoked), and with the consumer protocol (KIP-848: the broker assigns).
 * Each member is a process of its own ({@link RebalanceMember}), so the kill is real. The lab prints each
 * member's timeline as it happens and a table: after each change, how long until the group was stable again,
 * how long each member held no partition, and how many events were read twice (counted by event id). It
 * measures; it asserts nothing.
 */
@Command(name = "lab rebalance", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Members join a group one by one and one is killed, under the classic protocol (eager and "
                + "cooperative-sticky) and the consumer protocol: each member's timeline and how long each change took")
public final class RebalanceLab implements Cli.Validated {

    static final int PARTITIONS = 6;
    /** Stable: every partition owned by one live member, and nothing changed for this long. */
    private static final long QUIET_MS = 3000;
    private static final long JOIN_LIMIT_MS = 60_000;

    /** The three ways to run the scenario. */
    enum Mode { eager, cooperative, consumer }

    @Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--rate", paramLabel = "N", converter = NumberConverters.PositiveLong.class,
            description = "Events a second the producer sends meanwhile. Default: 100")
    long rate = 100;

    @Option(names = "--modes", paramLabel = "LIST", split = ",",
            description = "Which ways to run it (comma list of eager, cooperative, consumer). Default: all three")
    List<Mode> modes = new ArrayList<>(List.of(Mode.values()));

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text: a table; json: one object per row. Default: ${DEFAULT-VALUE}")
    LabTable.Format output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void validate() {
        LabTable.refuseTopic(spec);
        if (modes.isEmpty() || new HashSet<>(modes).size() != modes.size()) {
            throw new IllegalArgumentException("--modes: each of eager, cooperative, consumer at most once");
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        RebalanceLab lab = new RebalanceLab();
        return Cli.execute(lab, args, out, err, () -> lab.run(out, err));
    }

    int run(PrintStream out, PrintStream err) throws Exception {
        Cli.configureLogging(client.verbose());
        GroupLabLines lines = new GroupLabLines(client.language());
        String topic = "lab-rebalance-" + Long.toString(System.currentTimeMillis(), 36);
        LabTable table = new LabTable(output, out, List.of("mode", "change", "stable_after_s", "held_none_s_a",
                "held_none_s_b", "held_none_s_c", "read_twice", "generation_or_epoch"));
        try (LabTopic labTopic = LabTopic.create(client, topic, PARTITIONS, err, lines);
             LabEvents events = new LabEvents(client, topic)) {
            int sessionMs = consumerSessionMs(labTopic);
            err.println(lines.rebalanceStarts(topic, PARTITIONS, rate, sessionMs));
            events.startSteady((int) Math.min(rate, Integer.MAX_VALUE));
            for (Mode mode : modes) {
                String group = topic + "-" + mode;
                labTopic.uses(group);
                new Scenario(mode, group, topic, sessionMs, lines, err, table).run();
            }
        }
        table.print();
        return Cli.OK;
    }

    /** The broker's session timeout for consumer-protocol members; the classic members are given the same. */
    private static int consumerSessionMs(LabTopic topic) throws Exception {
        String broker = String.valueOf(topic.admin().describeCluster().nodes()
                .get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS).iterator().next().id());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
        Config config = topic.admin().describeConfigs(List.of(resource)).all()
                .get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry session = config.get("group.consumer.session.timeout.ms");
        return session == null || session.value() == null ? 45_000 : Integer.parseInt(session.value());
    }

    /** One way through the scenario: A, B, C join; B is killed; each change measured. */
    private final class Scenario {
        private final Mode mode;
        private final String group;
        private final String topic;
        private final int sessionMs;
        private final GroupLabLines lines;
        private final PrintStream err;
        private final LabTable table;
        private final List<LabMemberProcess> members = new ArrayList<>();
        private final long start = System.currentTimeMillis();
        private long twiceSoFar;

        Scenario(Mode mode, String group, String topic, int sessionMs, GroupLabLines lines, PrintStream err, LabTable table) {
            this.mode = mode;
            this.group = group;
            this.topic = topic;
            this.sessionMs = sessionMs;
            this.lines = lines;
            this.err = err;
            this.table = table;
        }

        void run() throws Exception {
            err.println(lines.scenario(mode.name()));
            Map<String, Object> clientConfig = ClientSettings.of(client, HashMap::new).config();
            try {
                for (String name : List.of("A", "B", "C")) {
                    long changeAt = System.currentTimeMillis();
                    err.println(lines.change(mode.name(), seconds(changeAt - start), name + " joins"));
                    members.add(LabMemberProcess.start(name, topic, group, mode.name(), sessionMs, clientConfig,
                            client.verbose(), c -> err.println(lines.timeline(mode.name(), seconds(c.at() - start),
                                    c.member(), c.event(), c.partitions(), c.generation()))));
                    measure(name + " joins", changeAt, JOIN_LIMIT_MS);
                }
                long killAt = System.currentTimeMillis();
                err.println(lines.change(mode.name(), seconds(killAt - start), "B killed (kill -9)"));
                members.get(1).kill();
                measure("B killed", killAt, sessionMs + JOIN_LIMIT_MS);
            } finally {
                for (LabMemberProcess member : members) {
                    member.stop();
                }
            }
        }

        /** Waits until the group is stable after the change at {@code changeAt}, then adds its row. */
        private void measure(String change, long changeAt, long limitMs) throws InterruptedException {
            Long stableAt = null;
            long deadline = changeAt + limitMs;
            while (System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                long last = lastChangeAt(changeAt);
                if (complete() && System.currentTimeMillis() - Math.max(last, changeAt) >= QUIET_MS) {
                    stableAt = Math.max(last, changeAt);
                    break;
                }
            }
            if (stableAt == null) {
                err.println(lines.notStable(mode.name(), change, limitMs / 1000));
            }
            long until = stableAt == null ? System.currentTimeMillis() : stableAt;
            List<Object> row = new ArrayList<>(List.of(mode.name(), change));
            row.add(stableAt == null ? null : seconds(stableAt - changeAt));
            for (String name : List.of("A", "B", "C")) {
                LabMemberProcess member = members.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
                row.add(member == null || member.killed() ? null : seconds(heldNone(member, changeAt, until)));
            }
            List<String> ids = new ArrayList<>();
            members.forEach(m -> ids.addAll(m.ids()));
            long twice = 0;
            Set<String> now = new HashSet<>();
            for (String id : ids) {
                if (!now.add(id)) {
                    twice++;
                }
            }
            row.add(twice - twiceSoFar); // read twice since the change before: the ids are all of the scenario's
            twiceSoFar = twice;
            row.add(members.stream().filter(m -> !m.killed()).flatMap(m -> m.changes().stream())
                    .mapToInt(LabMemberProcess.Change::generation).max().orElse(-1));
            table.row(row.toArray());
        }

        /** Every partition owned by exactly one live member, and every live member owns one. */
        private boolean complete() {
            TreeSet<Integer> all = new TreeSet<>();
            int owners = 0;
            for (LabMemberProcess member : members) {
                if (member.killed()) {
                    continue;
                }
                TreeSet<Integer> owned = member.owned();
                if (owned.isEmpty()) {
                    return false;
                }
                owners += owned.size();
                all.addAll(owned);
            }
            return all.size() == PARTITIONS && owners == PARTITIONS;
        }

        private long lastChangeAt(long since) {
            return members.stream().filter(m -> !m.killed()).flatMap(m -> m.changes().stream())
                    .mapToLong(LabMemberProcess.Change::at).filter(at -> at >= since).max().orElse(since);
        }

        /** How long {@code member} owned no partition between {@code from} and {@code to}, after its first assignment. */
        private long heldNone(LabMemberProcess member, long from, long to) {
            TreeSet<Integer> owned = new TreeSet<>();
            boolean assignedOnce = false;
            long emptySince = -1;
            long total = 0;
            for (LabMemberProcess.Change change : member.changes()) {
                boolean wasEmpty = owned.isEmpty();
                if (change.event().equals("assigned")) {
                    owned.addAll(change.partitions());
                    if (wasEmpty && assignedOnce && emptySince >= 0 && !owned.isEmpty()) {
                        total += overlap(emptySince, change.at(), from, to);
                        emptySince = -1;
                    }
                    assignedOnce |= !change.partitions().isEmpty();
                } else if (!change.event().equals("started")) {
                    owned.removeAll(change.partitions());
                    if (!wasEmpty && owned.isEmpty()) {
                        emptySince = change.at();
                    }
                }
            }
            if (emptySince >= 0 && !member.killed()) {
                total += overlap(emptySince, to, from, to);
            }
            return total;
        }

        private long overlap(long a, long b, long from, long to) {
            return Math.max(0, Math.min(b, to) - Math.max(a, from));
        }
    }

    private static double seconds(long millis) {
        return Math.round(millis / 100.0) / 10.0;
    }
}

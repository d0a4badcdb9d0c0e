package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.NumberConverters;
import dev.kafkatutorial.useractivity.cli.Version;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab durability} options. Parsing only: {@link DurabilityLab} reads these and runs the rows. */
@Command(name = "user-activity-kafka lab durability", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Starts a controller and three brokers of its own (separate processes, free ports, a temporary "
                + "directory, all removed at the end), and for each combination of acks, min.insync.replicas and "
                + "unclean leader election sends a stream of events to a topic of three replicas, kills the "
                + "partition's leader hard mid-stream (with unclean election on: first the followers, so that a "
                + "lagging replica can become leader), brings the brokers back and counts by event id what was "
                + "acknowledged, failed, lost and duplicated. A few minutes; progress on stderr, the table on stdout.")
public final class DurabilityOptions implements Cli.Validated {

    static final int MIN_EVENTS = 50;
    static final int MAX_EVENTS = 1_000_000;

    @Option(names = "--events", paramLabel = "N", defaultValue = "2000", converter = NumberConverters.PositiveLong.class,
            description = "Events per row, sent at " + EventStream.RATE + " a second (" + MIN_EVENTS + " to "
                    + MAX_EVENTS + "). Default: ${DEFAULT-VALUE}")
    long events;

    /** What stdout carries: the table, or one JSON object per row. */
    public enum Output { text, json }

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text: a table; json: one object per row (acks, min_insync_replicas, unclean_leader_election, "
                    + "acked, failed, lost, duplicated). Default: ${DEFAULT-VALUE}")
    Output output;

    @Option(names = "--acks", paramLabel = "1|all", split = ",", defaultValue = "1,all",
            description = "The producer's acks, one or both. Default: ${DEFAULT-VALUE}")
    List<String> acks;

    @Option(names = "--min-insync-replicas", paramLabel = "1|2", split = ",", defaultValue = "1,2",
            description = "The topic's min.insync.replicas, one or both. Default: ${DEFAULT-VALUE}")
    List<Integer> minInsyncReplicas;

    /** off or on: unclean.leader.election.enable on the topic. */
    public enum Switch { off, on }

    @Option(names = "--unclean-leader-election", paramLabel = "off|on", split = ",", defaultValue = "off,on",
            description = "The topic's unclean.leader.election.enable, one or both. Default: ${DEFAULT-VALUE}")
    List<Switch> unclean;

    @Option(names = "--lang", paramLabel = "ko|en", defaultValue = "ko",
            description = "Language of the printed lines: ko or en. Default: ${DEFAULT-VALUE}")
    Language language;

    @Override
    public void validate() {
        if (events < MIN_EVENTS || events > MAX_EVENTS) {
            throw new IllegalArgumentException("--events " + events + " is out of range: use " + MIN_EVENTS + " to "
                    + MAX_EVENTS);
        }
        for (String a : acks) {
            if (!a.equals("1") && !a.equals("all")) {
                throw new IllegalArgumentException("--acks '" + a + "': use 1 or all (acks=0 is not acknowledged at all)");
            }
        }
        for (int m : minInsyncReplicas) {
            if (m < 1 || m > 3) {
                throw new IllegalArgumentException("--min-insync-replicas " + m + ": use 1, 2 or 3 (the topic has 3 "
                        + "replicas)");
            }
        }
    }

    /** The rows asked for, in the table's order. */
    List<Settings> rows() {
        return Settings.all(acks.stream().distinct().toList(), minInsyncReplicas.stream().distinct().toList(),
                unclean.stream().distinct().map(s -> s == Switch.on).toList());
    }

    int events() {
        return (int) events;
    }

    Output output() {
        return output;
    }

    Language language() {
        return language;
    }
}

package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.Localized;
import dev.kafkatutorial.useractivity.cli.NameConverters;
import dev.kafkatutorial.useractivity.cli.NumberConverters;
import dev.kafkatutorial.useractivity.cli.PropertyConverters;
import dev.kafkatutorial.useractivity.cli.TimeConverters;
import dev.kafkatutorial.useractivity.cli.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code user-activity-consumer} options. Parsing only: the program reads these and wires itself up. */
@Command(name = "user-activity-consumer", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Reads user-activity events and prints one line per event, as the tutorial's "
                + "consumer_example.py does.")
public final class ConsumerOptions implements Cli.Validated {

    static final String DEFAULT_GROUP = "user_activity_group";

    /** Where a group without a committed offset starts. */
    public enum OffsetReset { earliest, latest }

    /** How each event is printed. */
    public enum Output { text, json }

    // Each of these properties is the option beside it: given both ways they must agree, and the property alone
    // counts as the option (enable.auto.commit=false is the tutorial's enable_auto_commit=False, --manual-commit).
    @Mixin
    ClientOptions client = new ClientOptions("--consumer-property", () -> this.consumerProperties)
            .sameAs("group.id", "--group")
            .sameAs("isolation.level", "--isolation-level")
            .sameAs("auto.offset.reset", "--offset-reset")
            .sameAsFalse("enable.auto.commit", "--manual-commit");

    @Option(names = "--consumer-property", paramLabel = "KEY=VALUE", converter = PropertyConverters.KeyValue.class,
            description = "A consumer property, as kafka-console-consumer takes it; repeatable; wins over "
                    + "--command-config")
    List<Map.Entry<String, String>> consumerProperties = new ArrayList<>();

    @Option(names = "--group", paramLabel = "GROUP", converter = NameConverters.GroupName.class,
            description = "Consumer group; group.id given as a property is the same setting. Default: " + DEFAULT_GROUP
                    + " (with --from-beginning: a new throw-away group; not with --partition)")
    String group;

    @Option(names = "--max-messages", paramLabel = "N", converter = NumberConverters.PositiveLong.class,
            description = "Exit after printing N events. Default: run until Ctrl+C")
    Long maxMessages;

    @Option(names = "--timeout-ms", paramLabel = "MS", converter = NumberConverters.TimeoutMillis.class,
            description = "Exit when no event arrives for MS milliseconds, as kafka-console-consumer does")
    Long timeoutMs;

    @Option(names = "--manual-commit",
            description = "Commit offsets synchronously after each printed batch and on exit, not every 5 s "
                    + "(enable.auto.commit=false means the same). Needs a group: not in a one-off read's throw-away one")
    boolean manualCommit;

    @Option(names = "--from-beginning",
            description = "Without --group: read everything from the earliest offset in a new throw-away group "
                    + "that commits nothing, as kafka-console-consumer does. With --group G: G's committed "
                    + "offsets still win; only partitions G has never committed start at the earliest offset")
    boolean fromBeginning;

    @Option(names = "--offset-reset", paramLabel = "earliest|latest",
            description = "Where a group with no committed offset starts. Default: earliest (the tutorial's)")
    OffsetReset offsetReset;

    @Option(names = "--partition", paramLabel = "P", converter = NumberConverters.NonNegativeInt.class,
            description = "Read only partition P, outside any group (so not with --group), from --offset")
    Integer partition;

    @Option(names = "--offset", paramLabel = "N|earliest|latest", converter = NumberConverters.OffsetSpec.class,
            description = "With --partition: the offset to start at. Default: --offset-reset (earliest)")
    String offset;

    @Option(names = "--last", paramLabel = "N", converter = NumberConverters.PositiveLong.class,
            description = "Start each partition N events before its end (kcat's -o -N), then go on reading. "
                    + "Without --group: a throw-away group, as --from-beginning; with --group G: only partitions G "
                    + "has never committed start there. One partition: --partition P --offset -N")
    Long last;

    @Option(names = "--from-time", paramLabel = "TIME", converter = TimeConverters.EpochTime.class,
            description = "Start each partition at its first event at or after TIME: ISO-8601 (2026-11-25T10:00:00Z; "
                    + "no zone: local), epoch ms, or 10m/2h/1d ago. Without --group: a throw-away group; with "
                    + "--group G: only partitions G has never committed start there")
    Long fromTime;

    @Option(names = "--include", paramLabel = "REGEX", converter = NameConverters.TopicPattern.class,
            description = "Read every topic whose whole name matches REGEX (a subscription by pattern: a new "
                    + "matching topic joins within about 5 s), instead of --topic; each banner then names its topic")
    java.util.regex.Pattern include;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--print", paramLabel = "LIST", split = ",",
            description = "After each banner, one more line for each of: timestamp, headers, key, lag (comma list). "
                    + "Text output only: each --output json line has them all")
    java.util.List<dev.kafkatutorial.useractivity.consumer.RecordDetails.Field> print = new java.util.ArrayList<>();

    @Option(names = "--to-end",
            description = "Read up to the end offsets taken when the partitions are assigned, then exit 0 with "
                    + "the summary (kcat's -e). Works with every start option")
    boolean toEnd;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text: the tutorial's lines; json: one JSON object per event, for jq. Default: ${DEFAULT-VALUE}")
    Output output;

    @Option(names = "--explain",
            description = "Say on stderr why: at each assignment the group's generation, member id and assignor, "
                    + "where each partition starts (committed offset or auto.offset.reset), and each commit")
    boolean explain;

    @Option(names = "--audit",
            description = "Count, for this run, the producer's event ids per producer run (received, duplicates, "
                    + "out of order) and the events missing from what this member was meant to read (deleted before "
                    + "it read them, on its partitions, from its start); a table at exit. Kept per group in a file, "
                    + "so a restarted consumer's re-reads count as duplicates; a one-off read without --group keeps none")
    boolean audit;

    @Option(names = "--audit-file", paramLabel = "FILE",
            description = "With --audit: the group's audit file. Default: ~/.cache/user-activity-kafka/audit/GROUP.ids "
                    + "(none for a one-off read without --group)")
    java.nio.file.Path auditFile;

    /** Which records a read returns: all, or only those of committed transactions. */
    public enum IsolationLevel { read_uncommitted, read_committed }

    @Option(names = "--isolation-level", paramLabel = "read_committed|read_uncommitted", defaultValue = "read_uncommitted",
            description = "read_committed: skip events of aborted (and still open) transactions; "
                    + "read_uncommitted: print every event written. Default: ${DEFAULT-VALUE} (Kafka's)")
    IsolationLevel isolationLevel;

    /** How a consumer group shares out partitions (KIP-848). */
    public enum GroupProtocol { classic, consumer }

    @Option(names = "--group-protocol", paramLabel = "classic|consumer",
            description = "How the group assigns partitions: classic (the members rebalance among themselves, all "
                    + "stopping at once) or consumer (KIP-848: the broker assigns, members move only the partitions "
                    + "that change hands). Default: classic, as Kafka's client until 5.0, which makes consumer the default")
    GroupProtocol groupProtocol;

    @Option(names = "--share-group", paramLabel = "GROUP", converter = NameConverters.GroupName.class,
            description = "Read as a member of share group GROUP (KIP-932, a queue): members share the records of "
                    + "every partition; each line shows the record's delivery count; a record is acknowledged once its "
                    + "line is written, released if it cannot be, rejected if it is no event. A new group starts at "
                    + "--offset-reset (earliest)")
    String shareGroup;

    private String throwAwayGroup;

    @Override
    public void validate() {
        GroupKindOptions.check(this); // --share-group and --group-protocol, and what they refuse
        if (include != null && spec.commandLine().getParseResult().hasMatchedOption("--topic")) {
            throw new IllegalArgumentException("use either --topic or --include, not both");
        }
        if (include != null && partition != null) {
            throw new IllegalArgumentException("--partition needs --topic: --include reads several topics");
        }
        if (offset != null && partition == null) {
            throw new IllegalArgumentException("--offset needs --partition, as in kafka-console-consumer");
        }
        if (fromBeginning && offsetReset == OffsetReset.latest) {
            String reset = client.fromProperty("--offset-reset");
            throw new IllegalArgumentException("--from-beginning contradicts "
                    + (reset == null ? "--offset-reset latest" : reset));
        }
        if (fromBeginning && offset != null) {
            throw new IllegalArgumentException("use either --from-beginning or --offset, not both");
        }
        if (auditFile != null && !audit) {
            throw new IllegalArgumentException("--audit-file needs --audit");
        }
        if (fromTime != null && (fromBeginning || offset != null || last != null)) {
            throw new IllegalArgumentException("--from-time cannot be combined with --from-beginning, --offset or --last");
        }
        if (last != null && (fromBeginning || partition != null)) {
            throw new IllegalArgumentException("--last cannot be combined with --from-beginning or --partition "
                    + "(one partition: --partition P --offset -N)");
        }
        if (partition != null && group != null) {
            // A group's committed position belongs to its members: a reader outside the group that commits into
            // it races them (a rejected commit, or one silently dropped). kafka-console-consumer refuses it too,
            // wherever the group id was given.
            String groupAs = client.fromProperty("--group");
            throw new Localized.Refusal(language -> new ConsumerLines(language).groupWithPartition(groupAs));
        }
        if (!print.isEmpty() && output == Output.json) {
            throw new Localized.Refusal(language -> new ConsumerLines(language).printWithJson());
        }
        if (manualCommit && isThrowAwayGroup()) {
            if (client.fromProperty("--manual-commit") == null) {
                throw new Localized.Refusal(language -> new ConsumerLines(language).manualCommitWithoutGroup());
            }
            manualCommit = false; // enable.auto.commit=false: what a throw-away group has anyway
        }
    }

    public ClientOptions client() {
        return client;
    }

    /** --share-group: the share group to read in, or null to read in a consumer group. */
    public String shareGroup() {
        return shareGroup;
    }

    /** --group-protocol, or null for the client's default (classic until Kafka 5.0). */
    public GroupProtocol groupProtocol() {
        return groupProtocol;
    }

    /** Whether --offset-reset was given (else a share group's own setting stays). */
    public boolean offsetResetGiven() {
        return offsetReset != null;
    }

    /** The group: --group, else a throw-away one for a one-off read, else the tutorial's. */
    public String group() {
        if (shareGroup != null) {
            return shareGroup; // its audit file, say
        }
        if (group != null) {
            return group;
        }
        if (isThrowAwayGroup()) {
            if (throwAwayGroup == null) {
                throwAwayGroup = "user-activity-consumer-" + UUID.randomUUID().toString().substring(0, 8);
            }
            return throwAwayGroup;
        }
        return DEFAULT_GROUP;
    }

    /** A one-off read (--from-beginning or --partition without --group): its group is never used again. */
    public boolean isThrowAwayGroup() {
        return group == null && (fromBeginning || partition != null || last != null || fromTime != null);
    }

    /** Events to print, or {@code Long.MAX_VALUE} for no limit. */
    public long maxMessages() {
        return maxMessages == null ? Long.MAX_VALUE : maxMessages;
    }

    /** How long to wait for the next event before exiting, or {@code null} to wait for ever. */
    public Duration timeout() {
        return timeoutMs == null ? null : Duration.ofMillis(timeoutMs);
    }

    public boolean manualCommit() {
        return manualCommit;
    }

    public OffsetReset offsetReset() {
        if (offsetReset != null) {
            return offsetReset;
        }
        return OffsetReset.earliest; // the tutorial's; --from-beginning means the same
    }

    /** The single partition to read, or {@code null} to subscribe in the group. */
    public Integer partition() {
        return partition;
    }

    /** With --partition: a whole number, {@code earliest}, {@code latest}, or {@code null} for the group's position. */
    public String offset() {
        return offset;
    }

    /** --last N: where each assigned partition starts, or {@code null} (the group's position). */
    public Long last() {
        return last;
    }

    /** --from-time as epoch milliseconds, or {@code null}. */
    public Long fromTime() {
        return fromTime;
    }

    /** --include: the topics to read by pattern, or null for --topic. */
    public java.util.regex.Pattern include() {
        return include;
    }

    /** --print: the detail lines to add after each banner, none by default. */
    public java.util.List<dev.kafkatutorial.useractivity.consumer.RecordDetails.Field> print() {
        return print;
    }

    /** --to-end: stop at the end offsets taken at assignment. */
    public boolean toEnd() {
        return toEnd;
    }

    public Output output() {
        return output;
    }

    public boolean explain() {
        return explain;
    }

    public boolean audit() {
        return audit;
    }

    /** --audit-file, or {@code null} for the group's default file. */
    public java.nio.file.Path auditFile() {
        return auditFile;
    }

    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }
}

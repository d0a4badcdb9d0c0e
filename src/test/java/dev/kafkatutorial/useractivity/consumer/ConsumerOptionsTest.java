package dev.kafkatutorial.useractivity.consumer;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.ProgramOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The consumer's options: the tutorial's group, a one-off read's group, isolation, and one line per bad value. */
class ConsumerOptionsTest {

    private static ConsumerOptions parse(String... args) {
        return CommandLine.populateCommand(new ConsumerOptions(), args);
    }

    @Test
    void defaultsAreTheTutorials() {
        ConsumerOptions consumer = parse();
        assertThat(consumer.group()).isEqualTo("user_activity_group");
        assertThat(consumer.timeout()).isNull();
    }

    @Test
    void helpListsThePropertyOptions() {
        assertThat(consumer("--help").out()).contains("--consumer-property=KEY=VALUE", "--property, --command-property");
    }

    @Test
    void theConsumersOwnPropertyReachesItsClientAndCommandPropertyWins() {
        ConsumerOptions consumer = parse("--consumer-property", "fetch.max.wait.ms=100",
                "--consumer-property", "max.poll.records=5", "--command-property", "max.poll.records=7");
        assertThat(consumer.client().userProperties()).containsEntry("fetch.max.wait.ms", "100")
                .containsEntry("max.poll.records", "7");
    }

    @Test
    void isolationLevelDefaultsToKafkasAndTakesReadCommitted() {
        assertThat(parse().isolationLevel()).isEqualTo(ConsumerOptions.IsolationLevel.read_uncommitted);
        assertThat(parse("--isolation-level", "read_committed").isolationLevel())
                .isEqualTo(ConsumerOptions.IsolationLevel.read_committed);
    }

    @Test
    void aOneOffReadUsesAThrowAwayGroupUnlessOneIsNamed() {
        ConsumerOptions tutorial = parse();
        assertThat(tutorial.group()).isEqualTo("user_activity_group");
        assertThat(tutorial.isThrowAwayGroup()).isFalse();

        ConsumerOptions fromBeginning = parse("--from-beginning");
        assertThat(fromBeginning.isThrowAwayGroup()).isTrue();
        assertThat(fromBeginning.group()).startsWith("user-activity-consumer-").isEqualTo(fromBeginning.group());

        ConsumerOptions named = parse("--from-beginning", "--group", "mine");
        assertThat(named.group()).isEqualTo("mine");
        assertThat(named.isThrowAwayGroup()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--timeout-ms soon           | --timeout-ms",
        "--timeout-ms 0              | --timeout-ms",
        "--max-messages 1.5          | --max-messages",
        "--group                     | --group",
        "--interval 5s               | --interval",
        "--offset 5                  | --offset needs --partition",
        "--partition -1              | --partition",
        "--partition 0 --offset soon | --offset",
        "--output xml                | --output",
        "--offset-reset middle       | --offset-reset",
        "--from-beginning --offset-reset latest | --from-beginning",
        "--timeout-ms 10000000000000 | '--timeout-ms': '10000000000000' is too large",
        "--group=                    | '--group': the group name is empty",
        "--lang en --partition 0 --group G | options --group and --partition cannot be specified together",
        "--group G --partition 0 --offset 3 --lang en | options --group and --partition cannot be specified together",
        "--partition 0 --group G     | --group과 --partition은 함께 쓸 수 없습니다",
        "--consumer-property novalue | '--consumer-property'",
        "--audit-file /tmp/a.ids     | --audit-file needs --audit",
        "--from-time yesterday       | '--from-time': 'yesterday' is not a time",
        "--from-time 2026-13-01T00:00 | '--from-time'",
        "--from-time 10m --from-beginning | --from-time cannot be combined",
        "--last 0                    | '--last'",
        "--last 5 --partition 0      | --last cannot be combined",
    })
    void aBadConsumerValueExits2WithOneLineNamingIt(String args, String named) {
        consumer(args.trim().split("\\s+")).assertRefused("user-activity-consumer", named);
    }

    private static ConsumerOptions checked(String... args) {
        return ProgramOutput.checked(new ConsumerOptions(), args);
    }

    /**
     * Issue 22, items 11 and 12: a combination that would silently drop one of its options is refused, and a
     * group.id given as a client property is --group for every check (kafka-console-consumer's rule).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "--output json --print key,lag | --print adds lines to the text output; with --output json every line has "
                + "timestamp, headers, key and lag already: give one of them",
        "--partition 0 --consumer-property group.id=G7 --manual-commit | group.id=G7 (--consumer-property) counts as "
                + "--group: options --group and --partition cannot be specified together",
        "--partition 0 --command-property group.id=G7 | group.id=G7 (--command-property) counts as --group",
        "--group gA --consumer-property group.id=gB | --group gA and group.id=gB (--consumer-property) do not match",
        "--consumer-property group.id=gA --command-property group.id=gB | group.id=gA (--consumer-property) and "
                + "group.id=gB (--command-property) do not match",
        "--consumer-property group.id=  | group.id= (--consumer-property): the value is empty",
        "--isolation-level read_committed --consumer-property isolation.level=read_uncommitted | "
                + "--isolation-level read_committed and isolation.level=read_uncommitted (--consumer-property) do not match",
        "--consumer-property isolation.level=committed | isolation.level=committed (--consumer-property): must be one "
                + "of read_uncommitted, read_committed",
        "--offset-reset latest --consumer-property auto.offset.reset=earliest | do not match",
        "--consumer-property auto.offset.reset=none | auto.offset.reset=none (--consumer-property): must be one of "
                + "earliest, latest",
        "--from-beginning --consumer-property auto.offset.reset=latest | --from-beginning contradicts "
                + "auto.offset.reset=latest (--consumer-property)",
        "--group g --manual-commit --consumer-property enable.auto.commit=true | --manual-commit and "
                + "enable.auto.commit=true (--consumer-property) do not match",
        "--consumer-property enable.auto.commit=yes | enable.auto.commit=yes (--consumer-property): must be one of true, false",
        "--from-beginning --manual-commit | --manual-commit needs --group: without it --from-beginning, --partition, "
                + "--last and --from-time read in a throw-away group that commits nothing",
        "--partition 0 --manual-commit | --manual-commit needs --group",
        "--topic=bad/topic           | Invalid value for option '--topic': the topic name 'bad/topic' has a character "
                + "Kafka does not allow",
        "--topic=                    | Invalid value for option '--topic': the topic name is empty",
    })
    void aCombinationThatWouldDropAnOptionExits2(String args, String named) {
        consumer(("--lang en " + args).trim().split("\\s+")).assertRefused("user-activity-consumer", named);
    }

    @Test
    void aGroupIdFromAPropertyOrTheConfigFileCountsAsGroup(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        ConsumerOptions property = checked("--consumer-property", "group.id=gB", "--from-beginning");
        assertThat(property.group()).isEqualTo("gB");
        assertThat(property.isThrowAwayGroup()).as("a named group, as with --group gB --from-beginning").isFalse();
        assertThat(new ConsumerSettings(property).config()).containsEntry("group.id", "gB")
                .containsEntry("enable.auto.commit", true);

        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("client.properties"), "group.id=gF\n");
        assertThat(checked("--command-config", file.toString()).group()).isEqualTo("gF");
        assertThat(checked("--command-config", file.toString(), "--group", "gF").group()).isEqualTo("gF");
        consumer("--lang", "en", "--command-config", file.toString(), "--group", "gA").assertRefused("user-activity-consumer",
                "--group gA and group.id=gF (--command-config " + file + ") do not match");
    }

    @Test
    void theOtherPropertiesThatAnOptionAlsoSetsCountAsTheOption() {
        assertThat(checked("--consumer-property", "isolation.level=READ_COMMITTED").isolationLevel())
                .isEqualTo(ConsumerOptions.IsolationLevel.read_committed);
        assertThat(checked("--consumer-property", "auto.offset.reset=latest").offsetReset())
                .isEqualTo(ConsumerOptions.OffsetReset.latest);
        // The tutorial's enable_auto_commit=False is --manual-commit; a throw-away group commits nothing anyway.
        assertThat(checked("--group", "g", "--consumer-property", "enable.auto.commit=false").manualCommit()).isTrue();
        assertThat(checked("--from-beginning", "--consumer-property", "enable.auto.commit=false").manualCommit()).isFalse();
        assertThat(checked("--group", "g", "--manual-commit", "--consumer-property", "enable.auto.commit=false")
                .manualCommit()).isTrue();
    }

    @Test
    void aGroupWithPartitionIsRefusedInKoreanByDefault() {
        consumer("--partition", "0", "--consumer-property", "group.id=G7").assertRefused("user-activity-consumer",
                "group.id=G7 (--consumer-property)은(는) --group과 같습니다: --group과 --partition은 함께 쓸 수 없습니다");
    }
}

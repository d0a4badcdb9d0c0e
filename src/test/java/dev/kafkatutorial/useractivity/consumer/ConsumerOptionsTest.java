package dev.kafkatutorial.useractivity.consumer;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static org.assertj.core.api.Assertions.assertThat;

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
        "--partition 0 --group G     | options --group and --partition cannot be specified together",
        "--group G --partition 0 --offset 3 | options --group and --partition cannot be specified together",
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
}

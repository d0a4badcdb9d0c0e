package dev.kafkatutorial.useractivity.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.ProgramOutput;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The processor's options: its topics, group and transactional id by default, and its --help. */
class ProcessorOptionsTest {

    @Test
    void processorDefaults() {
        ProcessorOptions options = new ProcessorOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs();
        assertThat(options.client().topic()).isEqualTo("user_activity");
        assertThat(options.outputTopic()).isEqualTo("user_activity_messages");
        assertThat(options.group()).isEqualTo("user_activity_processor");
        assertThat(options.transactionalId()).isEqualTo("user_activity_processor-user_activity");
        new CommandLine(options).parseArgs("--group", "g", "--topic", "in", "--transactional-id", "mine");
        assertThat(options.transactionalId()).isEqualTo("mine");
    }

    @Test
    void theSameTopicInAndOutIsRefusedAtParseTime() {
        // Each output record would be read again as input: 2 events grew to 5,507 records in 15 s.
        ProgramOutput.processor("--topic", "loop", "--output-topic", "loop")
                .assertRefused("user-activity-processor", "--output-topic");
        ProgramOutput.processor("--topic", ProcessorOptions.DEFAULT_OUTPUT_TOPIC)
                .assertRefused("user-activity-processor", "--output-topic");
    }

    @Test
    void aBlankGroupOrTransactionalIdIsRefusedAtParseTime() {
        ProgramOutput.processor("--group", "").assertRefused("user-activity-processor", "--group");
        ProgramOutput.processor("--group", "  ").assertRefused("user-activity-processor", "--group");
        ProgramOutput.processor("--transactional-id", " ").assertRefused("user-activity-processor", "--transactional-id");
        ProgramOutput.processor("--transactional-id", "").assertRefused("user-activity-processor", "--transactional-id");
    }

    @Test
    void processorHelpNamesItsOptions() {
        ProgramOutput help = ProgramOutput.processor("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--output-topic", "--group", "--transactional-id",
                "--bootstrap-server", "--lang");
    }

    private static ProcessorOptions checked(String... args) {
        return ProgramOutput.checked(new ProcessorOptions(), args);
    }

    /** Issue 22, item 13: both topics are checked by Kafka's rules before a transaction starts. */
    @Test
    void aTopicNameKafkaRefusesExits2() {
        ProgramOutput.processor("--lang", "en", "--output-topic", "bad topic").assertRefused("user-activity-processor",
                "Invalid value for option '--output-topic': the topic name 'bad topic' has a character Kafka does not allow");
        ProgramOutput.processor("--topic", "").assertRefused("user-activity-processor",
                "'--topic' 옵션의 값이 잘못되었습니다: 토픽 이름이 비어 있습니다");
        ProgramOutput.processor("--output-topic", "x".repeat(250), "--lang", "en").assertRefused("user-activity-processor",
                "the topic name is 250 characters long");
    }

    /** Issue 22, item 12: group.id and transactional.id given as properties are --group and --transactional-id. */
    @Test
    void aGroupIdOrTransactionalIdGivenAsAPropertyCountsAsTheOption() {
        ProcessorOptions group = checked("--command-property", "group.id=gp");
        assertThat(group.group()).isEqualTo("gp");
        assertThat(group.transactionalId()).as("derived from the group the client uses").isEqualTo("gp-user_activity");
        assertThat(checked("--command-property", "transactional.id=tp").transactionalId()).isEqualTo("tp");
        ProgramOutput.processor("--lang", "en", "--group", "a", "--command-property", "group.id=b").assertRefused(
                "user-activity-processor", "--group a and group.id=b (--command-property) do not match");
        ProgramOutput.processor("--lang", "en", "--transactional-id", "a", "--property", "transactional.id=b")
                .assertRefused("user-activity-processor", "--transactional-id a and transactional.id=b (--command-property)");
    }
}

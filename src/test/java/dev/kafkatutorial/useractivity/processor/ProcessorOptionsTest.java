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
}

package dev.kafkatutorial.useractivity.cli;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static dev.kafkatutorial.useractivity.ProgramOutput.producer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.ProgramOutput;
import org.junit.jupiter.api.Test;

/** What every program's command line does the same: --help and --version, and an argument the locale mangled. */
class CliTest {

    @Test
    void anArgumentTheLocaleCouldNotDecodeIsRefused() {
        // What the JVM hands main under LC_ALL=C for "--group 그룹": one U+FFFD per byte.
        ProgramOutput result = consumer("--group", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("user-activity-consumer: ").contains("use a UTF-8 locale").hasLineCount(1);
        assertThat(producer("--help").code()).isZero();
    }

    @Test
    void helpAndVersionAnswerOnStdoutAndExit0() {
        ProgramOutput help = consumer("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--bootstrap-server", "--topic", "--group", "--max-messages", "--timeout-ms",
                "--command-config", "--property", "--lang", "--verbose", "--version");

        ProgramOutput version = producer("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).matches("user-activity-kafka \\S+ \\(Kafka 4\\.\\d+\\.\\d+\\)\\R");
    }
}

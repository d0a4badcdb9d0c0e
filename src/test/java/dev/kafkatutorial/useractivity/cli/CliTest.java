package dev.kafkatutorial.useractivity.cli;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static dev.kafkatutorial.useractivity.ProgramOutput.producer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
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

    /**
     * A reason in both languages is said in the language of --lang, which picocli may not have reached when it
     * refuses a value; every other refusal stays as it was.
     */
    @Test
    void aRefusalIsSaidInTheLanguageOfLangWhereverItStands() {
        assertThat(Cli.languageIn(new String[] {"--topic", "x y", "--lang", "en"})).isEqualTo(Language.en);
        assertThat(Cli.languageIn(new String[] {"--lang=EN"})).isEqualTo(Language.en);
        assertThat(Cli.languageIn(new String[] {"--lang", "en", "--lang", "ko"})).isEqualTo(Language.ko);
        assertThat(Cli.languageIn(new String[] {"--group", "g", "--lang"})).isEqualTo(Language.ko);
        assertThat(Cli.languageIn(new String[] {})).isEqualTo(Language.ko);

        assertThat(consumer("--topic", "", "--lang", "en").err())
                .isEqualTo("user-activity-consumer: Invalid value for option '--topic': the topic name is empty (see --help)\n");
        assertThat(consumer("--topic", "").err())
                .isEqualTo("user-activity-consumer: '--topic' 옵션의 값이 잘못되었습니다: 토픽 이름이 비어 있습니다 (--help 참고)\n");
        assertThat(producer("--max-messages", "0", "--lang", "ko").err()).as("a reason in English only stays English")
                .isEqualTo("user-activity-producer: Invalid value for option '--max-messages': '0' must be at least 1 (see --help)\n");
    }
}

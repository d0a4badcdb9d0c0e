package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option with a bad value, through the real jar in a process of its own: exit 2 for a bad command line,
 * 1 for a failure at run time, and exactly one line on stderr that names the problem, never a stack trace.
 * None of these needs a broker: each fails before it would talk to one.
 */
class BadCommandLineIT {

    private static final int USAGE = 2;
    private static final int FAILED = 1;
    /** Nothing listens here; no case gets far enough to find out. */
    private static final String NOWHERE = "--bootstrap-server=localhost:1";

    @TempDir
    static Path files;

    static Stream<Arguments> badCommandLines() throws IOException {
        Path directory = Files.createDirectories(files.resolve("a-directory"));
        Path badEscape = Files.writeString(files.resolve("bad-escape.properties"), "security.protocol=\\u12\n");
        Path notUtf8 = Files.write(files.resolve("latin1.properties"), new byte[] {'a', '=', (byte) 0xff, '\n'});
        return Stream.of(
                // program, arguments, exit code, what the one line must name
                Arguments.of("producer", List.of("--interval", "-1s"), USAGE, "'-1s' is not a duration"),
                Arguments.of("producer", List.of("--interval", "fast"), USAGE, "'fast' is not a duration"),
                Arguments.of("producer", List.of("--interval", "5 parsecs"), USAGE, "--interval"),
                Arguments.of("producer", List.of("--max-messages", "ten"), USAGE, "'ten' is not a whole number"),
                Arguments.of("producer", List.of("--max-messages", "0"), USAGE, "'0' must be at least 1"),
                Arguments.of("producer", List.of("--max-messages", "-3"), USAGE, "'-3' must be at least 1"),
                Arguments.of("producer", List.of("--seed", "1.5"), USAGE, "'1.5' is not a whole number"),
                Arguments.of("producer", List.of("--key", "email"), USAGE, "'email' is not a field to key by"),
                Arguments.of("producer", List.of("--lang", "fr"), USAGE, "--lang"),
                Arguments.of("producer", List.of("--command-config", files.resolve("missing.properties").toString()),
                        USAGE, "no such file"),
                Arguments.of("producer", List.of("--command-config", directory.toString()), USAGE, "cannot read"),
                Arguments.of("producer", List.of("--command-config", badEscape.toString()), USAGE, "Malformed"),
                Arguments.of("consumer", List.of("--command-config", notUtf8.toString()), USAGE, "is not UTF-8 text"),
                Arguments.of("producer", List.of("--property", "linger.ms"), USAGE, "expected KEY=VALUE"),
                Arguments.of("consumer", List.of("--property", "=5"), USAGE, "expected KEY=VALUE"),
                Arguments.of("producer", List.of("--frobnicate"), USAGE, "Unknown option: '--frobnicate'"),
                Arguments.of("consumer", List.of("--max-messages", "lots"), USAGE, "'lots' is not a whole number"),
                Arguments.of("consumer", List.of("--timeout-ms", "-5"), USAGE, "'-5' must be at least 1"),
                Arguments.of("consumer", List.of("--timeout-ms", "1s"), USAGE, "'1s' is not a whole number"),
                Arguments.of("consumer", List.of("--partition", "-1"), USAGE, "'-1' must not be negative"),
                Arguments.of("consumer", List.of("--partition", "0", "--offset", "middle"), USAGE, "'middle' is not an offset"),
                Arguments.of("consumer", List.of("--offset", "5"), USAGE, "--offset needs --partition"),
                Arguments.of("consumer", List.of("--offset-reset", "never"), USAGE, "--offset-reset"),
                Arguments.of("consumer", List.of("--output", "xml"), USAGE, "--output"),
                Arguments.of("consumer", List.of("--group"), USAGE, "Missing required parameter for option '--group'"),
                Arguments.of("consumer", List.of("--from-beginning", "--offset-reset", "latest"), USAGE,
                        "--from-beginning contradicts --offset-reset latest"),
                Arguments.of("launcher", List.of(), USAGE, "say which program to run"),
                Arguments.of("prodcer", List.of(), USAGE, "unknown program 'prodcer'"),
                // Run time: the command line parses, Kafka's client then refuses it.
                Arguments.of("producer", List.of("--bootstrap-server", "no-such-host.invalid:9092"), FAILED,
                        "브로커 주소를 찾을 수 없습니다: no-such-host.invalid:9092"),
                Arguments.of("consumer", List.of("--bootstrap-server", "no-such-host.invalid:9092", "--lang", "en"),
                        FAILED, "Cannot resolve the Kafka broker address no-such-host.invalid:9092"),
                Arguments.of("producer", List.of("--property", "acks=banana"), FAILED, "Invalid value banana for configuration acks"));
    }

    @ParameterizedTest(name = "{0} {1} -> exit {2}")
    @MethodSource("badCommandLines")
    void oneLineNamingTheProblemAndTheRightExitCode(String program, List<String> args, int exitCode, String names)
            throws Exception {
        Stream<String> launcher = program.equals("launcher") ? Stream.of() : Stream.of(program);
        Stream<String> address = args.contains("--bootstrap-server") || !List.of("producer", "consumer").contains(program)
                ? Stream.of() : Stream.of(NOWHERE);
        JarProcess run = JarProcess.start(Stream.of(launcher, address, args.stream()).flatMap(s -> s)
                .toArray(String[]::new));

        assertThat(run.awaitExit(Duration.ofSeconds(30))).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines().toList()).as("stderr").singleElement().asString().contains(names)
                .doesNotContain("\tat ", "Exception");
        assertThat(run.out()).isEmpty();
    }
}

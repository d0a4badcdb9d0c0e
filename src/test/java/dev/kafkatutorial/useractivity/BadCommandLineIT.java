package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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
                Arguments.of("producer", List.of("--interval", "PT3000000H"), USAGE, "'PT3000000H' is too long"),
                Arguments.of("consumer", List.of("--timeout-ms", "10000000000000"), USAGE,
                        "'10000000000000' is too large"),
                Arguments.of("consumer", List.of("--group", ""), USAGE, "'--group': the group name is empty"),
                Arguments.of("consumer", List.of("--bootstrap-server", "localhost"), USAGE,
                        "'--bootstrap-server': 'localhost' is not HOST:PORT"),
                Arguments.of("producer", List.of("--bootstrap-server", "h1 h2"), USAGE,
                        "'--bootstrap-server': 'h1 h2' is not HOST:PORT"),
                Arguments.of("producer", List.of("--bootstrap-server", ""), USAGE, "'--bootstrap-server': the address is empty"),
                Arguments.of("producer", List.of("--command-config", ""), USAGE, "'--command-config': the file name is empty"),
                Arguments.of("consumer", List.of("--command-config", notUtf8.resolve("x").toString()), USAGE,
                        "cannot read " + notUtf8.resolve("x") + ": Not a directory"),
                Arguments.of("consumer", List.of("--partition", "0", "--group", "G", "--lang", "en"), USAGE,
                        "options --group and --partition cannot be specified together"),
                // Issue 22, item 13: a topic name Kafka refuses, in every program and every topic option.
                Arguments.of("producer", List.of("--topic", ""), USAGE,
                        "'--topic' 옵션의 값이 잘못되었습니다: 토픽 이름이 비어 있습니다 (--help 참고)"),
                Arguments.of("producer", List.of("--topic", "bad topic", "--lang", "en"), USAGE,
                        "Invalid value for option '--topic': the topic name 'bad topic' has a character Kafka does "
                                + "not allow, ' ' (U+0020): only ASCII letters, digits, '.', '_' and '-'"),
                Arguments.of("consumer", List.of("--lang", "en", "--topic", "t".repeat(250)), USAGE,
                        "the topic name is 250 characters long: Kafka allows at most 249"),
                Arguments.of("consumer", List.of("--topic", ".."), USAGE, "토픽 이름은 '.'이나 '..'일 수 없습니다"),
                Arguments.of("processor", List.of("--output-topic", "bad topic", "--lang", "en"), USAGE,
                        "Invalid value for option '--output-topic': the topic name 'bad topic' has a character"),
                Arguments.of("processor", List.of("--topic", "", "--lang", "en"), USAGE,
                        "Invalid value for option '--topic': the topic name is empty"),
                Arguments.of("doctor", List.of("--topic", "a/b", "--lang", "en"), USAGE, "'/' (U+002F)"),
                // Issue 22, item 12: group.id given as a property is --group, for every check.
                Arguments.of("consumer", List.of("--partition", "0", "--consumer-property", "group.id=G7", "--manual-commit",
                        "--lang", "en"), USAGE, "group.id=G7 (--consumer-property) counts as --group: options --group "
                                + "and --partition cannot be specified together"),
                Arguments.of("consumer", List.of("--group", "gA", "--consumer-property", "group.id=gB", "--lang", "en"),
                        USAGE, "--group gA and group.id=gB (--consumer-property) do not match"),
                Arguments.of("consumer", List.of("--group", "gA", "--consumer-property", "group.id=gB"), USAGE,
                        "--group gA, group.id=gB (--consumer-property): 값이 서로 다릅니다"),
                Arguments.of("processor", List.of("--group", "gA", "--command-property", "group.id=gB", "--lang", "en"),
                        USAGE, "--group gA and group.id=gB (--command-property) do not match"),
                Arguments.of("producer", List.of("--transactional-id", "t1", "--producer-property", "transactional.id=t2",
                        "--lang", "en"), USAGE, "--transactional-id t1 and transactional.id=t2 (--producer-property) do not match"),
                // Issue 22, item 11: a combination that would silently drop one of its options.
                Arguments.of("producer", List.of("--output", "json", "--quiet", "--lang", "en"), USAGE,
                        "--quiet prints no line per event and --output json one JSON line per event: give one of them"),
                Arguments.of("producer", List.of("--quiet", "--explain", "--lang", "en"), USAGE,
                        "--explain explains each event after its line, and --quiet prints no line per event"),
                Arguments.of("consumer", List.of("--output", "json", "--print", "timestamp", "--lang", "en"), USAGE,
                        "--print adds lines to the text output; with --output json every line has timestamp, headers, "
                                + "key and lag already"),
                Arguments.of("consumer", List.of("--from-beginning", "--manual-commit", "--lang", "en"), USAGE,
                        "--manual-commit needs --group"),
                Arguments.of("launcher", List.of(), USAGE, "say which program to run"),
                Arguments.of("prodcer", List.of(), USAGE, "unknown program 'prodcer'"),
                // Run time: the command line parses, Kafka's client then refuses it.
                Arguments.of("producer", List.of("--bootstrap-server", "no-such-host.invalid:9092"), FAILED,
                        "브로커 주소를 찾을 수 없습니다: no-such-host.invalid:9092"),
                Arguments.of("consumer", List.of("--bootstrap-server", "no-such-host.invalid:9092", "--lang", "en"),
                        FAILED, "Cannot resolve the Kafka broker address no-such-host.invalid:9092"),
                Arguments.of("producer", List.of("--property", "acks=banana"), FAILED, "Invalid value banana for configuration acks"));
    }

    /** The environment's address: checked like the option, and the advice names the variable, not the option. */
    @ParameterizedTest(name = "KAFKA_BOOTSTRAP_SERVERS={0} -> exit {1}")
    @CsvSource(delimiter = '|', value = {
        "localhost                | 2 | $KAFKA_BOOTSTRAP_SERVERS: 'localhost' is not HOST:PORT",
        "nosuchhost.invalid:9092  | 1 | nosuchhost.invalid:9092 (no such host name). Check $KAFKA_BOOTSTRAP_SERVERS",
    })
    void anAddressFromTheEnvironmentIsNamedAsSuch(String address, int exitCode, String names) throws Exception {
        Result run = java(Map.of("KAFKA_BOOTSTRAP_SERVERS", address), "consumer", "--lang", "en");
        assertThat(run.code()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines().toList()).singleElement().asString().contains(names)
                .doesNotContain("--bootstrap-server");
    }

    /**
     * Under LC_ALL=C the JVM decodes "그룹" and "모임" to the same six U+FFFD before main: acting on either would
     * use a group nobody named. Refused, with the way out.
     */
    @Test
    void nonAsciiArgumentsUnderANonUtf8LocaleAreRefused() throws Exception {
        Map<String, String> cLocale = new HashMap<>();
        cLocale.put("LC_ALL", "C");
        cLocale.put("LANG", null);
        cLocale.put("LC_CTYPE", null);
        Result run = java(cLocale, "consumer", NOWHERE, "--group", "그룹");
        assertThat(run.code()).as(run.err()).isEqualTo(USAGE);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("user-activity-consumer: ").contains("use a UTF-8 locale");
        assertThat(run.out()).isEmpty();
    }

    record Result(int code, String out, String err) {
    }

    /** The jar with {@code environment} changed (a null value removes a variable). */
    private static Result java(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JarProcess.JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(files, "out-", ".txt");
        Path err = Files.createTempFile(files, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after 30 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
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

package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A program run in this JVM on the test's thread to its end, as its {@code main} runs it: its exit code and what
 * it printed. For command lines that end at once (--help, --version, a bad option); {@link ProgramRun} runs one
 * that talks to a broker.
 */
public record ProgramOutput(int code, String out, String err) {

    public static ProgramOutput producer(String... args) {
        return run(UserActivityProducer::run, args);
    }

    public static ProgramOutput consumer(String... args) {
        return run(UserActivityConsumer::run, args);
    }

    public static ProgramOutput processor(String... args) {
        return run(UserActivityProcessor::run, args);
    }

    /** {@code options} parsed and checked as the program's main does (nothing runs), or {@code null} if refused. */
    public static <T> T checked(T options, String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return Cli.execute(options, args, nowhere, nowhere, () -> Cli.OK) == Cli.OK ? options : null;
    }

    /**
     * The program refused its command line: exit 2, nothing on stdout, one line on stderr that starts with the
     * program's name and contains {@code named}, without a stack trace.
     */
    public void assertRefused(String program, String named) {
        assertThat(code).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).startsWith(program + ": ").contains(named)
                .hasLineCount(1).doesNotContain("Exception", "\tat ");
    }

    private static ProgramOutput run(ProgramRun.Program program, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = program.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ProgramOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

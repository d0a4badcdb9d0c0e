package dev.kafkatutorial.useractivity;

import java.io.ByteArrayOutputStream;
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

    private static ProgramOutput run(ProgramRun.Program program, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = program.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ProgramOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

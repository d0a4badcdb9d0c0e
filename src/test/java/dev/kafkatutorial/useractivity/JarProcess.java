package dev.kafkatutorial.useractivity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the programs as a user runs it: {@code java -jar target/user-activity-kafka.jar producer|consumer ...}
 * in an OS process of its own (built by {@code mvn package} before failsafe runs). Its output goes to files,
 * so a chatty program can never block on a full pipe.
 */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "user-activity-kafka.jar");

    private final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(List<String> args, Map<String, String> environment) {
        try {
            out = Files.createTempFile("jar-out-", ".txt");
            err = Files.createTempFile("jar-err-", ".txt");
            ProcessBuilder builder = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code java -jar} with {@code args}, not started: for a test that wants its output another way (a pipe). */
    static ProcessBuilder builder(List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn package (mvn verify does) first");
        }
        // env restores SIGINT's default first: a build started in the background (`mvn verify &`, some CI
        // runners) inherits SIGINT as ignored, and the JVM then never sees a Ctrl+C the test sends.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    static JarProcess start(String... args) {
        return new JarProcess(List.of(args), Map.of());
    }

    /** {@code program} with {@code args}, and {@code environment} added to this JVM's (HOME, XDG_CACHE_HOME...). */
    static JarProcess start(Map<String, String> environment, String program, String... args) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(List.of(args));
        return new JarProcess(all, environment);
    }

    /** {@code program} (producer, consumer, processor, doctor) with {@code args}. */
    static JarProcess start(String program, String[] args) {
        return start(Map.of(), program, args);
    }

    /** The exit code, once the process ends by itself within {@code limit}; killed and failed otherwise. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after " + limit + "\nstdout:\n" + out() + "\nstderr:\n" + err());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no commit on close, no goodbye to the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " survived SIGKILL for 10 s");
        }
    }

    /** SIGTERM, as Ctrl+C: the program stops cleanly; returns once it has exited. */
    void terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running " + limit + " after SIGTERM\nstderr:\n" + err());
        }
    }

    /** Whatever happened in the test, the program does not outlive it (try-with-resources). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Sends a signal by name ({@code INT} as Ctrl+C, {@code TERM}) and returns at once. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whole lines on stdout so far: newlines counted in the bytes, nothing decoded. */
    long outLines() {
        try {
            long lines = 0;
            for (byte b : Files.readAllBytes(out)) {
                lines += b == '\n' ? 1 : 0;
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            // Not readString: read while the program writes, a half-written character must not throw.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

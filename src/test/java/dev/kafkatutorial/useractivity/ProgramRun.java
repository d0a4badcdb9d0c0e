package dev.kafkatutorial.useractivity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.kafkatutorial.useractivity.cli.ConsumerOptions;
import picocli.CommandLine;

/** One of the programs run in this JVM on its own thread, as its main would run it, with its output captured. */
final class ProgramRun {

    interface Program {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final CompletableFuture<Integer> exit;
    private volatile Runnable stop = () -> {
        throw new UnsupportedOperationException("started from a command line: end it with --max-messages or --timeout-ms");
    };

    private ProgramRun(Program program, String... args) {
        exit = CompletableFuture.supplyAsync(() -> program.run(args, stdout, stderr),
                runnable -> new Thread(runnable, "program-under-test").start());
    }

    static ProgramRun start(Program program, String... args) {
        return new ProgramRun(program, args);
    }

    /** A consumer that the test can stop as Ctrl+C would: {@code wakeup()}, then close on its polling thread. */
    static ProgramRun stoppableConsumer(String... args) {
        ConsumerOptions options = new ConsumerOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        CompletableFuture<UserActivityConsumer> app = new CompletableFuture<>();
        ProgramRun run = new ProgramRun((ignored, out, err) -> {
            UserActivityConsumer consumer = UserActivityConsumer.create(options, out, err);
            app.complete(consumer);
            return consumer.run();
        }, args);
        run.stop = () -> app.join().stop();
        return run;
    }

    /** Asks the program to stop, as a shutdown hook would. */
    void stop() {
        stop.run();
    }

    static ProgramRun producer(String... args) {
        return start(UserActivityProducer::run, args);
    }

    static ProgramRun consumer(String... args) {
        return start(UserActivityConsumer::run, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The exit code, once the program ends by itself within {@code limit}. */
    int awaitExit(Duration limit) throws InterruptedException {
        try {
            return exit.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + limit + "\nstdout:\n" + out() + "\nstderr:\n" + err());
        } catch (ExecutionException e) {
            throw new AssertionError("threw instead of returning an exit code", e.getCause());
        }
    }
}

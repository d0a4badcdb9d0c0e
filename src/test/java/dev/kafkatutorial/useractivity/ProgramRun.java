package dev.kafkatutorial.useractivity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One of the programs run in this JVM on its own thread, as its main would run it, with its output captured. */
final class ProgramRun {

    interface Program {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit;

    private ProgramRun(Program program, String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> program.run(args, stdout, stderr),
                runnable -> new Thread(runnable, "program-under-test").start());
    }

    static ProgramRun start(Program program, String... args) {
        return new ProgramRun(program, args);
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

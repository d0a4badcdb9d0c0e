package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/** One of the programs run in this JVM on its own thread, as its main would run it, with its output captured. */
final class ProgramRun {

    interface Program {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Object outLinesChanged = new Object();
    private long outLines; // guarded by outLinesChanged: newlines written to stdout so far
    private final PrintStream stdout = new PrintStream(new FilterOutputStream(out) {
        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                lineWritten(1);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            int newlines = 0;
            for (int i = off; i < off + len; i++) {
                newlines += b[i] == '\n' ? 1 : 0;
            }
            lineWritten(newlines);
        }
    }, true, StandardCharsets.UTF_8);
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
        run.stop = () -> {
            try {
                app.get(30, TimeUnit.SECONDS).stop();
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new AssertionError("the consumer was not created within 30 s", e);
            }
        };
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

    private void lineWritten(int newlines) {
        if (newlines > 0) {
            synchronized (outLinesChanged) {
                outLines += newlines;
                outLinesChanged.notifyAll();
            }
        }
    }

    /** Lines the program has written to stdout so far: counted as written, without decoding the output. */
    long outLines() {
        synchronized (outLinesChanged) {
            return outLines;
        }
    }

    /**
     * Waits until stdout has at least {@code lines} lines or the program has ended, woken by each write (no
     * polling); fails after {@code limit}. Returns the number of lines at that moment.
     */
    long awaitOutLines(long lines, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (outLinesChanged) {
            while (outLines < lines && !exit.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + outLines + " of " + lines + " lines on stdout after " + limit
                            + "\nstderr:\n" + err());
                }
                outLinesChanged.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
            }
            return outLines;
        }
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

package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.Language;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What both programs' {@code main} share: parse the options, turn every failure into one line and an exit
 * code (2 for a bad command line, 1 for a failure at run time, never a stack trace), and run until done or
 * until the JVM is asked to stop.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String SHOW_TIME_PROPERTY = "org.slf4j.simpleLogger.showDateTime";

    private Cli() {
    }

    /** A program: {@link #run()} on the calling thread until done; {@link #stop()} from any thread (Ctrl+C). */
    public interface Program {
        /** Runs until done or stopped; returns the exit code. */
        int run();

        /** Asks {@link #run()} to end soon, with its summary. */
        void stop();
    }

    /**
     * A program's whole command line: parses {@code args} into {@code options}, builds the program with
     * {@code create} (after parsing, so it sees the options), and runs it until done or until Ctrl+C, which
     * waits up to {@code grace} for its summary. Returns the exit code.
     */
    public static int run(Object options, String[] args, PrintStream out, PrintStream err, Supplier<Program> create,
                          Duration grace) {
        return execute(options, args, out, err, () -> {
            Program program = create.get();
            return runUntilStopped(program::run, program::stop, grace);
        });
    }

    /** Options that check how they combine, after parsing; an {@link IllegalArgumentException} is a usage error. */
    public interface Validated {
        void validate();
    }

    /**
     * Parses {@code args} into {@code options} (a picocli {@code @Command}), answers {@code --help} and
     * {@code --version}, and otherwise runs {@code program}.
     */
    public static int execute(Object options, String[] args, PrintStream out, PrintStream err,
                              Callable<Integer> program) {
        CommandLine commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        String name = commandLine.getCommandName();
        String undecodable = Locales.undecodableArgument(args);
        if (undecodable != null) {
            err.println(name + ": " + undecodable);
            return USAGE;
        }
        try {
            commandLine.parseArgs(args);
            if (!commandLine.isUsageHelpRequested() && !commandLine.isVersionHelpRequested()) {
                for (CommandLine.Model.CommandSpec mixin : commandLine.getCommandSpec().mixins().values()) {
                    if (mixin.userObject() instanceof Validated validated) {
                        validated.validate(); // the shared options (ClientOptions) first
                    }
                }
                if (options instanceof Validated validated) {
                    validated.validate();
                }
            }
        } catch (ParameterException | IllegalArgumentException e) {
            err.println(name + ": " + usageLine(e, args));
            return USAGE;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(new PrintWriter(out, true));
            return OK;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(new PrintWriter(out, true));
            return OK;
        }
        try {
            return program.call();
        } catch (Exception e) {
            err.println(name + ": " + oneLine(e));
            return FAILED;
        }
    }

    /**
     * A refused command line's one line. A {@link Localized} reason is said in the language of {@code --lang},
     * read from {@code args} themselves: picocli may have stopped before it reached {@code --lang}.
     */
    static String usageLine(RuntimeException error, String[] args) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Localized localized) {
                Language language = languageIn(args);
                UsageLines lines = new UsageLines(language);
                String reason = localized.reason(language);
                return error instanceof ParameterException parameter
                        && parameter.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                        ? lines.invalidValue(option.longestName(), reason) : lines.refused(reason);
            }
        }
        return oneLine(error) + " (see --help)";
    }

    /** {@code --lang ko|en} or {@code --lang=ko|en} as given (the last one), else the default, Korean. */
    static Language languageIn(String[] args) {
        Language language = Language.ko;
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            for (Language known : Language.values()) {
                if (known.name().equalsIgnoreCase(value)) {
                    language = known;
                }
            }
        }
        return language;
    }

    /**
     * Kafka loggers whose ERROR lines repeat a failure the programs report themselves, in one line: the
     * network client's "failed authentication", the metadata's "Topic authorization failed", and the
     * producer's I/O thread, which after that failure logs a stack trace on close (a Kafka client quirk: it
     * tries to abort a transaction the producer never had).
     */
    private static final List<String> QUIET_UNLESS_VERBOSE = List.of(
            "org.apache.kafka.clients.NetworkClient",
            "org.apache.kafka.clients.Metadata",
            "org.apache.kafka.clients.producer.internals.Sender");

    /** Shows Kafka's INFO logs with {@code --verbose}; must run before the first Kafka client is built. */
    public static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
            if (System.getProperty(SHOW_TIME_PROPERTY) == null) {
                System.setProperty(SHOW_TIME_PROPERTY, "true");
            }
            return;
        }
        for (String logger : QUIET_UNLESS_VERBOSE) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) { // a -D of the user's wins
                System.setProperty(property, "off");
            }
        }
    }

    /**
     * Runs {@code program} on this thread. Ctrl+C or SIGTERM calls {@code stop}, then waits up to
     * {@code grace} for the program to finish (flush, leave its group, print its summary) before the JVM exits.
     */
    public static int runUntilStopped(Callable<Integer> program, Runnable stop, Duration grace) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return program.call();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is what is running; nothing to remove
            }
        }
    }

    /** Standard output in UTF-8 whatever the platform's default, so Korean and emoji survive. */
    public static PrintStream stdout(boolean autoFlush) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                autoFlush, StandardCharsets.UTF_8);
    }

    public static PrintStream stderr() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }

    /** An exception and its causes as one line: each distinct message once, joined by ": ". */
    public static String oneLine(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            message = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
            String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
            if (!last.contains(message)) {
                parts.add(message);
            }
        }
        return parts.isEmpty() ? error.getClass().getSimpleName() : String.join(": ", parts);
    }
}

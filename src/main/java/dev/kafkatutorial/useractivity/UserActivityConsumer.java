package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.Failures;
import dev.kafkatutorial.useractivity.consumer.Audit;
import dev.kafkatutorial.useractivity.consumer.BatchPositions;
import dev.kafkatutorial.useractivity.consumer.CommitLedger;
import dev.kafkatutorial.useractivity.consumer.Committer;
import dev.kafkatutorial.useractivity.consumer.ConsumerLines;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.consumer.ConsumerSettings;
import dev.kafkatutorial.useractivity.consumer.EndOfRead;
import dev.kafkatutorial.useractivity.consumer.Explain;
import dev.kafkatutorial.useractivity.consumer.IdleTimeout;
import dev.kafkatutorial.useractivity.consumer.Lag;
import dev.kafkatutorial.useractivity.consumer.LineOutput;
import dev.kafkatutorial.useractivity.consumer.PoisonPills;
import dev.kafkatutorial.useractivity.consumer.ReaderProbe;
import dev.kafkatutorial.useractivity.consumer.RecordPrinter;
import dev.kafkatutorial.useractivity.consumer.Subscription;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The tutorial's {@code consumer_example.py} in Java, in the script's order: the {@code KafkaConsumer} in its
 * group (its settings in {@link ConsumerSettings}), the subscription, and the loop ({@link #consume()}): poll,
 * print each event as a banner with its partition and offset and one sentence ({@code ======= 새 메시지 수신
 * (파티션: 0, 오프셋: 1) =======}, {@code 🟢 사용자 123가 로그인했습니다.}), commit. A record that is not a valid
 * event is reported on stderr with its partition and offset and skipped.
 *
 * <p>Each option is one collaborator from {@code consumer/}: {@link Subscription} (what is read and from where:
 * {@code --partition}, {@code --include}, {@code --last}, {@code --from-time}), {@link RecordPrinter}
 * ({@code --output json}, {@code --print}), {@link Committer} ({@code --manual-commit}), {@link EndOfRead}
 * ({@code --to-end}), {@link IdleTimeout} ({@code --timeout-ms}), {@link Lag}, {@link Explain} ({@code --explain}),
 * {@link Audit} ({@code --audit}); {@link PoisonPills} reports and passes records that are no event.
 *
 * <p>The program owns the {@link Consumer} it is given: {@link #stop()} may be called from any thread
 * (it calls {@link Consumer#wakeup()}), and the polling thread closes the consumer, leaving the group at once.
 */
public final class UserActivityConsumer implements Cli.Program {

    /** The commit on the way out, and close(): bounded, so a stop with the broker gone still ends with a summary. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** Ctrl+C's wait for the above: a wakeup, the commit, close, the summary. */
    private static final Duration SHUTDOWN_GRACE = COMMIT_WAIT.plus(CLOSE_WAIT).plusSeconds(7);

    private final Consumer<String, UserActivity> consumer;
    private final ConsumerOptions options;
    private final ConsumerLines lines;
    private final LineOutput output;
    private final PrintStream err;
    private final CommitLedger ledger; // what was read and committed: the re-reads a failed commit leaves
    private final Committer committer;
    private final Lag lag;
    private final RecordPrinter printer;
    private final PoisonPills poisonPills;
    private final EndOfRead endOfRead; // --to-end, else null
    private Explain explain; // --explain, else null
    private Audit audit = Audit.OFF;

    private volatile boolean running = true;
    private boolean closing; // on the way out: the commit there is the last; close()'s revocation must not repeat it
    private boolean outputFailed;
    private long read;
    private Long lagLeft; // at the end: what the group has still to read, if known
    private KafkaException commitError; // the last commit's, if it failed

    public UserActivityConsumer(Consumer<String, UserActivity> consumer, ConsumerOptions options,
                                PrintStream out, PrintStream err) {
        this(consumer, options, new LineOutput(out, ReaderProbe.NONE), err, new CommitLedger());
    }

    UserActivityConsumer(Consumer<String, UserActivity> consumer, ConsumerOptions options, LineOutput output,
                         PrintStream err, CommitLedger ledger) {
        this.consumer = consumer;
        this.options = options;
        this.lines = new ConsumerLines(options.client().language());
        this.output = output;
        this.err = err;
        this.ledger = ledger;
        this.committer = new Committer(consumer, ledger, COMMIT_WAIT);
        this.lag = new Lag(consumer, lines, err);
        this.printer = new RecordPrinter(options, lines, lag);
        this.poisonPills = new PoisonPills(lines, err);
        this.endOfRead = options.toEnd() ? new EndOfRead(consumer, ClientSettings.BROKER_WAIT) : null;
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(false), Cli.stderr(), ReaderProbe.stdout()));
    }

    /** The whole command line: parse, wire up, run until done or Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, ReaderProbe.NONE);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}; {@code probe} sees a reader of {@code out} leave. */
    static int run(String[] args, PrintStream out, PrintStream err, ReaderProbe probe) {
        ConsumerOptions options = new ConsumerOptions();
        // --share-group: the same consumer as a member of a share group (a queue), Kafka's KafkaShareConsumer.
        return Cli.run(options, args, out, err, () -> options.shareGroup() != null
                ? UserActivityShareConsumer.create(options, out, err, probe)
                : create(options, out, err, probe), SHUTDOWN_GRACE);
    }

    /** Builds the program and its Kafka consumer from parsed options. */
    public static UserActivityConsumer create(ConsumerOptions options, PrintStream out, PrintStream err) {
        return create(options, out, err, ReaderProbe.NONE);
    }

    private static UserActivityConsumer create(ConsumerOptions options, PrintStream out, PrintStream err,
                                               ReaderProbe probe) {
        Cli.configureLogging(options.client().verbose());
        Map<String, Object> config = new ConsumerSettings(options).config();
        CommitLedger ledger = new CommitLedger();
        ledger.install(config); // learns of every commit, the automatic ones too
        Audit audit = Audit.of(options, config, err);
        Consumer<String, UserActivity> consumer = Failures.build(() -> new KafkaConsumer<>(config), options.client());
        LineOutput output = new LineOutput(out, probe);
        output.beforeEachWrite(audit::beforePrinting); // --audit: each id is on record before its line is written
        UserActivityConsumer app = new UserActivityConsumer(consumer, options, output, err, ledger);
        if (options.explain()) {
            app.explain = new Explain(consumer, config, app.lines, err);
            ledger.onEachCommit(app.explain::committed);
        }
        app.audit = audit.on(consumer);
        return app;
    }

    /** Consumes until stopped, {@code --max-messages} are printed or the idle timeout passes; returns the exit code. */
    @Override
    public int run() {
        String fatalError = null;
        try {
            fatalError = new Subscription(consumer, options, lines, err).start(committer,
                    () -> options.manualCommit() && !closing, endOfRead, lag, explain, audit);
            if (fatalError == null) {
                consume();
            }
        } catch (WakeupException e) {
            // stop() was called while polling: leave the group below
        } catch (KafkaException e) {
            fatalError = Failures.lineFor(e, consumer.metrics(), options.client(),
                    options.include() != null ? options.include().pattern() : options.client().topic(), lines);
            if (fatalError == null) {
                throw e;
            }
        } finally {
            leave(fatalError);
        }
        return report(fatalError);
    }

    /** Ends the run from another thread (a shutdown hook); the polling thread then closes the consumer. */
    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** The loop: poll, print each record, commit (with --manual-commit; else Kafka commits every 5 s). */
    private void consume() {
        IdleTimeout idle = new IdleTimeout(options.timeout());
        while (running && read < options.maxMessages() && (endOfRead == null || !endOfRead.reached())) {
            ConsumerRecords<String, UserActivity> records;
            try {
                records = consumer.poll(idle.pollTimeout());
            } catch (RecordDeserializationException e) {
                poisonPills.malformed(e, consumer, ledger);
                idle.reset();
                continue;
            }
            if (records.isEmpty()) {
                if (output.readerGone()) { // e.g. `| head -3` has its lines; all printed so far was written
                    outputFailed = true;
                    return;
                }
                if (idle.expired()) {
                    return;
                }
                continue;
            }
            idle.reset();
            print(records);
            if (outputFailed) {
                return;
            }
            if (options.manualCommit()) {
                committer.commitWhileRunning(); // what was printed, and nothing more, counts as read
            }
        }
    }

    private void print(ConsumerRecords<String, UserActivity> records) {
        BatchPositions positions = new BatchPositions();
        long readBefore = read;
        for (TopicPartition tp : records.partitions()) { // in the order iterating the records gives them
            for (ConsumerRecord<String, UserActivity> record : records.records(tp)) {
                positions.seen(tp, record.offset());
                if (!running || read >= options.maxMessages() || (endOfRead != null && endOfRead.past(tp, record.offset()))) {
                    positions.notPrinted(tp, record.offset()); // stopping inside the batch, or at --to-end's end
                    continue;
                }
                ledger.handled(tp, record.offset());
                if (record.value() == null) {
                    poisonPills.nullValue(record);
                } else {
                    read++;
                    audit.read(record);
                    printer.print(record, output);
                }
            }
        }
        if (output.flush()) {
            audit.printed(); // offsets the batch passed without a record: deleted before they were read?
        } else {
            outputFailed = true; // nothing of the batch counts as read, so no commit covers it
            running = false;
            read = readBefore;
            positions.noneWritten();
        }
        positions.rewind(consumer, ledger);
    }

    /** The way out: the last commit, then close(), which leaves the group. */
    private void leave(String fatalError) {
        outputFailed |= !output.flush(); // each batch was confirmed when printed: nothing to take back here
        closing = true;
        lagLeft = lag.left(); // before close(), after any rewind: what the group has still to read
        // The commit on the way out, with auto commit too: close() would try it as well, but for up to 30 s and
        // silently. A throw-away group (a one-off read) commits nothing.
        boolean commits = options.manualCommit() || !options.isThrowAwayGroup();
        commitError = commits && (fatalError == null || outputFailed) ? committer.commitOnExit() : null;
        // close() commits once more with auto commit; after a failed commit it would only wait for the coordinator.
        consumer.close(commitError == null ? CLOSE_WAIT : Duration.ofSeconds(1));
    }

    /** The lines after the run, the audit's table and the summary; returns the exit code. */
    private int report(String fatalError) {
        long rereads = ledger.uncommitted(); // after close(): its automatic commit may have succeeded after all
        if (outputFailed) {
            err.println(lines.outputFailed());
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        if (commitError != null && rereads > 0) {
            err.println(lines.commitFailed(commitError instanceof TimeoutException
                    ? lines.noAnswer(COMMIT_WAIT) : Cli.oneLine(commitError), rereads));
        }
        boolean audited = audit.close(fatalError != null); // the table; false: no partition ever assigned
        err.println(lines.consumerSummary(read, poisonPills.skipped(), lagLeft));
        return fatalError != null || outputFailed || (commitError != null && rereads > 0) || !audited
                ? Cli.FAILED : Cli.OK;
    }
}

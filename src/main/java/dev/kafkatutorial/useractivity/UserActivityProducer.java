package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.Failures;
import dev.kafkatutorial.useractivity.producer.BlockingSend;
import dev.kafkatutorial.useractivity.producer.BoundedClose;
import dev.kafkatutorial.useractivity.producer.Deadline;
import dev.kafkatutorial.useractivity.producer.Explain;
import dev.kafkatutorial.useractivity.producer.FirstContact;
import dev.kafkatutorial.useractivity.producer.InFlight;
import dev.kafkatutorial.useractivity.producer.OutageWatcher;
import dev.kafkatutorial.useractivity.producer.Pace;
import dev.kafkatutorial.useractivity.producer.ProducerLines;
import dev.kafkatutorial.useractivity.producer.ProducerOptions;
import dev.kafkatutorial.useractivity.producer.ProducerSettings;
import dev.kafkatutorial.useractivity.producer.Progress;
import dev.kafkatutorial.useractivity.producer.SendOutput;
import dev.kafkatutorial.useractivity.producer.SendStatistics;
import dev.kafkatutorial.useractivity.producer.Transactions;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The tutorial's {@code producer_example.py} in Java, in the script's order: the {@code KafkaProducer} (its
 * settings in {@link ProducerSettings}), an event made at random, printed ({@code 메시지 전송: ...}) and sent
 * asynchronously, and a callback ({@link #onCompletion}) that prints where it landed ({@code 메시지 전송 성공 -
 * 토픽: user_activity, 파티션: 0, 오프셋: 0}). The loop runs until stopped or {@code --max-messages} are sent, then
 * waits for what is still in flight and prints a summary.
 *
 * <p>Each option is one collaborator from {@code producer/}: {@link Pace} ({@code --interval}, {@code --rate}),
 * {@link Deadline} ({@code --duration}), {@link Transactions} ({@code --transactional-id}), {@link SendOutput}
 * ({@code --output json}, {@code --quiet}, {@code --explain}), {@link Progress} ({@code --quiet}'s line a second),
 * {@link OutageWatcher} (the broker away and back), {@link SendStatistics} (the summary's rate and latency).
 *
 * <p>The program owns the {@link Producer} it is given and closes it when {@link #run()} returns.
 */
public final class UserActivityProducer implements Cli.Program {

    /**
     * After Ctrl+C, how long in-flight events may take to be acknowledged before they count as failed; under
     * transactions the open transaction's commit and then close() share it.
     */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** How long Ctrl+C waits for the summary: the grace, a second per helper thread, room for a slow machine. */
    static final Duration SHUTDOWN_LIMIT = SHUTDOWN_GRACE.plusSeconds(5);

    private final Producer<String, UserActivity> producer;
    private final ProducerOptions options;
    private final ProducerSettings settings;
    private final String topic;
    private final Supplier<UserActivity> events;
    private final ProducerLines lines;
    private final PrintStream err;
    private final EventIdHeader eventIds; // each event's id (this run's id and its number), then the --header ones
    private final SendOutput output;
    private final Transactions<String, UserActivity> transactions; // --transactional-id; else a pass-through
    private final Pace pace;
    private final InFlight inFlight = new InFlight();
    private final SendStatistics statistics = new SendStatistics();
    private final BlockingSend blocking = new BlockingSend(); // lets stop() cut a send() waiting for the broker
    private final BlockingSend ending = BlockingSend.cutAfter(SHUTDOWN_GRACE); // and a commit only after the grace

    private volatile boolean running = true;
    private volatile String fatalError;
    private volatile boolean stoppedBySyncFailure; // its reason is the failure line already printed

    public UserActivityProducer(Producer<String, UserActivity> producer, ProducerOptions options,
                                Supplier<UserActivity> events, PrintStream out, PrintStream err) {
        this.producer = producer;
        this.options = options;
        this.settings = new ProducerSettings(options);
        this.topic = options.client().topic();
        this.events = events;
        this.lines = new ProducerLines(options.client().language());
        this.err = err;
        this.eventIds = EventIdHeader.forNewRun(UUID.randomUUID().toString().substring(0, 8), options.headers());
        this.output = new SendOutput(options, lines, eventIds,
                new Explain(lines, () -> producer.partitionsFor(topic).size()), out, err);
        this.transactions = new Transactions<>(producer, options, out, err, blocking, ending, this::fail);
        this.pace = options.hasRate() ? Pace.ofRate(options.interval()) : new Pace(options.interval());
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until done or Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProducerOptions options = new ProducerOptions();
        return Cli.run(options, args, out, err, () -> create(options, out, err), SHUTDOWN_LIMIT);
    }

    /** Builds the program and its Kafka producer from parsed options. */
    public static UserActivityProducer create(ProducerOptions options, PrintStream out, PrintStream err) {
        Cli.configureLogging(options.client().verbose());
        Producer<String, UserActivity> producer = Failures.build(
                () -> new KafkaProducer<>(new ProducerSettings(options).config()), options.client());
        // Nothing here is a secret, so no SecureRandom; only the sending thread draws, so no java.util.Random.
        SplittableRandom random = options.seed() == null ? new SplittableRandom() : new SplittableRandom(options.seed());
        return new UserActivityProducer(producer, options, new RandomActivities(random, Clock.systemUTC()), out, err);
    }

    /** Sends until stopped or done; returns the exit code: 0, or 1 after a fatal error. */
    @Override
    public int run() {
        Progress progress = options.quiet()
                ? new Progress(inFlight::sent, inFlight::acknowledged, statistics, lines, err) : null;
        OutageWatcher outages = null;
        try {
            if (FirstContact.connect(producer, topic, blocking, options.client(), lines, this::fail)) {
                output.started(settings, topic);
                String address = options.client().bootstrapServers();
                outages = new OutageWatcher(producer::metrics, inFlight::pending, () -> err.println(
                        lines.brokerAway(address, settings.deliveryTimeout(), options.transactionalId() != null)),
                        () -> err.println(lines.brokerBack(address))).start();
                produce();
                // Commits (or aborts) the open transaction, if any, within the stop's grace, and reports its events.
                transactions.finish();
                inFlight.await(() -> running);
            }
        } finally {
            if (progress != null) {
                progress.close(); // its last line comes before the summary
            }
            if (outages != null) {
                outages.close(); // while the producer's metrics are still there for its last look
            }
            // Events still unacknowledged after the grace fail in their callbacks, each with its line, before
            // close() returns. Nothing sent, nothing to wait for: a failed start ends at once.
            BoundedClose.close(producer, inFlight.sent() == 0 ? Duration.ZERO : ending.remaining());
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        err.println(statistics.summary(lines, inFlight.sent(), inFlight.acknowledged()));
        return fatalError == null && !stoppedBySyncFailure ? Cli.OK : Cli.FAILED;
    }

    /** The send loop: make an event, print it, send it with a callback, wait for the next. */
    private void produce() {
        Deadline deadline = Deadline.after(options.duration()).cutting(pace);
        long max = options.maxMessages();
        boolean paced = !options.interval().isZero();
        pace.start();
        while (running && fatalError == null && inFlight.sent() < max && !deadline.passed()) {
            UserActivity event = events.get();
            String key = options.keyByUser() ? String.valueOf(event.userId()) : null;
            if (!output.sending(event)) {
                fail(lines.stdoutFailed()); // stdout closed (| head) or full: stop as on Ctrl+C, exit 1
            }
            long sequence = inFlight.sending();
            send(new ProducerRecord<>(topic, null, key, event, eventIds.headers(sequence)), sequence);
            if (paced && inFlight.sent() < max && !deadline.passed() && !pace.awaitNext()) {
                stop(); // the wait for the next event was cut short
            }
        }
    }

    /**
     * The tutorial's {@code producer.send(topic, value).add_callback(...)}; with {@code --sync}, {@code .get()}. A
     * stop cuts the send (and get()) at once, never a commit: see {@link Transactions}.
     */
    private void send(ProducerRecord<String, UserActivity> record, long sequence) {
        long sentAt = statistics.sending(); // one nanoTime here, one in the callback: the latency
        try {
            var result = transactions.send(record, (metadata, error, transaction) -> {
                if (error == null) {
                    statistics.acknowledged(sentAt);
                }
                onCompletion(sequence, record.key(), metadata, error, transaction);
            });
            if (options.sync()) {
                blocking.enter();
                try {
                    result.get(); // the callback has run when get() returns: its line comes before the next event
                } finally {
                    blocking.exit();
                }
            }
        } catch (ExecutionException e) {
            // reported by the callback already
        } catch (InterruptedException e) {
            stop(); // --sync's get() cut by a stop: the event is still in flight, close() settles it
        } catch (InterruptException e) {
            onCompletion(sequence, record.key(), null, new KafkaException(lines.stoppedWhileWaiting()), null);
        } catch (KafkaException e) {
            onCompletion(sequence, record.key(), null, e, null);
        }
    }

    /**
     * The callback: runs on the producer's I/O thread once the event is acknowledged or has finally failed (under
     * transactions, on the sending thread once its transaction ended). It counts the event whatever happens in it:
     * an event never counted would keep the end of the run waiting for it.
     */
    private void onCompletion(long sequence, String key, RecordMetadata metadata, Exception error,
                              Transactions.Outcome transaction) {
        try {
            if (error == null) {
                if (!output.acknowledged(sequence, key, metadata, transaction)) {
                    fail(lines.stdoutFailed());
                }
            } else {
                output.failed(sequence, topic, error);
                String fatal = Failures.fatalMessage(error, lines);
                if (fatal != null) {
                    fail(fatal);
                } else if (options.sync() && running && !(error instanceof RetriableException)) {
                    // --sync: stop at the first event no retry can deliver (not one failed by a stop request)
                    stoppedBySyncFailure = true;
                    stop();
                }
            }
        } finally {
            inFlight.completed(error == null);
        }
    }

    /**
     * Ends the run from another thread (a shutdown hook): no new events, a send() waiting for the broker gives
     * up at once, in-flight events get a grace period.
     */
    @Override
    public void stop() {
        running = false;
        blocking.stop();
        ending.stop();
        pace.stop();
    }

    /** The first fatal error ends the run; its line comes before the summary. */
    private void fail(String line) {
        if (line != null && fatalError == null) {
            fatalError = line;
            stop();
        }
    }
}

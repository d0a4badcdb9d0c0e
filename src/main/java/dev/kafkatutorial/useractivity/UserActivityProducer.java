package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ProducerOptions;
import dev.kafkatutorial.useractivity.producer.BlockingSend;
import dev.kafkatutorial.useractivity.producer.BoundedClose;
import dev.kafkatutorial.useractivity.producer.Deadline;
import dev.kafkatutorial.useractivity.producer.EventIdHeader;
import dev.kafkatutorial.useractivity.producer.Explain;
import dev.kafkatutorial.useractivity.producer.OutageWatcher;
import dev.kafkatutorial.useractivity.producer.Pace;
import dev.kafkatutorial.useractivity.producer.Progress;
import dev.kafkatutorial.useractivity.producer.SendReport;
import dev.kafkatutorial.useractivity.producer.SendStatistics;
import dev.kafkatutorial.useractivity.producer.Transactions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tutorial's {@code producer_example.py}: every interval, a random user-activity event, printed and sent
 * asynchronously; a callback reports where it landed. Runs until stopped or {@code maxMessages} are sent,
 * then waits for what is still in flight and prints a summary.
 *
 * <p>The program owns the {@link Producer} it is given and closes it when {@link #run()} returns.
 */
public final class UserActivityProducer {

    /** After Ctrl+C, how long in-flight events may take to be acknowledged before they count as failed. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** How long Ctrl+C waits for the summary: close()'s grace, a second per helper thread, room for a slow machine. */
    static final Duration SHUTDOWN_LIMIT = SHUTDOWN_GRACE.plusSeconds(5);

    /**
     * The record header that tells events apart: this run's id and the event's sequence number, as
     * {@code 3f2a9c1e-0}, {@code 3f2a9c1e-1}, ... Two events can be equal field for field; their ids never are,
     * so a reader can count what was lost or read twice. The JSON value stays the tutorial's.
     */
    public static final String EVENT_ID_HEADER = "event-id";

    private final Producer<String, UserActivity> producer;
    private final String topic;
    private final String bootstrapServers;
    private final ClientOptions client; // where the address came from, for the advice in a failure line
    private final Supplier<UserActivity> events;
    private final Duration interval;
    private final long maxMessages;
    private final boolean sync;
    private final boolean keyByUser;
    private final boolean quiet;
    private final boolean json; // --output json: one SendReport line per completed event instead of the text lines
    private final Messages messages;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration deliveryTimeout;
    private final Transactions<String, UserActivity> transactions; // --transactional-id; else a pass-through
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final BlockingSend blocking = new BlockingSend(); // lets stop() cut a send() waiting for the broker
    private final Explain explain; // --explain (text output only); else null
    private final Map<String, Object> userProperties;

    private volatile boolean running = true;
    private final Pace pace;
    private final Duration duration; // --duration, or null
    private final EventIdHeader eventIds; // the event-id header, then the --header ones
    private final SendStatistics statistics = new SendStatistics(); // throughput and latency for the summary
    private volatile String fatalError;
    private volatile boolean stoppedBySyncFailure; // its reason is the failure line already printed
    private volatile long sent; // only the sending thread writes it; --quiet's progress thread reads it
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong completed = new AtomicLong(); // acknowledged or failed
    private final Object completion = new Object();
    private volatile boolean awaiting; // awaitInFlight() waits on completion

    public UserActivityProducer(Producer<String, UserActivity> producer, ProducerOptions options,
                                Supplier<UserActivity> events, PrintStream out, PrintStream err) {
        this.producer = producer;
        this.topic = options.client().topic();
        this.bootstrapServers = options.client().bootstrapServers();
        this.client = options.client();
        this.events = events;
        this.interval = options.interval();
        this.pace = options.hasRate() ? Pace.ofRate(interval) : new Pace(interval);
        this.duration = options.duration();
        this.eventIds = new EventIdHeader(EVENT_ID_HEADER, runId, options.headers().stream()
                .map(h -> Map.entry(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8))).toList());
        this.maxMessages = options.maxMessages();
        this.sync = options.sync();
        this.keyByUser = options.keyByUser();
        this.quiet = options.quiet();
        this.json = options.output() == ProducerOptions.Output.json;
        this.deliveryTimeout = Duration.ofMillis(Long.parseLong(String.valueOf(options.client().userProperties()
                .getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)).trim()));
        this.messages = new Messages(options.client().language());
        this.out = out;
        this.err = err;
        this.transactions = new Transactions<>(producer, options.transactionalId(), options.transactionSize(),
                options.abortEvery(), messages, out, err);
        this.explain = options.explain() && !json && !quiet
                ? new Explain(messages, () -> producer.partitionsFor(topic).size()) : null;
        this.userProperties = options.client().userProperties();
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until done or Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProducerOptions options = new ProducerOptions();
        return Cli.execute(options, args, out, err, () -> {
            UserActivityProducer app = create(options, out, err);
            return Cli.runUntilStopped(app::run, app::stop, SHUTDOWN_LIMIT);
        });
    }

    /** Builds the program and its Kafka producer from parsed options. */
    public static UserActivityProducer create(ProducerOptions options, PrintStream out, PrintStream err) {
        Cli.configureLogging(options.client().verbose());
        // SplittableRandom: nothing here is a secret (SecureRandom, a lock and /dev/urandom on every call, was a
        // tenth of the sending thread's time at --interval 0), and only the sending thread draws, so no need for
        // java.util.Random's atomic update on every number either.
        RandomGenerator random = options.seed() == null ? new SplittableRandom() : new SplittableRandom(options.seed());
        Producer<String, UserActivity> producer =
                Failures.build(() -> new KafkaProducer<>(config(options)), options.client());
        return new UserActivityProducer(producer, options, new RandomActivities(random, Clock.systemUTC()), out, err);
    }

    /** The producer's configuration, in one place. The user's properties win over these defaults. */
    static Map<String, Object> config(ProducerOptions options) {
        ClientOptions client = options.client();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "user-activity-producer");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, UserActivitySerializer.class);
        // The tutorial's choice: the leader answers only when every in-sync replica has the event.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A retry after a lost answer can neither duplicate nor reorder an event (needs acks=all).
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // send() and partitionsFor() wait this long for a broker; Kafka's 60 s would hide a wrong address.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Failures.BROKER_WAIT.toMillis());
        // Keep the topic's metadata while the broker is away. Kafka 4's default, "rebootstrap", forgets it as soon
        // as no known broker can be reached and starts over from bootstrap.servers: then every send() during an
        // outage waits max.block.ms for metadata and fails ("Topic ... not present in metadata after 10000 ms")
        // instead of waiting in the buffer to be retried for delivery.timeout.ms. "none" is Kafka 3's behaviour:
        // retry the brokers it knows. (Rebootstrapping helps a client whose whole cluster moved to new addresses.)
        config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        // No metric MBeans: Kafka 4's default reporter registers each of the client's metrics (hundreds) with the
        // JVM's platform MBean server, a tenth of start-up in a profile. The programs read their metrics directly
        // (metrics()); `--command-property metric.reporters=org.apache.kafka.common.metrics.JmxReporter` brings
        // them back for jconsole.
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
        if (options.interval().isZero()) {
            // --interval 0 makes the producer a load generator: then throughput is what counts, not the
            // latency of one event. Kafka's defaults (16 KiB batches, linger.ms=5) send many small requests, and
            // with acks=all each waits for the log append; every request also costs the broker and the client's
            // I/O thread CPU that the sending thread could use. So big batches (512 KiB, several thousand events)
            // and 50 ms for one to fill: the fastest of kafka-producer-perf-test's settings on the benchmark's
            // machine (docs/benchmarks.md).
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        } else {
            // With a pause between events (the tutorial's 5 s) there is nothing to batch: Kafka 4's
            // linger.ms=5 would only hold each event back 5 ms. Send each at once, as Kafka 3 did.
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        }
        // delivery.timeout.ms stays at Kafka's 120 s: an event is retried through a broker restart that long
        // before it counts as failed.
        if (options.transactionalId() != null) {
            // --transactional-id: events go out in transactions (producer/Transactions). The id survives restarts:
            // a new producer with it fences the old one and aborts what that one left open.
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                    Transactions.timeoutMs(options.interval(), options.transactionSize()));
        }
        config.putAll(client.userProperties());
        fitBatchToBuffer(config, client.userProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }

    /**
     * The producer takes each batch whole from its {@code buffer.memory}: a user's buffer smaller than our 512 KiB
     * batch would fail every send ("Attempt to allocate ... but there is a hard limit"). Then batches are a
     * quarter of the buffer, unless the user chose {@code batch.size} too. An unreadable value is Kafka's to report.
     */
    private static void fitBatchToBuffer(Map<String, Object> config, Map<String, Object> user) {
        Object batch = config.get(ProducerConfig.BATCH_SIZE_CONFIG);
        Object buffer = user.get(ProducerConfig.BUFFER_MEMORY_CONFIG);
        if (!(batch instanceof Integer ours) || buffer == null || user.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            return;
        }
        try {
            long bytes = Long.parseLong(String.valueOf(buffer).trim());
            if (bytes < ours) {
                config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) Math.max(1, bytes / 4));
            }
        } catch (NumberFormatException e) {
            // Kafka's own config check says what is wrong with it
        }
    }

    /** Sends until stopped or done; returns the exit code: 0, or 1 after a fatal error. */
    public int run() {
        Progress progress = quiet ? new Progress(() -> sent, acknowledged::get, statistics, messages, err) : null;
        OutageWatcher outages = null;
        try {
            if (connect()) {
                if (explain != null) {
                    out.println(explain.acks(bootstrapServers, userProperties, topic));
                }
                outages = new OutageWatcher(producer::metrics, () -> sent - completed.get(),
                        () -> err.println(messages.brokerAway(bootstrapServers, deliveryTimeout)),
                        () -> err.println(messages.brokerBack(bootstrapServers))).start();
                produce();
                if (fatalError == null) {
                    transactions.finish(); // commits (or aborts) the open transaction, if any
                }
                awaitInFlight();
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
            BoundedClose.close(producer, sent == 0 ? Duration.ZERO : SHUTDOWN_GRACE);
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        err.println(summary());
        return fatalError == null && !stoppedBySyncFailure ? Cli.OK : Cli.FAILED;
    }

    /**
     * Ends the run from another thread (a shutdown hook): no new events, a send() waiting for the broker gives
     * up at once, in-flight events get a grace period.
     */
    public void stop() {
        running = false;
        blocking.stop();
        pace.stop();
    }

    /** Fetches the topic's metadata once, so a wrong address or missing rights fail before the first event. */
    private boolean connect() {
        blocking.enter();
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (InterruptException e) {
            return false; // stopped before the broker answered: the summary says nothing was sent
        } catch (TimeoutException e) {
            fatalError = Failures.timeoutMessage(e, producer.metrics(), client, topic, messages);
        } catch (KafkaException e) {
            fatalError = Failures.fatalMessage(e, messages);
            if (fatalError == null) {
                throw e;
            }
        } finally {
            blocking.exit();
        }
        return false;
    }

    /** The counts, then throughput and latency like kafka-producer-perf-test's once something was acknowledged. */
    private String summary() {
        String counts = messages.producerSummary(sent, acknowledged.get(), sent - acknowledged.get());
        SendStatistics.Figures all = statistics.total();
        return all.count() == 0 ? counts : counts + ", " + messages.throughput(statistics.throughput()) + ", "
                + messages.latency(all.averageMs(), all.p50Ms(), all.p95Ms(), all.p99Ms(), all.maxMs());
    }

    private void produce() {
        Deadline deadline = Deadline.after(duration).cutting(pace);
        pace.start();
        while (running && fatalError == null && sent < maxMessages && !deadline.passed()) {
            UserActivity event = events.get();
            String key = keyByUser ? String.valueOf(event.userId()) : null;
            if (!quiet && !json) {
                out.println(messages.sending(event));
                checkStdout();
            }
            long eventId = sent;
            RecordHeaders headers = eventIds.headers(eventId);
            sent++;
            blocking.enter();
            long sentAt = statistics.sending(); // one nanoTime here, one in the callback: the latency
            try {
                Future<RecordMetadata> result = transactions.send(new ProducerRecord<>(topic, null, key, event, headers),
                        (metadata, error) -> {
                            if (error == null) {
                                statistics.acknowledged(sentAt);
                            }
                            onCompletion(eventId, key, metadata, error);
                        });
                if (sync) {
                    result.get(); // the callback has run when get() returns: its line comes before the next event
                }
            } catch (ExecutionException e) {
                // reported by the callback already
            } catch (InterruptedException e) {
                stop(); // --sync's get() cut by a stop: the event is still in flight, close() settles it
            } catch (InterruptException e) {
                onCompletion(eventId, key, null, new KafkaException(messages.stoppedWhileWaiting()));
            } catch (KafkaException e) {
                onCompletion(eventId, key, null, e);
            } finally {
                blocking.exit();
            }
            if (!interval.isZero() && sent < maxMessages && !deadline.passed()) {
                pause();
            }
        }
    }

    /** Runs on the producer's I/O thread for each event, once it is acknowledged or has finally failed. */
    private void onCompletion(long eventId, String key, RecordMetadata metadata, Exception error) {
        if (error == null) {
            acknowledged.incrementAndGet();
            if (!quiet) {
                out.println(json ? SendReport.acknowledged(eventIds.id(eventId), metadata)
                        : messages.sent(metadata.topic(), metadata.partition(), metadata.offset(), key));
                if (explain != null) {
                    out.println(explain.partition(key, metadata));
                }
                checkStdout();
            }
        } else {
            err.println(messages.sendFailed(Cli.oneLine(error)));
            if (json && !quiet) {
                out.println(SendReport.failed(eventIds.id(eventId), topic, Cli.oneLine(error)));
            }
            String fatal = Failures.fatalMessage(error, messages);
            if (fatal != null && fatalError == null) {
                fatalError = fatal;
                stop();
            } else if (sync && running && !(error instanceof RetriableException)) {
                // --sync: stop at the first event no retry can deliver (not one failed by a stop request)
                stoppedBySyncFailure = true;
                stop();
            }
        }
        // Only the final wait needs waking: a lock and notifyAll() per acknowledgement would cost the
        // I/O thread time at --interval 0.
        if (completed.incrementAndGet() >= sent && awaiting) {
            synchronized (completion) {
                completion.notifyAll();
            }
        }
    }

    /** Waits until every sent event has completed, or until a stop request cuts the wait to the grace period. */
    private void awaitInFlight() {
        awaiting = true;
        synchronized (completion) {
            while (completed.get() < sent && running) {
                try {
                    completion.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A PrintStream never throws: a reader that went away ({@code | head}) or a full disk only sets its error
     * flag. Then stop as on Ctrl+C (in-flight events are settled, the summary goes to stderr), and exit 1.
     */
    private void checkStdout() {
        if (out.checkError()) {
            if (fatalError == null) {
                fatalError = messages.stdoutFailed();
            }
            stop();
        }
    }

    private void pause() {
        if (!pace.awaitNext()) {
            stop();
        }
    }
}

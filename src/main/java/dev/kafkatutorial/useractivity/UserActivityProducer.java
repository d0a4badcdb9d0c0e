package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ProducerOptions;
import dev.kafkatutorial.useractivity.producer.Transactions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
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

    /**
     * The record header that tells events apart: this run's id and the event's sequence number, as
     * {@code 3f2a9c1e-0}, {@code 3f2a9c1e-1}, ... Two events can be equal field for field; their ids never are,
     * so a reader can count what was lost or read twice. The JSON value stays the tutorial's.
     */
    public static final String EVENT_ID_HEADER = "event-id";

    private final Producer<String, UserActivity> producer;
    private final String topic;
    private final String bootstrapServers;
    private final Supplier<UserActivity> events;
    private final Duration interval;
    private final long maxMessages;
    private final boolean sync;
    private final boolean keyByUser;
    private final boolean quiet;
    private final Messages messages;
    private final PrintStream out;
    private final PrintStream err;
    private final Transactions<String, UserActivity> transactions; // --transactional-id; else a pass-through
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    private volatile boolean running = true;
    private final CountDownLatch stopRequested = new CountDownLatch(1); // wakes the pause between events
    private volatile String fatalError;
    private volatile boolean stoppedBySyncFailure; // its reason is the failure line already printed
    private long nextEventAt; // System.nanoTime() at which the next event is due; 0 before the first pause
    private volatile long sent; // only the sending thread writes it; --quiet's progress thread reads it
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong completed = new AtomicLong(); // acknowledged or failed
    private final Object completion = new Object();

    public UserActivityProducer(Producer<String, UserActivity> producer, ProducerOptions options,
                                Supplier<UserActivity> events, PrintStream out, PrintStream err) {
        this.producer = producer;
        this.topic = options.client().topic();
        this.bootstrapServers = options.client().bootstrapServers();
        this.events = events;
        this.interval = options.interval();
        this.maxMessages = options.maxMessages();
        this.sync = options.sync();
        this.keyByUser = options.keyByUser();
        this.quiet = options.quiet();
        this.messages = new Messages(options.client().language());
        this.out = out;
        this.err = err;
        this.transactions = new Transactions<>(producer, options.transactionalId(), options.transactionSize(),
                options.abortEvery(), messages, out, err);
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until done or Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProducerOptions options = new ProducerOptions();
        return Cli.execute(options, args, out, err, () -> {
            UserActivityProducer app = create(options, out, err);
            return Cli.runUntilStopped(app::run, app::stop, SHUTDOWN_GRACE.plusSeconds(5));
        });
    }

    /** Builds the program and its Kafka producer from parsed options. */
    public static UserActivityProducer create(ProducerOptions options, PrintStream out, PrintStream err) {
        Cli.configureLogging(options.client().verbose());
        // Random, not SecureRandom: nothing here is a secret, and SecureRandom (a lock and /dev/urandom on every
        // call) was a tenth of the sending thread's time at --interval 0.
        Random random = options.seed() == null ? new Random() : new Random(options.seed());
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
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonSerializer.class);
        // The tutorial's choice: the leader answers only when every in-sync replica has the event.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A retry after a lost answer can neither duplicate nor reorder an event (needs acks=all).
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // send() and partitionsFor() wait this long for a broker; Kafka's 60 s would hide a wrong address.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Failures.BROKER_WAIT.toMillis());
        if (options.interval().isZero()) {
            // --interval 0 makes the producer a load generator: then throughput is what counts, not the
            // latency of one event. Kafka's defaults (16 KiB batches, linger.ms=5) send many small requests,
            // and with acks=all each waits for the log append: measured here, kafka-producer-perf-test made
            // 80k-158k records/s with them and 194k-237k with 64 KiB batches and linger.ms=10. So bigger
            // batches, and 10 ms for one to fill.
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
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
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }

    /** Sends until stopped or done; returns the exit code: 0, or 1 after a fatal error. */
    public int run() {
        Thread progress = quiet ? startProgress() : null;
        try {
            if (connect()) {
                produce();
                if (fatalError == null) {
                    transactions.finish(); // commits (or aborts) the open transaction, if any
                }
                awaitInFlight();
            }
        } finally {
            if (progress != null) {
                progress.interrupt();
                try {
                    progress.join(1000); // its last line comes before the summary
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            producer.close(SHUTDOWN_GRACE); // events still unacknowledged after the grace fail in their callbacks
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        err.println(messages.producerSummary(sent, acknowledged.get(), sent - acknowledged.get()));
        return fatalError == null && !stoppedBySyncFailure ? Cli.OK : Cli.FAILED;
    }

    /** Ends the run from another thread (a shutdown hook): no new events, in-flight ones get a grace period. */
    public void stop() {
        running = false;
        stopRequested.countDown();
    }

    /** Fetches the topic's metadata once, so a wrong address or missing rights fail before the first event. */
    private boolean connect() {
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (TimeoutException e) {
            fatalError = Failures.timeoutMessage(e, producer.metrics(), bootstrapServers, topic, messages);
        } catch (KafkaException e) {
            fatalError = Failures.fatalMessage(e, messages);
            if (fatalError == null) {
                throw e;
            }
        }
        return false;
    }

    private void produce() {
        while (running && fatalError == null && sent < maxMessages) {
            UserActivity event = events.get();
            String key = keyByUser ? String.valueOf(event.userId()) : null;
            if (!quiet) {
                out.println(messages.sending(event));
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(EVENT_ID_HEADER, (runId + "-" + sent).getBytes(StandardCharsets.UTF_8));
            sent++;
            try {
                Future<RecordMetadata> result = transactions.send(new ProducerRecord<>(topic, null, key, event, headers),
                        (metadata, error) -> onCompletion(key, metadata, error));
                if (sync) {
                    result.get(); // the callback has run when get() returns: its line comes before the next event
                }
            } catch (ExecutionException e) {
                // reported by the callback already
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            } catch (KafkaException e) {
                onCompletion(key, null, e);
            }
            if (!interval.isZero() && sent < maxMessages) {
                pause();
            }
        }
    }

    /** Runs on the producer's I/O thread for each event, once it is acknowledged or has finally failed. */
    private void onCompletion(String key, RecordMetadata metadata, Exception error) {
        if (error == null) {
            acknowledged.incrementAndGet();
            if (!quiet) {
                out.println(messages.sent(metadata.topic(), metadata.partition(), metadata.offset(), key));
            }
        } else {
            err.println(messages.sendFailed(Cli.oneLine(error)));
            String fatal = Failures.fatalMessage(error, messages);
            if (fatal != null && fatalError == null) {
                fatalError = fatal;
                stop();
            } else if (sync && !(error instanceof RetriableException)) {
                stoppedBySyncFailure = true; // --sync: stop at the first event no retry can deliver
                stop();
            }
        }
        synchronized (completion) {
            completed.incrementAndGet();
            completion.notifyAll();
        }
    }

    /** Waits until every sent event has completed, or until a stop request cuts the wait to the grace period. */
    private void awaitInFlight() {
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

    /** --quiet: a line on stderr each second with the events sent and acknowledged so far, and the rate. */
    private Thread startProgress() {
        Thread thread = new Thread(() -> {
            long lastAcknowledged = 0;
            long last = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(1000);
                    long now = System.nanoTime();
                    long acked = acknowledged.get();
                    err.println(messages.producerProgress(sent, acked,
                            Math.round((acked - lastAcknowledged) * 1e9 / (now - last))));
                    lastAcknowledged = acked;
                    last = now;
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Waits until the next event is due: one every interval, counted from the previous event's due time rather
     * than from the end of its send, so --interval 1ms makes 1,000 events/s. A sender that falls behind
     * (a slow broker, a blocked send) goes on at the interval from now, without a burst to catch up.
     */
    private void pause() {
        long now = System.nanoTime();
        nextEventAt = nextEventAt == 0 || now - nextEventAt > interval.toNanos() ? now + interval.toNanos()
                : nextEventAt + interval.toNanos();
        try {
            stopRequested.await(nextEventAt - now, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}

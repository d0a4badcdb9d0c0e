package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.Failures;
import dev.kafkatutorial.useractivity.cli.RebalanceReporter;
import dev.kafkatutorial.useractivity.processor.BrokerWatch;
import dev.kafkatutorial.useractivity.processor.InputPositions;
import dev.kafkatutorial.useractivity.processor.PollBatch;
import dev.kafkatutorial.useractivity.processor.ProcessedActivity;
import dev.kafkatutorial.useractivity.processor.ProcessorLines;
import dev.kafkatutorial.useractivity.processor.ProcessorOptions;
import dev.kafkatutorial.useractivity.processor.ProcessorSettings;
import dev.kafkatutorial.useractivity.processor.Retries;
import dev.kafkatutorial.useractivity.processor.Transactions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The exactly-once processor, beyond the tutorial (consume-transform-produce, as Kafka's
 * {@code ExactlyOnceMessageProcessor}):
 * reads events in its own group and writes each, with its sentence added, to the output topic; each poll's
 * output and the input offsets that follow it are committed in one transaction, so after any crash a
 * {@code read_committed} reader of the output sees every input event exactly once.
 *
 * <p>It rides out a broker outage: a commit or abort waiting for the broker is made again until it is answered
 * ({@link Retries}), an aborted batch is read again, and two lines say when the broker went and came back
 * ({@link BrokerWatch}). Only what {@code KafkaProducer}'s javadoc calls fatal ends it, or the same failure five
 * times in a row ({@link Transactions}).
 *
 * <p>The program owns both clients: {@link #stop()} may be called from any thread (it calls
 * {@link Consumer#wakeup()}), and the polling thread finishes the transaction in hand and closes them.
 */
public final class UserActivityProcessor implements Cli.Program {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    /** After a stop, how long a commit or an abort that times out is still made again. */
    private static final Duration RETRY_AFTER_STOP = Duration.ofSeconds(10);
    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(5);
    private static final Duration CONSUMER_CLOSE = Duration.ofSeconds(3);
    /**
     * How long Ctrl+C waits for the summary: the retries after the stop, the call in hand when they end (it waits
     * max.block.ms), then both clients' close.
     */
    static final Duration SHUTDOWN_GRACE = RETRY_AFTER_STOP.plus(ClientSettings.BROKER_WAIT).plus(PRODUCER_CLOSE)
            .plus(CONSUMER_CLOSE).plusSeconds(2);

    private final Consumer<String, UserActivity> consumer;
    private final Producer<String, ProcessedActivity> producer;
    private final ProcessorOptions options;
    private final ProcessorLines lines;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration transactionTimeout;
    private final BrokerWatch watch;
    private final Retries retries;
    private final InputPositions positions;
    private final Transactions transactions;

    private volatile boolean running = true;
    private long processed;
    private long skipped;

    public UserActivityProcessor(Consumer<String, UserActivity> consumer, Producer<String, ProcessedActivity> producer,
                                 ProcessorOptions options, PrintStream out, PrintStream err) {
        this(consumer, producer, options, out, err, RETRY_AFTER_STOP);
    }

    UserActivityProcessor(Consumer<String, UserActivity> consumer, Producer<String, ProcessedActivity> producer,
                          ProcessorOptions options, PrintStream out, PrintStream err, Duration retryAfterStop) {
        this.consumer = consumer;
        this.producer = producer;
        this.options = options;
        this.lines = new ProcessorLines(options.client().language());
        this.out = out;
        this.err = err;
        this.transactionTimeout = ProcessorSettings.transactionTimeout(options);
        String broker = options.client().bootstrapServers();
        this.watch = new BrokerWatch(() -> err.println(lines.brokerAway(broker, transactionTimeout)),
                () -> err.println(lines.brokerBack(broker)));
        this.retries = new Retries(watch, retryAfterStop);
        this.transactions = new Transactions(producer, consumer, retries, watch, lines, err);
        // Nothing to commit when partitions are revoked: that happens inside poll(), between two transactions.
        this.positions = new InputPositions(new RebalanceReporter(lines, err, () -> false, () -> { }));
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProcessorOptions options = new ProcessorOptions();
        return Cli.run(options, args, out, err, () -> create(options, out, err), SHUTDOWN_GRACE);
    }

    /** Builds the program and its two Kafka clients from parsed options. */
    public static UserActivityProcessor create(ProcessorOptions options, PrintStream out, PrintStream err) {
        Cli.configureLogging(options.client().verbose());
        Consumer<String, UserActivity> consumer =
                Failures.build(() -> new KafkaConsumer<>(ProcessorSettings.consumer(options)), options.client());
        Producer<String, ProcessedActivity> producer;
        try {
            producer = Failures.build(() -> new KafkaProducer<>(ProcessorSettings.producer(options)), options.client());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        return new UserActivityProcessor(consumer, producer, options, out, err);
    }

    /** Processes until stopped; returns the exit code: 0, or 1 after a fatal error. */
    @Override
    public int run() {
        String failure;
        try {
            failure = start();
            if (failure == null) {
                failure = processUntilStopped();
            }
        } finally {
            producer.close(PRODUCER_CLOSE); // a transaction still open (after a fatal error) is aborted
            consumer.close(CloseOptions.timeout(CONSUMER_CLOSE)); // leaves the group, or gives up with the broker away
        }
        if (failure != null) {
            err.println(failure);
        }
        err.println(lines.processorSummary(processed, transactions.committed(), transactions.aborted(), skipped));
        return failure == null ? Cli.OK : Cli.FAILED;
    }

    /** Ends the run from another thread (a shutdown hook); the polling thread then closes both clients. */
    @Override
    public void stop() {
        running = false;
        retries.stop();
        consumer.wakeup();
    }

    /** Finds the input, registers the transactional id, subscribes. Returns the line to end with, or null. */
    private String start() {
        try {
            consumer.partitionsFor(options.client().topic(), ClientSettings.BROKER_WAIT); // a wrong address fails here, in 10 s
            // Once, first: registers the transactional id, fences an older processor with it, and aborts the
            // transaction a crashed run left open, so its half-written output never reaches read_committed readers.
            try {
                producer.initTransactions();
            } catch (TimeoutException e) { // the broker answers, but no transaction coordinator does
                throw new KafkaException(e.getMessage(), e);
            }
            err.println(lines.processorStarted(options.client().topic(), options.outputTopic(), options.group(),
                    options.transactionalId()));
            consumer.subscribe(List.of(options.client().topic()), positions);
            return null;
        } catch (WakeupException e) {
            return null; // stopped while starting: the loop does not begin
        } catch (KafkaException e) {
            // Only here may a timeout mean a missing input topic: in the loop it means the broker went away.
            String line = Failures.lineFor(e, consumer.metrics(), options.client(), options.client().topic(), lines);
            return line != null ? line : lines.transactionFailed(Cli.oneLine(e));
        }
    }

    /** The loop: poll, then one transaction. Returns the line to end with, or null when stopped. */
    private String processUntilStopped() {
        try {
            while (running) {
                ConsumerRecords<String, UserActivity> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (RecordDeserializationException e) {
                    skip(e);
                    continue;
                }
                watch.look(consumer.metrics());
                if (!records.isEmpty()) {
                    process(records);
                } else {
                    commitMovedPositions();
                }
            }
            return null;
        } catch (WakeupException e) {
            return null; // stop() while polling: no transaction is open between polls
        } catch (ProducerFencedException e) {
            return transactions.lastWasOpenThroughAnOutage()
                    ? lines.fencedAfterOutage(options.transactionalId(), transactionTimeout)
                    : lines.fenced(options.transactionalId());
        } catch (FencedInstanceIdException e) {
            return lines.instanceFenced(options.group(), consumer.groupMetadata().groupInstanceId().orElse("?"));
        } catch (Retries.Abandoned e) {
            return lines.stoppedWhileAway(transactionTimeout);
        } catch (KafkaException e) {
            String line = Failures.fatalMessage(e, lines); // authorization, authentication, unsupported version
            return line != null ? line : lines.transactionFailed(Cli.oneLine(e));
        }
    }

    /** One poll, one transaction: its output records and the input positions after them, committed together. */
    private void process(ConsumerRecords<String, UserActivity> records) {
        PollBatch batch = new PollBatch(records, consumer);
        Map<TopicPartition, OffsetAndMetadata> offsets = positions.with(batch);
        if (!transactions.run(() -> sendAll(records), offsets, records.count())) {
            batch.rewind(consumer); // read it again, from where it started
            return;
        }
        positions.committed(offsets);
        processed += records.count() - batch.nulls();
        skipped += batch.nulls();
        out.println(lines.processorCommitted(records.count(), options.client().topic(), lines.offsetRanges(batch.ranges()),
                options.outputTopic()));
    }

    private void sendAll(ConsumerRecords<String, UserActivity> records) {
        for (ConsumerRecord<String, UserActivity> record : records) {
            UserActivity event = record.value();
            if (event == null) {
                err.println(lines.skipped(record.partition(), record.offset(), lines.nullValue(), "null"));
                continue;
            }
            // Keyed by user, so one user's messages stay in order in one partition; the input's headers
            // (its event-id among them) travel on, so a reader can tell each output from which input it came.
            producer.send(new ProducerRecord<>(options.outputTopic(), null, String.valueOf(event.userId()),
                    new ProcessedActivity(event, lines.describe(event)), record.headers()));
        }
    }

    /** Positions that moved on without a record to process commit in a transaction of their own, without output. */
    private void commitMovedPositions() {
        Map<TopicPartition, OffsetAndMetadata> moved = positions.movedOn(consumer);
        if (!moved.isEmpty() && transactions.run(() -> { }, moved, 0)) {
            positions.committed(moved);
        }
    }

    /** Reports a record whose value is not a valid event and moves past it; a transaction commits past it. */
    private void skip(RecordDeserializationException e) {
        skipped++;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        int size = e.valueBuffer() == null ? 0 : e.valueBuffer().remaining();
        err.println(lines.skipped(e.topicPartition().partition(), e.offset(), Cli.oneLine(reason),
                "(" + size + " bytes)"));
        consumer.seek(e.topicPartition(), e.offset() + 1);
        positions.skipped(e.topicPartition(), e.offset());
    }
}

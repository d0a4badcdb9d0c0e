package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.RebalanceReporter;
import dev.kafkatutorial.useractivity.processor.ProcessorSettings;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.Failures;
import dev.kafkatutorial.useractivity.processor.PollBatch;
import dev.kafkatutorial.useractivity.processor.ProcessedActivity;
import dev.kafkatutorial.useractivity.processor.ProcessorLines;
import dev.kafkatutorial.useractivity.processor.ProcessorOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
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
 * <p>The program owns both clients: {@link #stop()} may be called from any thread (it calls
 * {@link Consumer#wakeup()}), and the polling thread finishes the transaction in hand and closes them.
 */
public final class UserActivityProcessor implements Cli.Program {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Aborts in a row before giving up: the same batch failing again and again will not heal by itself. */
    private static final int MAX_ABORTS_IN_A_ROW = 5;

    private final Consumer<String, UserActivity> consumer;
    private final Producer<String, ProcessedActivity> producer;
    private final ProcessorOptions options;
    private final ProcessorLines lines;
    private final PrintStream out;
    private final PrintStream err;

    private volatile boolean running = true;
    private long processed;
    private long committed;
    private long aborted;
    private long skipped;
    private int abortsInARow;

    public UserActivityProcessor(Consumer<String, UserActivity> consumer, Producer<String, ProcessedActivity> producer,
                                 ProcessorOptions options, PrintStream out, PrintStream err) {
        this.consumer = consumer;
        this.producer = producer;
        this.options = options;
        this.lines = new ProcessorLines(options.client().language());
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProcessorOptions options = new ProcessorOptions();
        return Cli.run(options, args, out, err, () -> create(options, out, err), Duration.ofSeconds(15));
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
        String fatalError = null;
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
            // Nothing to commit when partitions are revoked: that happens inside poll(), between two transactions.
            consumer.subscribe(List.of(options.client().topic()), new RebalanceReporter(lines, err, () -> false, () -> { }));
            while (running) {
                ConsumerRecords<String, UserActivity> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (RecordDeserializationException e) {
                    skip(e);
                    continue;
                }
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (WakeupException e) {
            // stop() was called while polling: no transaction is open between polls
        } catch (ProducerFencedException | FencedInstanceIdException e) {
            fatalError = lines.fenced(options.transactionalId());
        } catch (KafkaException e) {
            fatalError = Failures.lineFor(e, consumer.metrics(), options.client(), options.client().topic(), lines);
            if (fatalError == null) {
                fatalError = lines.transactionFailed(Cli.oneLine(e));
            }
        } finally {
            producer.close(CLOSE_TIMEOUT); // a transaction still open (after a fatal error) is aborted
            consumer.close(); // leaves the group at once
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        err.println(lines.processorSummary(processed, committed, aborted, skipped));
        return fatalError == null ? Cli.OK : Cli.FAILED;
    }

    /** Ends the run from another thread (a shutdown hook); the polling thread then closes both clients. */
    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** One poll, one transaction: its output records and the input positions after them, committed together. */
    private void process(ConsumerRecords<String, UserActivity> records) {
        PollBatch batch = new PollBatch(records);
        int events = 0;
        int nulls = 0;
        producer.beginTransaction();
        try {
            for (ConsumerRecord<String, UserActivity> record : records) {
                UserActivity event = record.value();
                if (event == null) {
                    nulls++;
                    err.println(lines.skipped(record.partition(), record.offset(), lines.nullValue(), "null"));
                    continue;
                }
                // Keyed by user, so one user's messages stay in order in one partition; the input's headers
                // (its event-id among them) travel on, so a reader can tell each output from which input it came.
                producer.send(new ProducerRecord<>(options.outputTopic(), null, String.valueOf(event.userId()),
                        new ProcessedActivity(event, lines.describe(event)), record.headers()));
                events++;
            }
            // The input positions join the transaction: the group's offsets commit if and only if the output
            // does. The group metadata (generation, member) lets the coordinator refuse the commit of a member
            // the group has since replaced, a "zombie" that lost its partitions in a rebalance.
            producer.sendOffsetsToTransaction(batch.nextOffsets(), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | FencedInstanceIdException e) {
            throw e; // another processor has our transactional id: nothing more this one may write
        } catch (KafkaException e) {
            // Abortable (the group rebalanced, a commit timed out, a send failed): abort, so nothing of this
            // batch reaches read_committed readers, and read it again from where it started.
            producer.abortTransaction();
            aborted++;
            err.println(lines.processorAborted(records.count(), Cli.oneLine(e)));
            if (++abortsInARow >= MAX_ABORTS_IN_A_ROW) {
                throw e;
            }
            batch.rewind(consumer);
            return;
        }
        abortsInARow = 0;
        committed++;
        processed += events;
        skipped += nulls;
        out.println(lines.processorCommitted(records.count(), options.client().topic(), lines.offsetRanges(batch.ranges()),
                options.outputTopic()));
    }

    /** Reports a record whose value is not a valid event and moves past it; the next transaction commits past it. */
    private void skip(RecordDeserializationException e) {
        skipped++;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        int size = e.valueBuffer() == null ? 0 : e.valueBuffer().remaining();
        err.println(lines.skipped(e.topicPartition().partition(), e.offset(), Cli.oneLine(reason),
                "(" + size + " bytes)"));
        consumer.seek(e.topicPartition(), e.offset() + 1);
    }
}

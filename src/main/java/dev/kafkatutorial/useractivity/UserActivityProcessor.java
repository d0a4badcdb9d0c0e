package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ProcessorOptions;
import dev.kafkatutorial.useractivity.processor.PollBatch;
import dev.kafkatutorial.useractivity.processor.ProcessedActivity;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The exactly-once processor (consume-transform-produce, as Kafka's {@code ExactlyOnceMessageProcessor}):
 * reads events in its own group and writes each, with its sentence added, to the output topic; each poll's
 * output and the input offsets that follow it are committed in one transaction, so after any crash a
 * {@code read_committed} reader of the output sees every input event exactly once.
 *
 * <p>The program owns both clients: {@link #stop()} may be called from any thread (it calls
 * {@link Consumer#wakeup()}), and the polling thread finishes the transaction in hand and closes them.
 */
public final class UserActivityProcessor {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Aborts in a row before giving up: the same batch failing again and again will not heal by itself. */
    private static final int MAX_ABORTS_IN_A_ROW = 5;

    private final Consumer<String, UserActivity> consumer;
    private final Producer<String, ProcessedActivity> producer;
    private final String inputTopic;
    private final String outputTopic;
    private final String group;
    private final String bootstrapServers;
    private final ClientOptions client; // where the address came from, for the advice in a failure line
    private final String transactionalId;
    private final Messages messages;
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
        this.inputTopic = options.client().topic();
        this.outputTopic = options.outputTopic();
        this.group = options.group();
        this.bootstrapServers = options.client().bootstrapServers();
        this.client = options.client();
        this.transactionalId = options.transactionalId();
        this.messages = new Messages(options.client().language());
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ProcessorOptions options = new ProcessorOptions();
        return Cli.execute(options, args, out, err, () -> {
            UserActivityProcessor app = create(options, out, err);
            return Cli.runUntilStopped(app::run, app::stop, Duration.ofSeconds(15));
        });
    }

    /** Builds the program and its two Kafka clients from parsed options. */
    public static UserActivityProcessor create(ProcessorOptions options, PrintStream out, PrintStream err) {
        Cli.configureLogging(options.client().verbose());
        Consumer<String, UserActivity> consumer =
                Failures.build(() -> new KafkaConsumer<>(consumerConfig(options)), options.client());
        Producer<String, ProcessedActivity> producer;
        try {
            producer = Failures.build(() -> new KafkaProducer<>(producerConfig(options)), options.client());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        return new UserActivityProcessor(consumer, producer, options, out, err);
    }

    /** The reading side's configuration. The user's properties win over these defaults. */
    static Map<String, Object> consumerConfig(ProcessorOptions options) {
        ClientOptions client = options.client();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-processor");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, UserActivityDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The positions are committed by the producer, inside each transaction (sendOffsetsToTransaction), never
        // by the consumer on its own: a commit outside the transaction could cover output that was then aborted.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Input written in transactions counts only once committed: an aborted event is never processed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100); // as the consumer: close() waits out a fetch
        config.putAll(client.userProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }

    /** The writing side's configuration. The user's properties win over these defaults. */
    static Map<String, Object> producerConfig(ProcessorOptions options) {
        ClientOptions client = options.client();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "user-activity-processor");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonSerializer.class);
        // Transactions need an idempotent producer (acks=all, no duplicates from retries) and a transactional
        // id that stays the same across restarts: the restarted processor's initTransactions() then aborts
        // what the crashed one left open, and fences it should it still be alive.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
        // A processor that dies and is not restarted leaves its transaction open, and read_committed readers of
        // the output wait at it until the broker aborts it after this long: short, as Kafka's example has it.
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Failures.BROKER_WAIT.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(client.userProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }

    /** Processes until stopped; returns the exit code: 0, or 1 after a fatal error. */
    public int run() {
        String fatalError = null;
        try {
            consumer.partitionsFor(inputTopic, Failures.BROKER_WAIT); // a wrong address fails here, in 10 s
            // Once, first: registers the transactional id, fences an older processor with it, and aborts the
            // transaction a crashed run left open, so its half-written output never reaches read_committed readers.
            try {
                producer.initTransactions();
            } catch (TimeoutException e) { // the broker answers, but no transaction coordinator does
                throw new KafkaException(e.getMessage(), e);
            }
            err.println(messages.processorStarted(inputTopic, outputTopic, group, transactionalId));
            consumer.subscribe(List.of(inputTopic), new RebalanceReporter());
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
            fatalError = messages.fenced(transactionalId);
        } catch (TimeoutException e) {
            fatalError = Failures.timeoutMessage(e, consumer.metrics(), client, inputTopic, messages);
        } catch (KafkaException e) {
            fatalError = Failures.fatalMessage(e, messages);
            if (fatalError == null) {
                fatalError = messages.transactionFailed(Cli.oneLine(e));
            }
        } finally {
            producer.close(CLOSE_TIMEOUT); // a transaction still open (after a fatal error) is aborted
            consumer.close(); // leaves the group at once
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        err.println(messages.processorSummary(processed, committed, aborted, skipped));
        return fatalError == null ? Cli.OK : Cli.FAILED;
    }

    /** Ends the run from another thread (a shutdown hook); the polling thread then closes both clients. */
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
                    err.println(messages.skipped(record.partition(), record.offset(), messages.nullValue(), "null"));
                    continue;
                }
                // Keyed by user, so one user's messages stay in order in one partition; the input's headers
                // (its event-id among them) travel on, so a reader can tell each output from which input it came.
                producer.send(new ProducerRecord<>(outputTopic, null, String.valueOf(event.userId()),
                        new ProcessedActivity(event, messages.describe(event)), record.headers()));
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
            err.println(messages.processorAborted(records.count(), Cli.oneLine(e)));
            if (++abortsInARow >= MAX_ABORTS_IN_A_ROW) {
                throw e;
            }
            batch.firstOffsets().forEach((partition, offset) -> {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
            return;
        }
        abortsInARow = 0;
        committed++;
        processed += events;
        skipped += nulls;
        out.println(messages.processorCommitted(records.count(), inputTopic, messages.offsetRanges(batch.ranges()), outputTopic));
    }

    /** Reports a record whose value is not a valid event and moves past it; the next transaction commits past it. */
    private void skip(RecordDeserializationException e) {
        skipped++;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        int size = e.valueBuffer() == null ? 0 : e.valueBuffer().remaining();
        err.println(messages.skipped(e.topicPartition().partition(), e.offset(), Cli.oneLine(reason),
                "(" + size + " bytes)"));
        consumer.seek(e.topicPartition(), e.offset() + 1);
    }

    /** Which partitions this processor got or gave up, on stderr, as the consumer says it. */
    private final class RebalanceReporter implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            err.println(messages.assigned(partitions.stream().map(TopicPartition::partition).sorted().toList()));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to commit here: revocation happens inside poll(), between two transactions.
            if (!partitions.isEmpty()) {
                err.println(messages.revoked(partitions.stream().map(TopicPartition::partition).sorted().toList()));
            }
        }
    }
}

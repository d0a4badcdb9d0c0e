package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ConsumerOptions;
import dev.kafkatutorial.useractivity.consumer.Audit;
import dev.kafkatutorial.useractivity.consumer.AuditLog;
import dev.kafkatutorial.useractivity.consumer.CommitLedger;
import dev.kafkatutorial.useractivity.consumer.Committer;
import dev.kafkatutorial.useractivity.consumer.Explain;
import dev.kafkatutorial.useractivity.consumer.EndOfRead;
import dev.kafkatutorial.useractivity.consumer.JsonLine;
import dev.kafkatutorial.useractivity.consumer.Lag;
import dev.kafkatutorial.useractivity.consumer.LineOutput;
import dev.kafkatutorial.useractivity.consumer.ReaderProbe;
import dev.kafkatutorial.useractivity.consumer.ReceivedLines;
import dev.kafkatutorial.useractivity.consumer.RebalanceReporter;
import dev.kafkatutorial.useractivity.consumer.RecordDetails;
import dev.kafkatutorial.useractivity.consumer.StartOnAssignment;
import dev.kafkatutorial.useractivity.consumer.StartPosition;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The tutorial's {@code consumer_example.py}: reads user-activity events in a consumer group and prints each
 * as a banner with its partition and offset and one sentence. A record that is not a valid event is reported
 * on stderr with its partition and offset and skipped.
 *
 * <p>The program owns the {@link Consumer} it is given: {@link #stop()} may be called from any thread
 * (it calls {@link Consumer#wakeup()}), and the polling thread closes the consumer, leaving the group at once.
 */
public final class UserActivityConsumer {

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    /** The commit on the way out, and close(): bounded, so a stop with the broker gone still ends with a summary. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    /** Ctrl+C's wait for the above: a wakeup, the commit, close, the summary. */
    private static final Duration SHUTDOWN_GRACE = COMMIT_WAIT.plus(CLOSE_WAIT).plusSeconds(7);
    private static final int EXCERPT_CHARS = 60;

    private final Consumer<String, UserActivity> consumer;
    private final ConsumerOptions options;
    private final String topic;
    private final long maxMessages;
    private final Duration idleTimeout;
    private final boolean json;
    private final Messages messages;
    private final LineOutput output;
    private final PrintStream err;
    private final CommitLedger ledger;
    private final Committer committer;
    private Explain explain; // --explain, or null
    private Audit audit = Audit.OFF;
    private final EndOfRead endOfRead; // --to-end, else null
    private final RecordDetails details; // --print
    private final Lag lag;
    private final boolean printsLag; // each event's lag is printed (JSON, --print lag); else only the total is
    private final ReceivedLines plainLines; // the tutorial's lines and nothing else; else null

    private volatile boolean running = true;
    private boolean closing; // on the way out: the commit there is the last; close()'s revocation must not repeat it
    private boolean outputFailed;
    private long read;
    private long skipped;

    public UserActivityConsumer(Consumer<String, UserActivity> consumer, ConsumerOptions options,
                                PrintStream out, PrintStream err) {
        this(consumer, options, new LineOutput(out, ReaderProbe.NONE), err, new CommitLedger());
    }

    UserActivityConsumer(Consumer<String, UserActivity> consumer, ConsumerOptions options, LineOutput output,
                         PrintStream err, CommitLedger ledger) {
        this.consumer = consumer;
        this.options = options;
        this.topic = options.client().topic();
        this.maxMessages = options.maxMessages();
        this.idleTimeout = options.timeout();
        this.json = options.output() == ConsumerOptions.Output.json;
        this.messages = new Messages(options.client().language());
        this.output = output;
        this.err = err;
        this.ledger = ledger;
        this.committer = new Committer(consumer, ledger, COMMIT_WAIT);
        this.details = new RecordDetails(options.print(), messages);
        this.lag = new Lag(consumer, Failures.BROKER_WAIT, messages, err);
        this.printsLag = json || options.print().contains(RecordDetails.Field.lag);
        this.plainLines = !json && options.include() == null && options.print().isEmpty()
                ? new ReceivedLines(messages) : null;
        this.endOfRead = options.toEnd() ? new EndOfRead(consumer, Failures.BROKER_WAIT) : null;
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
        return Cli.execute(options, args, out, err, () -> {
            UserActivityConsumer app = create(options, out, err, probe);
            return Cli.runUntilStopped(app::run, app::stop, SHUTDOWN_GRACE);
        });
    }

    /** Builds the program and its Kafka consumer from parsed options. */
    public static UserActivityConsumer create(ConsumerOptions options, PrintStream out, PrintStream err) {
        return create(options, out, err, ReaderProbe.NONE);
    }

    private static UserActivityConsumer create(ConsumerOptions options, PrintStream out, PrintStream err,
                                               ReaderProbe probe) {
        Cli.configureLogging(options.client().verbose());
        Map<String, Object> config = config(options);
        CommitLedger ledger = new CommitLedger();
        ledger.install(config); // learns of every commit, the automatic ones too
        Audit audit = !options.audit() ? Audit.OFF : Audit.open(options.auditFile() != null ? options.auditFile()
                : AuditLog.defaultFile(options.group()), options.group(), new Messages(options.client().language()), err);
        Consumer<String, UserActivity> consumer =
                Failures.build(() -> new KafkaConsumer<>(config), options.client());
        UserActivityConsumer app = new UserActivityConsumer(consumer, options, new LineOutput(out, probe), err, ledger);
        if (options.explain()) {
            app.explain = new Explain(consumer, config, app.messages, err, Failures.BROKER_WAIT);
            ledger.onEachCommit(app.explain::committed);
        }
        app.audit = audit;
        return app;
    }

    /** The consumer's configuration, in one place. The user's properties win over these defaults. */
    static Map<String, Object> config(ConsumerOptions options) {
        ClientOptions client = options.client();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-consumer");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, UserActivityDeserializer.class);
        // The tutorial's choice is earliest: a group with no committed offset starts at the topic's first
        // event, so events sent before the consumer started are read too.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.offsetReset().name());
        // The tutorial's default is auto commit: positions are committed every 5 s and on close, so a crash
        // replays up to 5 s of events (at-least-once) and never skips one. --manual-commit commits after each
        // printed batch instead; a throw-away group (a one-off read) commits nothing, as kafka-console-consumer.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, !options.manualCommit() && !options.isThrowAwayGroup());
        // How long the broker holds a fetch open when there is nothing new. A new event ends the wait at once
        // whatever this is, but close() waits out a fetch in flight: Kafka's 500 ms made every --max-messages
        // run at the end of a topic half a second longer. 100 ms costs an idle consumer 10 small requests a second.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // read_committed returns only events of committed transactions and waits at an open one (the "last
        // stable offset"); read_uncommitted, Kafka's default, returns every event written, aborted ones too.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, options.isolationLevel().name());
        // No metric MBeans: Kafka 4's default reporter registers each of the client's metrics (hundreds) with the
        // JVM's platform MBean server, a tenth of start-up in a profile. The programs read their metrics directly
        // (metrics()); `--command-property metric.reporters=org.apache.kafka.common.metrics.JmxReporter` brings
        // them back for jconsole.
        config.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
        config.putAll(client.userProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }

    /** Consumes until stopped, {@code maxMessages} are printed or the idle timeout passes; returns the exit code. */
    public int run() {
        String fatalError = null;
        KafkaException commitError;
        Long lagLeft = null;
        try {
            // fail fast: no broker (or no topic) is one line after a bounded wait, not a silent hang in poll();
            // with --include there is no one topic to ask about, so the cluster's topic list is asked for
            List<PartitionInfo> partitions = null;
            if (options.include() != null) {
                consumer.listTopics(Failures.BROKER_WAIT);
            } else {
                partitions = consumer.partitionsFor(topic, Failures.BROKER_WAIT);
            }
            if (options.partition() == null) {
                RebalanceReporter reporter = new RebalanceReporter(messages, err,
                        () -> options.manualCommit() && !closing, committer::commitWhileRunning);
                ConsumerRebalanceListener listener = endOfRead == null ? reporter : endOfRead.around(reporter);
                StartPosition start = options.last() != null ? new StartPosition.Last(options.last())
                        : options.fromTime() != null ? new StartPosition.FromTime(options.fromTime()) : null;
                if (start != null) {
                    if (options.fromTime() != null && !options.isThrowAwayGroup()) {
                        err.println(messages.groupPositionsMoved(options.group()));
                    }
                    listener = new StartOnAssignment(listener, consumer, start, Failures.BROKER_WAIT, messages, err);
                }
                listener = lag.around(listener); // after any seek: the positions reading starts from
                listener = explain == null ? listener : explain.after(listener);
                if (options.include() != null) {
                    // subscribe by pattern: the consumer matches it against the cluster's topic list (metadata),
                    // and a topic created later that matches is assigned at the next rebalance
                    consumer.subscribe(options.include(), listener);
                } else {
                    consumer.subscribe(List.of(topic), listener);
                }
            } else {
                fatalError = assignOnePartition(partitions);
            }
            if (fatalError == null) {
                consume();
            }
        } catch (WakeupException e) {
            // stop() was called while polling: leave the group below
        } catch (TimeoutException e) {
            fatalError = Failures.timeoutMessage(e, consumer.metrics(), options.client(),
                    options.include() != null ? options.include().pattern() : topic, messages);
        } catch (KafkaException e) {
            fatalError = Failures.fatalMessage(e, messages);
            if (fatalError == null) {
                throw e;
            }
        } finally {
            outputFailed |= !output.flush(); // each batch was confirmed when printed: nothing to take back here
            closing = true;
            lagLeft = lag.left(); // before close(), after any rewind: what the group has still to read
            // The commit on the way out, with auto commit too: close() would try it as well, but for up to 30 s
            // and silently. A throw-away group (a one-off read) commits nothing.
            boolean commits = options.manualCommit() || !options.isThrowAwayGroup();
            commitError = commits && (fatalError == null || outputFailed) ? committer.commitOnExit() : null;
            // close() commits once more with auto commit and leaves the group; after a failed commit it would
            // only wait for the coordinator again.
            consumer.close(commitError == null ? CLOSE_WAIT : Duration.ofSeconds(1));
        }
        long rereads = ledger.uncommitted(); // after close(): its automatic commit may have succeeded after all
        boolean failed = fatalError != null || outputFailed || (commitError != null && rereads > 0);
        if (outputFailed) {
            err.println(messages.outputFailed());
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        if (commitError != null && rereads > 0) {
            err.println(messages.commitFailed(commitError instanceof TimeoutException
                    ? messages.noAnswer(COMMIT_WAIT) : Cli.oneLine(commitError), rereads));
        }
        audit.close(); // the table
        err.println(messages.consumerSummary(read, skipped, lagLeft));
        return failed ? Cli.FAILED : Cli.OK;
    }

    /** Ends the run from another thread (a shutdown hook); the polling thread then closes the consumer. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** --partition P [--offset N]: read one partition, as kafka-console-consumer does, without joining the group. */
    private String assignOnePartition(List<PartitionInfo> partitions) {
        int partition = options.partition();
        if (partitions == null || partitions.isEmpty()) {
            return messages.topicUnavailable(topic, "no such topic");
        }
        if (partition >= partitions.size()) {
            return messages.noSuchPartition(topic, partition, partitions.size());
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        StartPosition start = options.fromTime() != null ? new StartPosition.FromTime(options.fromTime())
                : StartPosition.of(options.offset());
        String moved = start.seek(consumer, tp, Failures.BROKER_WAIT, messages);
        if (moved != null) {
            err.println(moved);
        }
        if (endOfRead != null) {
            endOfRead.assigned(List.of(tp));
        }
        lag.assigned(List.of(tp));
        return null;
    }

    private void consume() {
        long lastRecordAt = System.nanoTime();
        while (running && read < maxMessages && (endOfRead == null || !endOfRead.reached())) {
            ConsumerRecords<String, UserActivity> records;
            try {
                records = consumer.poll(pollTimeout(lastRecordAt));
            } catch (RecordDeserializationException e) {
                skip(e);
                lastRecordAt = System.nanoTime();
                continue;
            }
            if (records.isEmpty()) {
                if (output.readerGone()) { // e.g. `| head -3` has its lines; all printed so far was written
                    outputFailed = true;
                    return;
                }
                if (idleTimeout != null && System.nanoTime() - lastRecordAt >= idleTimeout.toNanos()) {
                    return;
                }
                continue;
            }
            lastRecordAt = System.nanoTime();
            print(records);
            if (outputFailed) {
                return;
            }
            if (options.manualCommit()) {
                committer.commitWhileRunning();
            }
        }
    }

    private void print(ConsumerRecords<String, UserActivity> records) {
        Map<TopicPartition, Long> unprinted = new LinkedHashMap<>();
        Map<TopicPartition, Long> firstOfBatch = new LinkedHashMap<>();
        long readBefore = read;
        for (TopicPartition tp : records.partitions()) { // in the order iterating the records gives them
            for (ConsumerRecord<String, UserActivity> record : records.records(tp)) {
                firstOfBatch.putIfAbsent(tp, record.offset());
                if (!running || read >= maxMessages || (endOfRead != null && endOfRead.past(tp, record.offset()))) {
                    // Stopping inside a batch (or at --to-end's end): rewind to the first record not printed, so
                    // the commit on close does not count the rest of the batch as read.
                    unprinted.putIfAbsent(tp, record.offset());
                    continue;
                }
                ledger.handled(tp, record.offset());
                if (record.value() == null) {
                    skipped++;
                    err.println(messages.skipped(record.partition(), record.offset(), messages.nullValue(), "null"));
                } else {
                    read++;
                    audit.read(record);
                    if (plainLines == null || !plainLines.write(output, record.partition(), record.offset(),
                            record.value())) {
                        Long recordLag = printsLag ? lag.after(record) : null;
                        output.write(json ? JsonLine.of(record, Json.WRITER, recordLag)
                                : details.around(banner(record), record, recordLag));
                    }
                }
            }
        }
        if (!output.flush()) {
            // Not written (a closed pipe, a full disk): the batch is not printed, whatever part of it got out.
            // Rewind to its first records, so no commit (close()'s automatic one included) counts it as read.
            outputFailed = true;
            running = false;
            read = readBefore;
            unprinted = firstOfBatch;
        } else {
            audit.printed(); // before the next poll() (auto commit) or commit: what the group committed is on file
        }
        unprinted.forEach((tp, offset) -> {
            consumer.seek(tp, offset);
            ledger.rewound(tp, offset);
        });
    }

    /** The tutorial's banner and sentence; with --include the banner names the topic. */
    private String banner(ConsumerRecord<String, UserActivity> record) {
        return options.include() == null ? messages.received(record.partition(), record.offset(), record.value())
                : messages.received(record.topic(), record.partition(), record.offset(), record.value());
    }

    /** Reports a record whose value is not a valid event and moves past it, so it cannot block the partition. */
    private void skip(RecordDeserializationException e) {
        skipped++;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        err.println(messages.skipped(e.topicPartition().partition(), e.offset(), Cli.oneLine(reason),
                excerpt(e.valueBuffer())));
        consumer.seek(e.topicPartition(), e.offset() + 1);
        ledger.handled(e.topicPartition(), e.offset());
    }

    private Duration pollTimeout(long lastRecordAt) {
        if (idleTimeout == null) {
            return POLL_TIMEOUT;
        }
        long left = idleTimeout.toNanos() - (System.nanoTime() - lastRecordAt);
        return Duration.ofNanos(Math.max(0, Math.min(left, POLL_TIMEOUT.toNanos())));
    }

    /** The start of a raw value as an escaped, quoted string: enough to recognise it, safe for any terminal. */
    static String excerpt(ByteBuffer value) {
        if (value == null) {
            return "null";
        }
        ByteBuffer bytes = value.duplicate();
        int size = bytes.remaining();
        CharBuffer text = CharBuffer.allocate(EXCERPT_CHARS + 1);
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(bytes, text, true); // stops when the buffer is full: a 1 MB value costs no more than a short one
        text.flip();
        boolean cut = text.length() > EXCERPT_CHARS;
        String shown = text.subSequence(0, Math.min(text.length(), EXCERPT_CHARS)).toString();
        return "\"" + Messages.escape(shown).replace("\"", "\\\"") + "\"" + (cut ? "… (" + size + " bytes)" : "");
    }

    /** The serde's mapper, built on first use (text output never needs it). */
    private static final class Json {
        static final ObjectWriter WRITER = JsonMapperHolder.MAPPER.writer();
    }
}

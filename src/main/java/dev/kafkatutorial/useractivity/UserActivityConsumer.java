package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ConsumerOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.header.Header;
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
    private static final int EXCERPT_CHARS = 60;

    private final Consumer<String, UserActivity> consumer;
    private final ConsumerOptions options;
    private final String topic;
    private final long maxMessages;
    private final Duration idleTimeout;
    private final boolean json;
    private final Messages messages;
    private final PrintStream out;
    private final Writer lines; // out, through one UTF-8 encoder and a 64 KiB buffer; flushed after each batch
    private final PrintStream err;

    private volatile boolean running = true;
    private long read;
    private long skipped;

    public UserActivityConsumer(Consumer<String, UserActivity> consumer, ConsumerOptions options,
                                PrintStream out, PrintStream err) {
        this.consumer = consumer;
        this.options = options;
        this.topic = options.client().topic();
        this.maxMessages = options.maxMessages();
        this.idleTimeout = options.timeout();
        this.json = options.output() == ConsumerOptions.Output.json;
        this.messages = new Messages(options.client().language());
        this.out = out;
        // PrintStream.println encodes and copies each line on its own, under a lock: a tenth of the time when
        // rendering a topic to a file. Programs' streams are UTF-8 (Cli.stdout), so encode once per buffer.
        this.lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(false), Cli.stderr()));
    }

    /** The whole command line: parse, wire up, run until done or Ctrl+C. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ConsumerOptions options = new ConsumerOptions();
        return Cli.execute(options, args, out, err, () -> {
            UserActivityConsumer app = create(options, out, err);
            return Cli.runUntilStopped(app::run, app::stop, Duration.ofSeconds(15));
        });
    }

    /** Builds the program and its Kafka consumer from parsed options. */
    public static UserActivityConsumer create(ConsumerOptions options, PrintStream out, PrintStream err) {
        Cli.configureLogging(options.client().verbose());
        Consumer<String, UserActivity> consumer =
                Failures.build(() -> new KafkaConsumer<>(config(options)), options.client());
        return new UserActivityConsumer(consumer, options, out, err);
    }

    /** The consumer's configuration, in one place. The user's properties win over these defaults. */
    static Map<String, Object> config(ConsumerOptions options) {
        ClientOptions client = options.client();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-consumer");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, JsonDeserializer.class);
        config.put(JsonDeserializer.VALUE_TYPE_CONFIG, UserActivity.class.getName());
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
        config.putAll(client.userProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
    }

    /** Consumes until stopped, {@code maxMessages} are printed or the idle timeout passes; returns the exit code. */
    public int run() {
        String fatalError = null;
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Failures.BROKER_WAIT); // fail fast
            if (options.partition() == null) {
                consumer.subscribe(List.of(topic), new RebalanceReporter());
            } else {
                fatalError = assignOnePartition(partitions);
            }
            if (fatalError == null) {
                consume();
            }
        } catch (WakeupException e) {
            // stop() was called while polling: leave the group below
        } catch (TimeoutException e) {
            fatalError = Failures.timeoutMessage(e, consumer.metrics(), options.client().bootstrapServers(), topic,
                    messages);
        } catch (KafkaException e) {
            fatalError = Failures.fatalMessage(e, messages);
            if (fatalError == null) {
                throw e;
            }
        } finally {
            flush();
            if (fatalError == null && options.manualCommit()) {
                commit();
            }
            consumer.close(); // commits the positions (auto commit) and leaves the group at once
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        err.println(messages.consumerSummary(read, skipped));
        return fatalError == null ? Cli.OK : Cli.FAILED;
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
        String offset = options.offset();
        if ("earliest".equals(offset)) {
            consumer.seekToBeginning(List.of(tp));
        } else if ("latest".equals(offset)) {
            consumer.seekToEnd(List.of(tp));
        } else if (offset != null) {
            consumer.seek(tp, Long.parseLong(offset));
        }
        return null;
    }

    private void consume() {
        long lastRecordAt = System.nanoTime();
        while (running && read < maxMessages) {
            ConsumerRecords<String, UserActivity> records;
            try {
                records = consumer.poll(pollTimeout(lastRecordAt));
            } catch (RecordDeserializationException e) {
                skip(e);
                lastRecordAt = System.nanoTime();
                continue;
            }
            if (records.isEmpty()) {
                if (idleTimeout != null && System.nanoTime() - lastRecordAt >= idleTimeout.toNanos()) {
                    return;
                }
                continue;
            }
            lastRecordAt = System.nanoTime();
            print(records);
            if (options.manualCommit()) {
                commit();
            }
        }
    }

    private void print(ConsumerRecords<String, UserActivity> records) {
        Map<TopicPartition, Long> unprinted = new LinkedHashMap<>();
        for (ConsumerRecord<String, UserActivity> record : records) {
            if (!running || read >= maxMessages) {
                // Stopping inside a batch: rewind to the first record not printed, so the commit on close
                // does not count the rest of the batch as read.
                unprinted.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
            } else if (record.value() == null) {
                skipped++;
                err.println(messages.skipped(record.partition(), record.offset(), messages.nullValue(), "null"));
            } else {
                read++;
                write(json ? JsonLine.of(record) : messages.received(record.partition(), record.offset(),
                        record.value()));
            }
        }
        flush();
        unprinted.forEach(consumer::seek);
    }

    private void write(String line) {
        try {
            lines.write(line);
            lines.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a PrintStream never throws; it sets its error flag instead
        }
    }

    private void flush() {
        try {
            lines.flush(); // and out
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports a record whose value is not a valid event and moves past it, so it cannot block the partition. */
    private void skip(RecordDeserializationException e) {
        skipped++;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        err.println(messages.skipped(e.topicPartition().partition(), e.offset(), Cli.oneLine(reason),
                excerpt(e.valueBuffer())));
        consumer.seek(e.topicPartition(), e.offset() + 1);
    }

    /** Commits the positions of what was printed; a pending wakeup must not cost the commit on the way out. */
    private void commit() {
        try {
            consumer.commitSync();
        } catch (WakeupException e) {
            consumer.commitSync(); // the wakeup is spent now; this one runs
        }
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

    /**
     * Says which partitions this consumer got or gave up, so a rebalance between several consumers shows. On
     * stderr, with the summary: stdout carries only the tutorial's lines (or the JSON lines).
     */
    private final class RebalanceReporter implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            err.println(messages.assigned(numbers(partitions)));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (options.manualCommit()) {
                commit(); // what was printed stays read when another consumer takes the partition over
            }
            if (!partitions.isEmpty()) {
                err.println(messages.revoked(numbers(partitions)));
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // lost, not revoked: the group has moved on without us, so a commit now would fail
            if (!partitions.isEmpty()) {
                err.println(messages.revoked(numbers(partitions)));
            }
        }

        private List<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).sorted().toList();
        }
    }

    /**
     * One event as a JSON line for --output json: where it was read, the producer's event id (null for a record
     * written by another program), and the event itself.
     */
    private record JsonLine(String topic, int partition, long offset, String key,
                            @JsonProperty("event_id") String eventId, UserActivity value) {
        private static final ObjectWriter WRITER = JsonMapperHolder.MAPPER.writer();

        static String of(ConsumerRecord<String, UserActivity> record) {
            Header id = record.headers().lastHeader(UserActivityProducer.EVENT_ID_HEADER);
            String eventId = id == null || id.value() == null ? null : new String(id.value(), StandardCharsets.UTF_8);
            try {
                return WRITER.writeValueAsString(new JsonLine(record.topic(), record.partition(), record.offset(),
                        record.key(), eventId, record.value()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an event that was read cannot be written back", e);
            }
        }
    }
}

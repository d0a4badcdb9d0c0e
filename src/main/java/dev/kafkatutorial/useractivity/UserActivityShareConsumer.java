package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.Failures;
import dev.kafkatutorial.useractivity.consumer.Audit;
import dev.kafkatutorial.useractivity.consumer.ConsumerLines;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.consumer.ConsumerSettings;
import dev.kafkatutorial.useractivity.consumer.IdleTimeout;
import dev.kafkatutorial.useractivity.consumer.LineOutput;
import dev.kafkatutorial.useractivity.consumer.ReaderProbe;
import dev.kafkatutorial.useractivity.consumer.RecordPrinter;
import dev.kafkatutorial.useractivity.consumer.ShareGroupLines;
import dev.kafkatutorial.useractivity.consumer.ShareGroupStart;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * {@code consumer --share-group G}: the tutorial's consumer as a member of a share group (KIP-932, queues on
 * Kafka), with Kafka's {@link KafkaShareConsumer}. The loop is the tutorial's (poll, print each event, confirm),
 * but what the group shares is records, not partitions: any number of members read one partition, the broker
 * hands each record to one member at a time (it is "acquired" for {@code group.share.record.lock.duration.ms},
 * 30 s by default), and the member says what became of it:
 * <ul>
 *   <li>{@code ACCEPT} once its line is written: done, no member gets it again;</li>
 *   <li>{@code RELEASE} when its line could not be written: another member (or the next run) gets it;</li>
 *   <li>{@code REJECT} when it is no event at all: the broker archives it and delivers it to no one again,
 *       the queue's answer to the poison pill.</li>
 * </ul>
 * A member killed before it acknowledges loses its acquisitions when the lock times out: the records go back to
 * the group with their delivery count one higher, and the banner says so. The values are read as bytes and
 * turned into events here, not in the deserializer, so a malformed value is a record to reject, not an exception
 * out of {@code poll()}.
 */
public final class UserActivityShareConsumer implements Cli.Program {

    /** Acknowledging a batch, and close(): bounded, so a stop with the broker gone still ends with a summary. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ShareConsumer<String, byte[]> consumer;
    private final ConsumerOptions options;
    private final ShareGroupLines lines;
    private final ConsumerLines consumerLines; // the lines it shares with the group reader
    private final LineOutput output;
    private final PrintStream err;
    private final Supplier<String> prepare; // the broker and topic checked, the group's start set: a fatal line or null
    private final RecordPrinter printer;
    private final Audit audit;
    private final UserActivityDeserializer events = new UserActivityDeserializer();

    private volatile boolean running = true;
    private boolean outputFailed;
    private long read;
    private long rejected;
    private long released;

    UserActivityShareConsumer(ShareConsumer<String, byte[]> consumer, ConsumerOptions options, LineOutput output,
                              PrintStream err, Supplier<String> prepare, Audit audit) {
        this.consumer = consumer;
        this.options = options;
        this.lines = new ShareGroupLines(options.client().language());
        this.output = output;
        this.err = err;
        this.prepare = prepare;
        this.audit = audit;
        this.consumerLines = new ConsumerLines(options.client().language());
        this.printer = new RecordPrinter(options, consumerLines, null); // a share group has no lag per member
    }

    /** Builds the program and its share consumer from parsed options (consumer's --share-group). */
    static UserActivityShareConsumer create(ConsumerOptions options, PrintStream out, PrintStream err,
                                            ReaderProbe probe) {
        Cli.configureLogging(options.client().verbose());
        Map<String, Object> config = ConsumerSettings.shareReader(options);
        ShareConsumer<String, byte[]> consumer = Failures.build(() -> new KafkaShareConsumer<>(config), options.client());
        ShareGroupLines lines = new ShareGroupLines(options.client().language());
        Audit audit = Audit.ofShareGroup(options, err);
        LineOutput output = new LineOutput(out, probe);
        output.beforeEachWrite(audit::beforePrinting); // an id is on file before its line: a kill loses neither
        return new UserActivityShareConsumer(consumer, options, output, err,
                new ShareGroupStart(options, lines, err)::prepare, audit);
    }

    @Override
    public int run() {
        String fatalError = prepare.get();
        try {
            if (fatalError == null) {
                consumer.subscribe(List.of(options.client().topic()));
                err.println(lines.joined(options.shareGroup(), options.client().topic(),
                        consumer.acquisitionLockTimeoutMs().map(Duration::ofMillis).orElse(null)));
                consume();
            }
        } catch (WakeupException e) {
            // stop() was called while polling: leave below
        } catch (KafkaException e) {
            fatalError = Cli.oneLine(e);
        } finally {
            leave();
        }
        if (outputFailed) {
            err.println(consumerLines.outputFailed());
        }
        if (fatalError != null) {
            err.println(fatalError);
        }
        audit.close(fatalError != null);
        err.println(lines.summary(read, rejected, released));
        return fatalError != null || outputFailed ? Cli.FAILED : Cli.OK;
    }

    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Poll, print, acknowledge: each record of a poll gets its answer before the next poll. */
    private void consume() {
        IdleTimeout idle = new IdleTimeout(options.timeout());
        while (running && read < options.maxMessages()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(idle.pollTimeout());
            if (records.isEmpty()) {
                if (output.readerGone()) {
                    outputFailed = true;
                    return;
                }
                if (idle.expired()) {
                    return;
                }
                continue;
            }
            idle.reset();
            handle(records);
            confirm();
        }
    }

    /** Prints each event; rejects what is no event; gives back what this run will not print. */
    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> printed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!running || read >= options.maxMessages()) {
                release(record); // --max-messages reached inside the batch: the rest is another member's
                continue;
            }
            UserActivity event;
            try {
                event = record.value() == null ? null : events.deserialize(record.topic(), record.headers(), record.value());
            } catch (RuntimeException malformed) {
                reject(record, Cli.oneLine(malformed.getCause() == null ? malformed : malformed.getCause()));
                continue;
            }
            if (event == null) {
                reject(record, lines.nullValue());
                continue;
            }
            read++;
            ConsumerRecord<String, UserActivity> typed = withValue(record, event);
            audit.read(typed);
            printer.print(typed, output);
            printed.add(record);
        }
        if (output.flush()) {
            audit.printed();
            printed.forEach(r -> consumer.acknowledge(r, AcknowledgeType.ACCEPT)); // written, so done
        } else {
            outputFailed = true;
            running = false;
            read -= printed.size();
            printed.forEach(this::release);
            err.println(lines.released(printed.size()));
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        rejected++;
        consumer.acknowledge(record, AcknowledgeType.REJECT);
        err.println(lines.rejected(record.partition(), record.offset(), reason,
                RecordPrinter.excerpt(record.value() == null ? null : ByteBuffer.wrap(record.value()))));
    }

    private void release(ConsumerRecord<String, byte[]> record) {
        released++;
        consumer.acknowledge(record, AcknowledgeType.RELEASE);
    }

    /** Sends the batch's acknowledgements now, and says which the broker did not take (those come back). */
    private void confirm() {
        Map<TopicIdPartition, Optional<KafkaException>> results = consumer.commitSync(COMMIT_WAIT);
        TreeSet<String> failed = new TreeSet<>();
        String reason = null;
        for (Map.Entry<TopicIdPartition, Optional<KafkaException>> result : results.entrySet()) {
            if (result.getValue().isPresent()) {
                failed.add(result.getKey().topic() + "-" + result.getKey().partition());
                reason = Cli.oneLine(result.getValue().get());
            }
        }
        if (!failed.isEmpty()) {
            err.println(lines.acknowledgementFailed(String.join(", ", failed), reason));
        }
    }

    /** Leaves the group: close() sends what is still unacknowledged (nothing, after confirm()) and leaves at once. */
    private void leave() {
        try {
            consumer.close(CLOSE_WAIT);
        } catch (KafkaException e) {
            err.println(Cli.oneLine(e));
        }
    }

    private static ConsumerRecord<String, UserActivity> withValue(ConsumerRecord<String, byte[]> r, UserActivity value) {
        return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                r.serializedKeySize(), r.serializedValueSize(), r.key(), value, r.headers(), r.leaderEpoch(),
                r.deliveryCount());
    }
}

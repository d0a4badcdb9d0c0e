package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.NumberConverters;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lab queue}: why queues exist. One topic with one partition, N events on it, each taking some work to
 * process; three members of a classic consumer group read it, then three members of a share group. A consumer
 * group gives a partition to one member: the other two sit idle, however many there are. A share group hands
 * out records, not partitions: all three work on the one partition at once. The lab counts what each member
 * read and how fast, by event id; it asserts nothing.
 */
@Command(name = "lab queue", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Three classic consumer-group members against three share-group members on one partition: "
                + "events per member and throughput")
public final class QueueLab implements Cli.Validated {

    private static final int MEMBERS = 3;
    private static final Duration GROUP_LIMIT = Duration.ofMinutes(3);
    /**
     * Records a poll returns, for both kinds of member alike. A share group hands a member what one fetch
     * brings (Kafka's default: up to 500), so with a few thousand events and the default the first member
     * would take half the queue in one go; 50 lets the members share it as a queue's consumers would.
     */
    private static final int MAX_POLL_RECORDS = 50;

    @Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--events", paramLabel = "N", converter = NumberConverters.PositiveLong.class,
            description = "Events on the topic. Default: 2000")
    long events = 2000;

    @Option(names = "--work-ms", paramLabel = "MS", converter = NumberConverters.PositiveLong.class,
            description = "How long processing one event takes (a sleep, as a call to a slow service would). Default: 5")
    long workMs = 5;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text: a table; json: one object per row. Default: ${DEFAULT-VALUE}")
    LabTable.Format output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    // What the members of the group being measured read: every id once in seen, every read in reads.
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong reads = new AtomicLong();
    private volatile long firstReadAt;
    private volatile long lastReadAt;
    private volatile boolean done;

    @Override
    public void validate() {
        LabTable.refuseTopic(spec);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        QueueLab lab = new QueueLab();
        return Cli.execute(lab, args, out, err, () -> lab.run(out, err));
    }

    int run(PrintStream out, PrintStream err) throws Exception {
        Cli.configureLogging(client.verbose());
        GroupLabLines lines = new GroupLabLines(client.language());
        String topic = "lab-queue-" + Long.toString(System.currentTimeMillis(), 36);
        try (LabTopic labTopic = LabTopic.create(client, topic, 1, err, lines)) {
            try (LabEvents source = new LabEvents(client, topic)) {
                source.send(events);
            }
            err.println(lines.queueReady(topic, events, workMs));
            LabTable table = new LabTable(output, out, List.of("group_type", "member", "events", "events_per_s",
                    "seconds", "read_twice"));
            for (String type : List.of("classic", "share")) {
                if ("share".equals(type)) {
                    labTopic.shareGroupFromEarliest(topic + "-share");
                }
                List<Long> perMember = readAll(type, topic, lines, err);
                report(table, type, perMember);
            }
            table.print();
        }
        return Cli.OK;
    }

    /** Three members of one group of {@code type} read until every event was read once, or the limit. */
    private List<Long> readAll(String type, String topic, GroupLabLines lines, PrintStream err) throws InterruptedException {
        seen.clear();
        reads.set(0);
        firstReadAt = 0;
        List<AtomicLong> counts = new ArrayList<>();
        List<Thread> members = new ArrayList<>();
        long deadline = System.nanoTime() + GROUP_LIMIT.toNanos();
        err.println(lines.queueGroupStarts(type, MEMBERS));
        for (int m = 0; m < MEMBERS; m++) {
            AtomicLong count = new AtomicLong();
            counts.add(count);
            Runnable member = "share".equals(type) ? () -> shareMember(topic, count, deadline)
                    : () -> classicMember(topic, count, deadline);
            Thread thread = new Thread(member, "lab-" + type + "-" + (m + 1));
            thread.start();
            members.add(thread);
        }
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (seen.size() < events && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (System.nanoTime() >= nextProgress) {
                err.println(lines.queueProgress(type, seen.size(), events));
                nextProgress += TimeUnit.SECONDS.toNanos(2);
            }
        }
        done = true;
        for (Thread member : members) {
            member.join(TimeUnit.SECONDS.toMillis(15));
        }
        done = false;
        return counts.stream().map(AtomicLong::get).toList();
    }

    private void classicMember(String topic, AtomicLong count, long deadline) {
        Map<String, Object> config = ClientSettings.of(client, () -> {
            Map<String, Object> c = new HashMap<>(ClientSettings.eventReader("user-activity-lab", topic + "-classic"));
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
            return c;
        }).config();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (!done && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    work(record, count);
                }
            }
        }
    }

    private void shareMember(String topic, AtomicLong count, long deadline) {
        Map<String, Object> config = ClientSettings.of(client, () -> {
            Map<String, Object> c = new HashMap<>();
            c.put(ConsumerConfig.CLIENT_ID_CONFIG, "user-activity-lab");
            c.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-share");
            c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
            c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
            return c;
        }).config();
        // Implicit acknowledgement: each poll accepts what the previous one returned.
        try (KafkaShareConsumer<String, byte[]> consumer = new KafkaShareConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!done && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    work(record, count);
                }
            }
            consumer.commitSync(Duration.ofSeconds(5));
        }
    }

    /** The member's work on one event: the time it takes, and its id counted. */
    private void work(ConsumerRecord<String, byte[]> record, AtomicLong count) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(workMs));
        Header id = record.headers().lastHeader(EventIdHeader.NAME);
        long now = System.nanoTime();
        if (firstReadAt == 0) {
            firstReadAt = now;
        }
        lastReadAt = now;
        reads.incrementAndGet();
        count.incrementAndGet();
        if (id != null) {
            seen.add(new String(id.value(), StandardCharsets.UTF_8));
        }
    }

    private void report(LabTable table, String type, List<Long> perMember) {
        double seconds = firstReadAt == 0 ? 0 : Math.max(1, lastReadAt - firstReadAt) / 1e9;
        for (int m = 0; m < perMember.size(); m++) {
            table.row(type, String.valueOf(m + 1), perMember.get(m), rate(perMember.get(m), seconds), round(seconds), null);
        }
        long total = perMember.stream().mapToLong(Long::longValue).sum();
        table.row(type, "all", total, rate(total, seconds), round(seconds), reads.get() - seen.size());
    }

    private static double rate(long count, double seconds) {
        return seconds == 0 ? 0 : Math.round(count / seconds * 10) / 10.0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}

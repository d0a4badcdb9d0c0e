package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.TestInfo;

/**
 * A topic of one test's own on this JVM's test broker, and what the consumer ITs do with it: fill it with the
 * producer, then run the consumer on it. Each wait is bounded by {@link #LIMIT}.
 */
final class TopicFixture {

    static final Duration LIMIT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String name;

    private TopicFixture(String bootstrapServers, String name) {
        this.bootstrapServers = bootstrapServers;
        this.name = name;
    }

    /** Creates the topic {@code prefix-<nanoTime>} with {@code partitions} partitions, and waits until it exists. */
    static TopicFixture create(String prefix, int partitions) {
        return on(TestKafka.bootstrapServers(), prefix, partitions);
    }

    /** As {@link #create}, then the producer sends it {@code events} events (with {@code producerArgs}). */
    static TopicFixture withEvents(String prefix, int partitions, int events, String... producerArgs)
            throws InterruptedException {
        TopicFixture topic = create(prefix, partitions);
        topic.produce(events, producerArgs);
        return topic;
    }

    /** As {@link #create}, on a broker of the test's own (one it stops and restarts). */
    static TopicFixture on(String bootstrapServers, String prefix, int partitions) {
        TopicFixture topic = new TopicFixture(bootstrapServers, prefix + "-" + System.nanoTime());
        TestKafka.createTopic(bootstrapServers, topic.name, partitions);
        return topic;
    }

    /** A topic name of the test's own: its method's name and the time. */
    static String uniqueName(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
    }

    String name() {
        return name;
    }

    /** A group of this topic's own, new to the broker. */
    String group() {
        return name + "-group";
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The producer sends {@code events} events to the topic as fast as it takes them ({@code --interval 0
     * --quiet}, then {@code more}); returns its run once it has exited 0.
     */
    ProgramRun produce(int events, String... more) throws InterruptedException {
        ProgramRun producer = ProgramRun.producer(args(concat(new String[] {"--interval", "0", "--max-messages",
            String.valueOf(events), "--quiet"}, more)));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        return producer;
    }

    /** Starts the consumer on the topic with {@code more}; the test waits for it. */
    ProgramRun consumer(String... more) {
        return ProgramRun.consumer(args(more));
    }

    /** Runs the consumer on the topic with {@code more}; returns its run once it has exited 0. */
    ProgramRun read(String... more) throws InterruptedException {
        ProgramRun consumer = consumer(more);
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        return consumer;
    }

    /** {@code --bootstrap-server} and {@code --topic} for this topic, then {@code more}. */
    String[] args(String... more) {
        return concat(new String[] {"--bootstrap-server", bootstrapServers, "--topic", name}, more);
    }

    /** Each partition's end offset now (Admin listOffsets, latest): the next offset to be written. */
    Map<Integer, Long> endOffsets(int partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(name, p), OffsetSpec.latest());
            }
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(LIMIT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        }
    }

    /** What {@code group} has committed for each partition of the topic (Admin listConsumerGroupOffsets). */
    Map<Integer, Long> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<Integer, Long> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(LIMIT.toSeconds(), TimeUnit.SECONDS)
                    .forEach((tp, offset) -> {
                        if (tp.topic().equals(name) && offset != null) {
                            committed.put(tp.partition(), offset.offset());
                        }
                    });
            return committed;
        }
    }

    /** Deletes partition {@code partition}'s records before {@code offset}, as retention does: the log then starts there. */
    void deleteRecordsBefore(int partition, long offset) throws Exception {
        try (Admin admin = admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(name, partition), RecordsToDelete.beforeOffset(offset))).all()
                    .get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }
}

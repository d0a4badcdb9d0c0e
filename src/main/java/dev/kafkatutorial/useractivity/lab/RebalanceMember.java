package dev.kafkatutorial.useractivity.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.JsonMapperHolder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One member of {@code lab rebalance}'s group, as an OS process of its own so that the lab can kill it for real
 * ({@code kill -9}: no leave, no last commit, the group finds out only when its session times out). It reads as
 * the tutorial's consumer does (auto commit every 5 s) and writes one JSON line to stdout per thing that
 * happens: each assignment and revocation with the member's generation (classic) or member epoch (consumer
 * protocol), and each poll's event ids. The lab reads those lines; nothing here is for a person.
 *
 * <pre>java -cp JAR dev.kafkatutorial.useractivity.lab.RebalanceMember TOPIC GROUP eager|cooperative|consumer SESSION_MS</pre>
 *
 * <p>The client's configuration (the bootstrap address, and any security settings of the learner's) comes as
 * properties on stdin, not on the command line, where {@code ps} would show a password.
 */
public final class RebalanceMember {

    private RebalanceMember() {
    }

    public static void main(String[] args) throws java.io.IOException {
        String topic = args[0];
        String mode = args[2];
        int sessionMs = Integer.parseInt(args[3]);
        java.util.Properties given = new java.util.Properties();
        given.load(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<String, Object> config = new HashMap<>();
        given.forEach((k, v) -> config.put((String) k, v));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args[1]);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        switch (mode) {
            // Eager (the classic protocol's first way): every rebalance takes every partition from every member,
            // then hands them all out again: nobody reads in between.
            case "eager" -> config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    org.apache.kafka.clients.consumer.RangeAssignor.class.getName());
            // Cooperative (KIP-429): members keep what they keep; only partitions that move are revoked, in a
            // second round.
            case "cooperative" -> config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
            // The consumer protocol (KIP-848): the broker computes the assignment; members heartbeat towards it.
            case "consumer" -> config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            default -> throw new IllegalArgumentException("mode: eager, cooperative or consumer");
        }
        if (!mode.equals("consumer")) {
            // The same session as the consumer protocol's, which the broker sets (both are 45 s by default): a
            // fair race to notice a death. The heartbeat stays each protocol's default (classic 3 s, set by the
            // member; consumer 5 s, set by the broker's group.consumer.heartbeat.interval.ms).
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionMs);
        }
        Thread main = Thread.currentThread();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup(); // SIGTERM: leave the group (close) before the JVM ends
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lab-member-stop"));
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    emit("assigned", partitions, consumer.groupMetadata().generationId());
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    emit("revoked", partitions, consumer.groupMetadata().generationId());
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    emit("lost", partitions, consumer.groupMetadata().generationId());
                }
            });
            emit("started", List.of(), -1);
            while (true) {
                List<String> ids = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(EventIdHeader.NAME);
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
                if (!ids.isEmpty()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("event", "read");
                    line.put("ids", ids);
                    print(line);
                }
            }
        } catch (WakeupException stopped) {
            // SIGTERM: close() above left the group
        }
    }

    private static void emit(String event, Collection<TopicPartition> partitions, int generation) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.put("at", System.currentTimeMillis());
        line.put("partitions", partitions.stream().map(TopicPartition::partition).sorted().toList());
        line.put("generation", generation);
        print(line);
    }

    private static synchronized void print(Map<String, Object> line) {
        try {
            System.out.println(JsonMapperHolder.MAPPER.writeValueAsString(line));
            System.out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Share groups (KIP-932, on by default since Kafka 4.2: {@code share.version} 2 on a new 4.4 cluster) on a broker
 * of the test's own, turned off first (level 0): with them off the group list still answers; with them on a share group is listed with its type, its member and
 * the partition it shares, and its start offset is what {@code kafka-share-groups --describe} prints.
 */
class WebShareGroupsIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int EVENTS = 10;

    @TempDir
    Path dir;

    @Test
    void aShareGroupIsListedWithItsMemberAndStartOffsetAndABrokerWithoutThemStillAnswers() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dir.resolve("data"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             WebRun web = WebRun.start("--bootstrap-server", broker.bootstrapServers(), "--lang", "en")) {
            String topic = "web-share-" + System.nanoTime();
            String group = topic + "-share";
            TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
            produce(broker.bootstrapServers(), topic);
            admin.updateFeatures(Map.of("share.version", new FeatureUpdate((short) 0,
                    FeatureUpdate.UpgradeType.UNSAFE_DOWNGRADE)), new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
            assertThat(web.get("/api/groups").status()).as("share groups off").isEqualTo(200);

            admin.updateFeatures(Map.of("share.version", new FeatureUpdate((short) 1,
                    FeatureUpdate.UpgradeType.UPGRADE)), new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
            // A share group starts at the latest offset unless told otherwise: from the first event here.
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
                    new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger received = new AtomicInteger();
            CompletableFuture<Void> member = CompletableFuture.runAsync(() -> {
                try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.CLIENT_ID_CONFIG, "sharer",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        received.addAndGet(consumer.poll(Duration.ofMillis(100)).count()); // acknowledged on the next poll
                    }
                }
            }, runnable -> new Thread(runnable, "share-member").start());
            try {
                await().atMost(LIMIT).failFast(member::isDone).until(() -> received.get() >= EVENTS);
                JsonNode api = web.json("/api/groups/" + group);
                String describe = KafkaTool.run(KafkaTool.SHARE_GROUPS, "--bootstrap-server",
                        broker.bootstrapServers(), "--describe", "--group", group);
                assertThat(api.get("type").asText()).isEqualTo("share");
                assertThat(api.get("state").asText()).isEqualTo("Stable");
                assertThat(api.get("group_epoch").asInt()).isPositive();
                JsonNode sharer = api.get("members").get(0);
                assertThat(sharer.get("client_id").asText()).isEqualTo("sharer");
                assertThat(sharer.get("assignment").get(0).get("topic").asText()).isEqualTo(topic);
                // The start offset is what Kafka keeps for the share partition, as its own tool prints it (Kafka
                // 4.1 writes it lazily: it may still be 0 after every event was acknowledged); lag is end minus it.
                JsonNode partition = api.get("partitions").get(0);
                assertThat(Map.of(topic + ":0", partition.get("committed_offset").asText()))
                        .isEqualTo(ToolOutput.shareStartOffsets(describe, group));
                assertThat(partition.get("log_end_offset").asLong()).isEqualTo(EVENTS);
                assertThat(partition.get("lag").asLong())
                        .isEqualTo(EVENTS - partition.get("committed_offset").asLong());
                assertThat(WebApiIT.find(web.json("/api/groups").get("groups"), "group", group).get("type").asText())
                        .isEqualTo("share");
            } finally {
                running.set(false);
                member.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void produce(String bootstrapServers, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < EVENTS; i++) {
                producer.send(new ProducerRecord<>(topic, "event-" + i));
            }
        }
    }
}

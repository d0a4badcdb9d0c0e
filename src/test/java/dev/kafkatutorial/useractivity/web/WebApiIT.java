package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON API against the test broker: its figures are what Kafka's own tools print for the same topic and
 * group ({@code kafka-topics --describe}, {@code kafka-get-offsets}, {@code kafka-consumer-groups --describe}),
 * an unknown topic or group is a 404 with a reason, and the rebalance timeline records a member joining and
 * leaving a consumer-protocol group with its epochs.
 */
class WebApiIT {

    private static WebRun web;

    @BeforeAll
    static void startWeb() throws Exception {
        web = WebRun.start(TestKafka.bootstrapArgs("--lang", "en"));
    }

    @AfterAll
    static void stopWeb() throws Exception {
        if (web != null) {
            assertThat(web.stop()).isZero();
            assertThat(web.err()).contains("Web page stopped");
        }
    }

    /** A topic of three partitions holding 5, 7 and 11 records, partition 0's first two deleted (log start 2). */
    static String filledTopic(String prefix) throws Exception {
        String topic = prefix + "-" + System.nanoTime();
        TestKafka.createTopic(topic, 3);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            int[] counts = {5, 7, 11};
            for (int partition = 0; partition < counts.length; partition++) {
                for (int i = 0; i < counts[partition]; i++) {
                    producer.send(new ProducerRecord<>(topic, partition, null, "event-" + i));
                }
            }
            producer.flush();
        }
        try (Admin admin = admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(2)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @Test
    void aTopicsFiguresAreWhatKafkaTopicsAndGetOffsetsPrint() throws Exception {
        String topic = filledTopic("web-topic");

        JsonNode api = web.json("/api/topics/" + topic);
        String describe = KafkaTool.run(KafkaTool.TOPICS, "--bootstrap-server", TestKafka.bootstrapServers(),
                "--describe", "--topic", topic);
        String earliest = KafkaTool.run(KafkaTool.GET_OFFSETS, "--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--time", "-2");
        String latest = KafkaTool.run(KafkaTool.GET_OFFSETS, "--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--time", "-1");

        assertThat(apiPartitions(api)).isEqualTo(ToolOutput.topicPartitions(describe, earliest, latest));
        assertThat(apiPartitions(api).values()).extracting(p -> p.get(1)).containsExactly("2", "0", "0");
        assertThat(apiPartitions(api).values()).extracting(p -> p.get(2)).containsExactly("5", "7", "11");
        assertThat(api.get("replication_factor").asInt()).isEqualTo(1);
        JsonNode listed = find(web.json("/api/topics").get("topics"), "name", topic);
        assertThat(listed.get("partitions").asInt()).isEqualTo(3);
    }

    @Test
    void aGroupsFiguresAreWhatKafkaConsumerGroupsDescribePrints() throws Exception {
        String topic = filledTopic("web-group");
        String group = topic + "-group";
        // Commits on partitions 0 and 1 only: partition 2 is held but has no committed offset, so no lag ("-").
        try (GroupMember member = new GroupMember(TestKafka.bootstrapServers(), group, topic, "classic", "web-it-member",
                Map.of(new TopicPartition(topic, 0), 3L, new TopicPartition(topic, 1), 7L)).awaitCommitted()) {
            await().atMost(WebRun.LIMIT).until(() -> web.json("/api/groups/" + group).get("state").asText()
                    .equals("Stable"));
            JsonNode api = web.json("/api/groups/" + group);
            String describe = KafkaTool.run(KafkaTool.CONSUMER_GROUPS, "--bootstrap-server",
                    TestKafka.bootstrapServers(), "--describe", "--group", group);
            String state = KafkaTool.run(KafkaTool.CONSUMER_GROUPS, "--bootstrap-server",
                    TestKafka.bootstrapServers(), "--describe", "--group", group, "--state");

            Map<String, List<String>> rows = new TreeMap<>();
            for (JsonNode p : api.get("partitions")) {
                rows.put(p.get("topic").asText() + ":" + p.get("partition").asInt(), List.of(
                        text(p.get("committed_offset")), text(p.get("log_end_offset")), text(p.get("lag")),
                        text(p.get("member_id")), text(p.get("client_id"))));
            }
            assertThat(rows).isEqualTo(ToolOutput.groupPartitions(describe, group));
            assertThat(rows.values()).extracting(r -> r.get(2)).containsExactly("2", "0", "-");
            assertThat(api.get("type").asText()).isEqualTo("classic");
            assertThat(List.of(api.get("state").asText(), String.valueOf(api.get("members").size()),
                    api.get("coordinator").asText())).isEqualTo(ToolOutput.groupState(state, group));
            assertThat(api.get("members").get(0).get("assignment")).hasSize(3);
        }
    }

    @Test
    void theTimelineRecordsAMemberJoiningAndLeavingAConsumerProtocolGroup() throws Exception {
        String topic = filledTopic("web-timeline");
        String group = topic + "-group";
        try (GroupMember first = new GroupMember(TestKafka.bootstrapServers(), group, topic, "consumer", "first",
                Map.of()).awaitCommitted()) {
            await().atMost(WebRun.LIMIT).until(() -> kinds(group).contains("seen"));
            try (GroupMember second = new GroupMember(TestKafka.bootstrapServers(), group, topic, "consumer",
                    "second", Map.of()).awaitCommitted()) {
                // The broker moves partitions to the newcomer member by member: it joins, the first gives some up.
                await().atMost(WebRun.LIMIT).until(() -> kinds(group).containsAll(List.of("joined", "assignment")));
            }
            await().atMost(WebRun.LIMIT).until(() -> kinds(group).contains("left"));
        }
        JsonNode api = web.json("/api/groups/" + group);
        assertThat(api.get("type").asText()).isEqualTo("consumer");
        JsonNode joined = find(api.get("timeline"), "kind", "joined");
        assertThat(joined.get("client_id").asText()).isEqualTo("second");
        assertThat(joined.get("group_epoch").asInt()).isPositive();
        JsonNode left = find(api.get("timeline"), "kind", "left");
        assertThat(left.get("client_id").asText()).isEqualTo("second");
        assertThat(left.get("group_epoch").asInt()).isGreaterThan(joined.get("group_epoch").asInt());
        JsonNode listed = find(web.json("/api/groups").get("groups"), "group", group);
        assertThat(listed.get("type").asText()).isEqualTo("consumer");
    }

    @Test
    void anUnknownTopicGroupOrAddressIsA404WithAReason() throws Exception {
        WebRun.Answer topic = web.get("/api/topics/no-such-topic-" + System.nanoTime());
        WebRun.Answer group = web.get("/api/groups/no%2Fsuch%20group");
        WebRun.Answer address = web.get("/api/nothing-here");

        assertThat(topic.status()).isEqualTo(404);
        assertThat(topic.json().get("error").asText()).isEqualTo("not_found");
        assertThat(topic.json().get("reason").asText()).startsWith("No topic no-such-topic-");
        assertThat(group.status()).isEqualTo(404);
        assertThat(group.json().get("reason").asText()).isEqualTo("No group no/such group on this cluster");
        assertThat(address.status()).isEqualTo(404);
        assertThat(web.get("/no-such-file.js").status()).isEqualTo(404);
    }

    private static List<String> kinds(String group) throws Exception {
        WebRun.Answer answer = web.get("/api/groups/" + group);
        List<String> kinds = new ArrayList<>();
        if (answer.status() == 200) {
            answer.json().get("timeline").forEach(change -> kinds.add(change.get("kind").asText()));
        }
        return kinds;
    }

    static Map<Integer, List<String>> apiPartitions(JsonNode topic) {
        Map<Integer, List<String>> partitions = new TreeMap<>();
        for (JsonNode p : topic.get("partitions")) {
            partitions.put(p.get("partition").asInt(), List.of(text(p.get("leader")),
                    text(p.get("log_start_offset")), text(p.get("log_end_offset")), ids(p.get("replicas")),
                    ids(p.get("isr"))));
        }
        return partitions;
    }

    /** A JSON value as the tools print it: null is "-". */
    static String text(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asText();
    }

    static String ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(id -> ids.add(id.asText()));
        return String.join(",", ids);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}

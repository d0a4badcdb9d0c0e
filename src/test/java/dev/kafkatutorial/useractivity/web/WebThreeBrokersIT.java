package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.ThreeBrokerCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API on three brokers: a topic with three replicas shows each partition's leader, replicas and ISR as
 * {@code kafka-topics --describe} does, and a broker shut down leaves the ISR of every partition it held, on the
 * page as in Kafka's own tool.
 */
class WebThreeBrokersIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void leaderReplicasAndIsrAreKafkaTopicsDescribesAlsoWhenABrokerLeaves() throws Exception {
        try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start();
             WebRun web = WebRun.start("--bootstrap-server", cluster.bootstrapServers(), "--lang", "en")) {
            String topic = "web-rf3-" + System.nanoTime();
            cluster.createReplicatedTopic(topic, 3);
            await().atMost(LIMIT).until(() -> web.get("/api/topics/" + topic).status() == 200
                    && allInSync(web.json("/api/topics/" + topic)));

            Map<Integer, List<String>> before = WebApiIT.apiPartitions(web.json("/api/topics/" + topic));
            assertThat(before).isEqualTo(describe(cluster, topic));
            assertThat(before.values()).allSatisfy(p -> assertThat(p.get(3).split(",")).hasSize(3));

            int gone = web.json("/api/topics/" + topic).get("partitions").get(0).get("leader").asInt();
            cluster.shutDownBroker(gone);
            long down = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger unavailable = new java.util.concurrent.atomic.AtomicInteger();
            // While leadership moves a request may time out (503): the page shows that, then the new figures.
            await().atMost(LIMIT).until(() -> {
                WebRun.Answer answer = web.get("/api/topics/" + topic);
                if (answer.status() != 200) {
                    unavailable.incrementAndGet();
                }
                return answer.status() == 200 && !isrs(answer.json()).contains(gone);
            });
            System.out.println("WEB three brokers: broker " + gone + " out of every ISR on the page "
                    + Duration.ofNanos(System.nanoTime() - down).toMillis() + " ms after its shutdown ("
                    + unavailable.get() + " answer(s) other than 200 meanwhile)");
            Map<Integer, List<String>> after = WebApiIT.apiPartitions(web.json("/api/topics/" + topic));
            assertThat(after).isEqualTo(describe(cluster, topic));
            assertThat(after.values()).allSatisfy(p -> {
                assertThat(p.get(0)).isNotEqualTo(String.valueOf(gone)); // a new leader
                assertThat(p.get(3).split(",")).hasSize(3); // still three replicas assigned
                assertThat(p.get(4).split(",")).hasSize(2).doesNotContain(String.valueOf(gone));
            });
        }
    }

    private static Map<Integer, List<String>> describe(ThreeBrokerCluster cluster, String topic) throws Exception {
        String servers = cluster.bootstrapServers();
        return ToolOutput.topicPartitions(
                KafkaTool.run(KafkaTool.TOPICS, "--bootstrap-server", servers, "--describe", "--topic", topic),
                KafkaTool.run(KafkaTool.GET_OFFSETS, "--bootstrap-server", servers, "--topic", topic, "--time", "-2"),
                KafkaTool.run(KafkaTool.GET_OFFSETS, "--bootstrap-server", servers, "--topic", topic, "--time", "-1"));
    }

    private static boolean allInSync(JsonNode topic) {
        for (JsonNode p : topic.get("partitions")) {
            if (p.get("isr").size() != p.get("replicas").size()) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> isrs(JsonNode topic) {
        List<Integer> ids = new java.util.ArrayList<>();
        topic.get("partitions").forEach(p -> p.get("isr").forEach(id -> ids.add(id.asInt())));
        return ids;
    }
}

package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The consumer's lag: the line per partition on assignment is the end offset (Admin listOffsets) minus the
 * position; a record's lag ({@code --print lag}, JSON {@code lag}) is the events after it in its partition; the
 * exit summary's lag left is end minus the group's committed offset.
 */
class ConsumerLagIT {

    @Test
    void eachRecordsLagIsTheEventsAfterIt() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("lag", 1, 5);

        ProgramRun json = topic.read("--from-beginning", "--to-end", "--output", "json");
        List<JsonNode> records = JsonLines.parse(json.out());
        assertThat(records).hasSize(5);
        for (JsonNode record : records) {
            assertThat(record.get("lag").isNumber()).as(record.toString()).isTrue();
            assertThat(record.get("lag").asLong()).as(record.toString()).isEqualTo(4 - record.get("offset").asLong());
        }
        // from the beginning: position 0, so the lag at assignment is the end offset
        assertThat(json.err()).contains("파티션 0: 위치 0, 끝 " + ends(topic.name(), 1).get(0) + ", 남은 메시지 5");
        assertThat(json.err()).contains("컨슈머 종료 - 처리한 메시지: 5, 건너뛴 메시지: 0");

        ProgramRun text = topic.read("--from-beginning", "--to-end", "--print", "lag");
        List<String> lagLines = text.out().lines().filter(line -> line.startsWith("남은 메시지: ")).toList();
        assertThat(lagLines).containsExactly("남은 메시지: 4", "남은 메시지: 3", "남은 메시지: 2", "남은 메시지: 1",
                "남은 메시지: 0");

        // the line comes after --last's seek: the position reading starts from
        ProgramRun last = topic.read("--last", "2", "--to-end");
        assertThat(last.err()).contains("파티션 0: 위치 3, 끝 5, 남은 메시지 2");
    }

    @Test
    void theSummaryLeavesEndMinusCommitted() throws Exception {
        TopicFixture topic = TopicFixture.create("lag-left", 2);
        String group = topic.group();
        topic.produce(20);

        ProgramRun consumer = topic.read("--group", group, "--max-messages", "3");
        Map<Integer, Long> ends = ends(topic.name(), 2);
        for (int p = 0; p < 2; p++) { // a new group starts at the earliest offset: 0
            assertThat(consumer.err()).contains("파티션 " + p + ": 위치 0, 끝 " + ends.get(p) + ", 남은 메시지 " + ends.get(p));
        }
        long left = 0;
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (int p = 0; p < 2; p++) {
                OffsetAndMetadata offset = committed.get(new TopicPartition(topic.name(), p));
                left += ends.get(p) - (offset == null ? 0 : offset.offset());
            }
        }
        assertThat(left).isEqualTo(17);
        assertThat(consumer.err()).contains("컨슈머 종료 - 처리한 메시지: 3, 건너뛴 메시지: 0, 남은 메시지: " + left);
    }

    private static Map<Integer, Long> ends(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }
}

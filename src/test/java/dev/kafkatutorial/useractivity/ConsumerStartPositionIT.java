package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@code --partition P --offset N} where the partition has no offset N: past its end the consumer says so and
 * waits there for new events (as kafka-console-consumer); before its log start (deleted by retention, here by
 * {@code Admin.deleteRecords}) it says so and starts at the log start. Never a silent replay from offset 0.
 */
class ConsumerStartPositionIT {

    private static final Duration LIMIT = TopicFixture.LIMIT;

    @Test
    void anOffsetPastTheEndWaitsThereForNewEvents() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("past-end", 1, 10);
        ProgramRun consumer = topic.consumer("--partition", "0", "--offset", "1000", "--output", "json",
                "--max-messages", "2");

        await().atMost(LIMIT).until(() -> consumer.err().contains("오프셋 1000은(는) 파티션 0의 끝(10)을 지났습니다"));
        topic.produce(2); // offsets 10 and 11: what a consumer waiting at the end reads

        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(EventIds.offsetsInJsonLines(consumer.out())).containsExactly(10L, 11L);
        assertThat(consumer.err()).contains("오프셋 10에서 새 메시지를 기다립니다");
    }

    @Test
    void anOffsetAlreadyDeletedStartsAtTheLogStartAndSaysSo() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("deleted", 1, 10);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            // What retention does to old segments: the log now starts at offset 5.
            admin.deleteRecords(Map.of(new TopicPartition(topic.name(), 0), RecordsToDelete.beforeOffset(5))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        ProgramRun consumer = topic.read("--partition", "0", "--offset", "2", "--output", "json", "--max-messages", "5");

        assertThat(EventIds.offsetsInJsonLines(consumer.out())).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(consumer.err()).contains("오프셋 2은(는) 파티션 0에서 이미 삭제되었습니다: 남아 있는 첫 오프셋 5부터 읽습니다");
    }


}

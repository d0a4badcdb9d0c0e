package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
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
        topic.deleteRecordsBefore(0, 5); // what retention does to old segments: the log now starts at offset 5
        ProgramRun consumer = topic.read("--partition", "0", "--offset", "2", "--output", "json", "--max-messages", "5");

        assertThat(EventIds.offsetsInJsonLines(consumer.out())).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(consumer.err()).contains("오프셋 2은(는) 파티션 0에서 이미 삭제되었습니다: 남아 있는 첫 오프셋 5부터 읽습니다");
    }

    /**
     * A group's committed offset that retention deleted before the group read on (here deleteRecords): the lag
     * counts only the records that exist, and one line says the commit is before the log start and where reading
     * starts (auto.offset.reset). It used to say "위치 10, 끝 50, 남은 메시지 40" where 20 were left, and nothing.
     */
    @Test
    void aCommitBeforeTheLogStartCountsOnlyWhatExistsAndSaysSo() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("commit-deleted", 1, 50);
        String group = topic.group();
        topic.read("--group", group, "--max-messages", "10");
        assertThat(topic.committed(group)).isEqualTo(Map.of(0, 10L));
        topic.deleteRecordsBefore(0, 30);

        ProgramRun consumer = topic.read("--group", group, "--to-end", "--output", "json");

        assertThat(EventIds.offsetsInJsonLines(consumer.out())).isEqualTo(LongStream.range(30, 50).boxed().toList());
        String deleted = "파티션 0: 그룹이 커밋한 오프셋 10은(는) 로그 시작(30) 앞이라 이미 삭제되었습니다 (보존 기간): "
                + "오프셋 30부터 읽습니다 (auto.offset.reset=earliest)";
        assertThat(consumer.err()).contains("파티션 0: 위치 30, 끝 50, 남은 메시지 20");
        assertThat(consumer.err().lines().filter(line -> line.contains("오프셋 10은(는)")).toList()).containsExactly(deleted);
    }
}

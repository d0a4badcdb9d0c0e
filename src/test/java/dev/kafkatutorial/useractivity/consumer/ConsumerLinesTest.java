package dev.kafkatutorial.useractivity.consumer;

import static dev.kafkatutorial.useractivity.TutorialEvents.LOGIN_123;
import static dev.kafkatutorial.useractivity.TutorialEvents.PAYMENT_456;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.RebalanceReporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The consumer's printed lines, checked against the tutorial's text (../shared/tutorial-ko.md, Step 4.4). */
class ConsumerLinesTest {

    private final ConsumerLines koConsumer = new ConsumerLines(Language.ko);
    private final ConsumerLines enConsumer = new ConsumerLines(Language.en);

    @Test
    void consumerLinesAreTheTutorials() {
        assertThat(koConsumer.received(0, 1, LOGIN_123) + "\n" + koConsumer.received(0, 2, PAYMENT_456)).isEqualTo("""
                ======= 새 메시지 수신 (파티션: 0, 오프셋: 1) =======
                🟢 사용자 123가 로그인했습니다.

                ======= 새 메시지 수신 (파티션: 0, 오프셋: 2) =======
                💰 사용자 456가 500원 결제했습니다.
                """);
    }

    @Test
    void englishMirrorsTheKoreanLines() {
        assertThat(enConsumer.received(0, 1, LOGIN_123))
                .isEqualTo("======= New message received (partition: 0, offset: 1) =======\n🟢 User 123 logged in.\n");
    }

    @Test
    void partitionsAreNumbersForOneTopicAndNamedWithTheirTopicWithInclude() {
        // the tutorial's single topic: the lines as they were, partitions in numeric order
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assigned(koConsumer, err, List.of(new TopicPartition("t", 10), new TopicPartition("t", 2), new TopicPartition("t", 0)));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("======= 파티션 할당: 0, 2, 10 =======\n");
        assertThat(koConsumer.partitionLag(koConsumer.partition(new TopicPartition("t", 0)), 40, 42, 2))
                .isEqualTo("파티션 0: 위치 40, 끝 42, 남은 메시지 2");

        // --include: two topics' partition 0 are two partitions, so each is named with its topic
        ConsumerLines include = new ConsumerLines(Language.ko, true);
        err.reset();
        assigned(include, err, List.of(new TopicPartition("user-b", 0), new TopicPartition("user-a", 0)));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("======= 파티션 할당: user-a-0, user-b-0 =======\n");
        assertThat(include.partitionLag(include.partition(new TopicPartition("user-a", 0)), 17, 20, 3))
                .isEqualTo("파티션 user-a-0: 위치 17, 끝 20, 남은 메시지 3");
    }

    private static void assigned(ConsumerLines lines, ByteArrayOutputStream err, List<TopicPartition> partitions) {
        new RebalanceReporter(lines, new PrintStream(err, true, StandardCharsets.UTF_8), () -> false, () -> { },
                lines::partition).onPartitionsAssigned(partitions);
    }
}

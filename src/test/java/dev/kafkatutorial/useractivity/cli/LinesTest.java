package dev.kafkatutorial.useractivity.cli;

import static dev.kafkatutorial.useractivity.TutorialEvents.LOGIN_123;
import static dev.kafkatutorial.useractivity.TutorialEvents.PAYMENT_456;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Action;
import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The lines every program shares: the event's sentence, the broker's failures, a skipped record, offset ranges. */
class LinesTest {

    private final Lines ko = new Lines(Language.ko);
    private final Lines en = new Lines(Language.en);

    @Test
    void everyActionHasAKoreanAndAnEnglishSentenceWithItsEmoji() {
        for (Action action : Action.values()) {
            UserActivity event = UserActivity.of(42, action, 1.0, action == Action.PAYMENT ? 700L : null);
            assertThat(ko.describe(event)).startsWith(action.emoji() + " 사용자 42가 ").endsWith("습니다.");
            assertThat(en.describe(event)).startsWith(action.emoji() + " User 42 ").endsWith(".");
        }
        assertThat(en.describe(LOGIN_123)).isEqualTo("🟢 User 123 logged in.");
        assertThat(en.describe(PAYMENT_456)).isEqualTo("💰 User 456 paid 500 won.");
        assertThat(ko.describe(UserActivity.of(7, Action.SEARCH, 1.0, null))).isEqualTo("🔍 사용자 7가 검색했습니다.");
    }

    @Test
    void anActionFromAnotherProducerStillReads() {
        UserActivity unknown = new UserActivity(5, "dance", 1.0, null);
        assertThat(ko.describe(unknown)).isEqualTo("❔ 사용자 5가 알 수 없는 활동(dance)을 했습니다.");
        assertThat(en.describe(unknown)).isEqualTo("❔ User 5 did an unknown action (dance).");
        assertThat(ko.describe(new UserActivity(5, "x\n\u001b[2J", 1.0, null))).doesNotContain("\n", "\u001b");
        assertThat(ko.describe(new UserActivity(9, "payment", 1.0, null))).isEqualTo("💰 사용자 9가 결제했습니다.");
    }

    @Test
    void failuresNameWhatToCheck() {
        assertThat(ko.brokerUnreachable("localhost:9092", Duration.ofSeconds(10)))
                .contains("localhost:9092", "10초", "docker-compose up -d", "./local-broker.sh start")
                .doesNotContain("\n", "exec:java");
        assertThat(en.brokerUnreachable("kafka:1234", Duration.ofSeconds(10)))
                .contains("kafka:1234", "10 s", "docker-compose up -d", "./local-broker.sh start")
                .doesNotContain("exec:java");
        assertThat(ko.brokerUnresolvable("no-such-host.invalid:9092")).contains("no-such-host.invalid:9092", "--bootstrap-server")
                .doesNotContain("\n");
        assertThat(en.brokerUnresolvable("kafka:1234")).contains("Cannot resolve", "kafka:1234", "--bootstrap-server");
        assertThat(ko.skipped(0, 5, "bad", "\"x\"")).isEqualTo("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 5): bad | 값: \"x\"");
    }

    @Test
    void notKafkaInBothLanguages() {
        assertThat(ko.notKafka("localhost:8000", Duration.ofSeconds(10)))
                .startsWith("localhost:8000 주소는 응답하지만 카프카 브로커가 아닙니다").contains("10초", "--bootstrap-server");
        assertThat(en.notKafka("localhost:8000", Duration.ofSeconds(10)))
                .startsWith("localhost:8000 answers, but it is not a Kafka broker").contains("10 s", "--bootstrap-server");
    }

    @Test
    void offsetRangesAndFencingInEnglishAndKorean() {
        TreeMap<Integer, long[]> ranges = new TreeMap<>();
        ranges.put(0, new long[] {20, 25});
        ranges.put(2, new long[] {3, 6});
        assertThat(en.offsetRanges(ranges)).isEqualTo("partition 0: offsets 20-25, partition 2: offsets 3-6");
        assertThat(en.fenced("tx")).isEqualTo("Fenced: another producer started with the same transactional.id (tx) "
                + "and takes over from this one. Exiting");
        assertThat(new Lines(Language.ko).offsetRanges(ranges)).isEqualTo("파티션 0: 오프셋 20-25, 파티션 2: 오프셋 3-6");
    }

    @Test
    void anAssignmentLineNamesTheProtocolOnlyWhenOneWasChosen() {
        Lines ko = new Lines(dev.kafkatutorial.useractivity.Language.ko);
        Lines en = new Lines(dev.kafkatutorial.useractivity.Language.en);
        assertThat(ko.assigned(java.util.List.of(0, 2), null)).isEqualTo("======= 파티션 할당: 0, 2 =======");
        assertThat(ko.assigned(java.util.List.of(2), ko.membership("consumer", 3)))
                .isEqualTo("======= 파티션 할당: 2 (consumer 프로토콜, 멤버 에포크 3) =======");
        assertThat(en.assigned(java.util.List.of(), en.membership("classic", 5)))
                .isEqualTo("======= Partitions assigned: none (classic protocol, generation 5) =======");
    }
}

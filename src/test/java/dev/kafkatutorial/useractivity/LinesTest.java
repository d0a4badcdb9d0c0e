package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.consumer.ConsumerLines;
import dev.kafkatutorial.useractivity.consumer.RecordPrinter;
import dev.kafkatutorial.useractivity.producer.ProducerLines;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The printed lines, checked against the tutorial's text (../shared/tutorial-ko.md, Steps 3.3 and 4.4). */
class LinesTest {

    private final ProducerLines ko = new ProducerLines(Language.ko);
    private final ConsumerLines koConsumer = new ConsumerLines(Language.ko);
    private final ProducerLines en = new ProducerLines(Language.en);
    private final ConsumerLines enConsumer = new ConsumerLines(Language.en);

    private static final UserActivity LOGIN_123 = UserActivity.of(123, Action.LOGIN, 1646092800.0, null);
    private static final UserActivity PAYMENT_456 = UserActivity.of(456, Action.PAYMENT, 1646092800.0, 500L);

    @Test
    void producerLinesAreTheTutorials() {
        assertThat(ko.sending(LOGIN_123))
                .isEqualTo("메시지 전송: {'user_id': 123, 'action': 'login', 'timestamp': 1646092800.0}");
        assertThat(ko.sent("user_activity", 0, 0, null)).isEqualTo("메시지 전송 성공 - 토픽: user_activity, 파티션: 0, 오프셋: 0");
    }

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
    void englishMirrorsTheKoreanLines() {
        assertThat(en.sending(PAYMENT_456)).isEqualTo(
                "Sending message: {'user_id': 456, 'action': 'payment', 'timestamp': 1646092800.0, 'amount': 500}");
        assertThat(en.sent("user_activity", 2, 17, null))
                .isEqualTo("Message sent successfully - topic: user_activity, partition: 2, offset: 17");
        assertThat(enConsumer.received(0, 1, LOGIN_123))
                .isEqualTo("======= New message received (partition: 0, offset: 1) =======\n🟢 User 123 logged in.\n");
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
    void quietProgressLineInBothLanguages() {
        assertThat(new ProducerLines(Language.ko).producerProgress(200, 150, 75)).isEqualTo("진행 - 전송: 200, 성공: 150 (초당 75건)");
        assertThat(new ProducerLines(Language.en).producerProgress(200, 150, 75))
                .isEqualTo("Progress - sent: 200, acknowledged: 150 (75/s)");
    }

    @Test
    void aRepeatedTimestampPrintsTheSameAndTheNextOneItsOwn() {
        assertThat(UserActivity.pythonFloat(1764057000.123)).isEqualTo("1764057000.123");
        assertThat(UserActivity.pythonFloat(1764057000.123)).isEqualTo("1764057000.123");
        assertThat(UserActivity.pythonFloat(1764057000.124)).isEqualTo("1764057000.124");
        assertThat(UserActivity.pythonFloat(1764057001.0)).isEqualTo("1764057001.0");
    }

    @Test
    void timestampsPrintAsPythonPrintsFloats() {
        assertThat(UserActivity.pythonFloat(1646092800.0)).isEqualTo("1646092800.0");
        assertThat(UserActivity.pythonFloat(1764057000.123)).isEqualTo("1764057000.123");
        assertThat(UserActivity.pythonFloat(0.5)).isEqualTo("0.5");
        assertThat(UserActivity.pythonFloat(12)).isEqualTo("12.0");
    }

    @Test
    void failuresNameWhatToCheck() {
        assertThat(ko.brokerUnreachable("localhost:9092", Duration.ofSeconds(10)))
                .contains("localhost:9092", "10초", "docker-compose up -d", "exec:java@broker").doesNotContain("\n");
        assertThat(en.brokerUnreachable("kafka:1234", Duration.ofSeconds(10)))
                .contains("kafka:1234", "10 s", "docker-compose up -d", "exec:java@broker");
        assertThat(ko.brokerUnresolvable("no-such-host.invalid:9092")).contains("no-such-host.invalid:9092", "--bootstrap-server")
                .doesNotContain("\n");
        assertThat(en.brokerUnresolvable("kafka:1234")).contains("Cannot resolve", "kafka:1234", "--bootstrap-server");
        assertThat(ko.skipped(0, 5, "bad", "\"x\"")).isEqualTo("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 5): bad | 값: \"x\"");
    }

    @Test
    void producerFaultLinesInBothLanguages() {
        assertThat(ko.brokerAway("localhost:9092", Duration.ofSeconds(120))).startsWith("브로커 연결 끊김: localhost:9092")
                .contains("120초").doesNotContain("\n");
        assertThat(en.brokerAway("localhost:9092", Duration.ofSeconds(120))).startsWith("Lost the Kafka broker at localhost:9092")
                .contains("120 s");
        assertThat(ko.brokerBack("localhost:9092")).isEqualTo("브로커 다시 연결됨: localhost:9092");
        assertThat(en.brokerBack("localhost:9092")).isEqualTo("Reconnected to the Kafka broker at localhost:9092");
        assertThat(ko.stdoutFailed()).startsWith("표준 출력에 쓸 수 없어 중지합니다");
        assertThat(en.stdoutFailed()).startsWith("Stopping: cannot write to standard output");
        assertThat(ko.stoppedWhileWaiting()).isEqualTo("브로커를 기다리는 중에 중지되었습니다");
        assertThat(en.stoppedWhileWaiting()).isEqualTo("stopped while waiting for the broker");
        assertThat(ko.notKafka("localhost:8000", Duration.ofSeconds(10)))
                .startsWith("localhost:8000 주소는 응답하지만 카프카 브로커가 아닙니다").contains("10초", "--bootstrap-server");
        assertThat(en.notKafka("localhost:8000", Duration.ofSeconds(10)))
                .startsWith("localhost:8000 answers, but it is not a Kafka broker").contains("10 s", "--bootstrap-server");
    }

    @Test
    void excerptsAreShortEscapedAndSafe() {
        assertThat(RecordPrinter.excerpt(ByteBuffer.wrap("not json".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("\"not json\"");
        assertThat(RecordPrinter.excerpt(ByteBuffer.wrap(new byte[] {'a', 0, '\n', (byte) 0xff, '"'})))
                .isEqualTo("\"a\\x00\\n\uFFFD\\\"\"");
        byte[] big = new byte[1 << 20];
        java.util.Arrays.fill(big, (byte) 'x');
        assertThat(RecordPrinter.excerpt(ByteBuffer.wrap(big))).isEqualTo("\"" + "x".repeat(60) + "\"… (1048576 bytes)");
        assertThat(RecordPrinter.excerpt(null)).isEqualTo("null");
    }
}

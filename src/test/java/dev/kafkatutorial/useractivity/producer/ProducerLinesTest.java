package dev.kafkatutorial.useractivity.producer;

import static dev.kafkatutorial.useractivity.TutorialEvents.LOGIN_123;
import static dev.kafkatutorial.useractivity.TutorialEvents.PAYMENT_456;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The producer's printed lines, checked against the tutorial's text (../shared/tutorial-ko.md, Step 3.3). */
class ProducerLinesTest {

    private final ProducerLines ko = new ProducerLines(Language.ko);
    private final ProducerLines en = new ProducerLines(Language.en);

    @Test
    void producerLinesAreTheTutorials() {
        assertThat(ko.sending(LOGIN_123))
                .isEqualTo("메시지 전송: {'user_id': 123, 'action': 'login', 'timestamp': 1646092800.0}");
        assertThat(ko.sent("user_activity", 0, 0, null)).isEqualTo("메시지 전송 성공 - 토픽: user_activity, 파티션: 0, 오프셋: 0");
    }

    @Test
    void englishMirrorsTheKoreanLines() {
        assertThat(en.sending(PAYMENT_456)).isEqualTo(
                "Sending message: {'user_id': 456, 'action': 'payment', 'timestamp': 1646092800.0, 'amount': 500}");
        assertThat(en.sent("user_activity", 2, 17, null))
                .isEqualTo("Message sent successfully - topic: user_activity, partition: 2, offset: 17");
    }

    @Test
    void quietProgressLineInBothLanguages() {
        assertThat(new ProducerLines(Language.ko).producerProgress(200, 150, 75)).isEqualTo("진행 - 전송: 200, 성공: 150 (초당 75건)");
        assertThat(new ProducerLines(Language.en).producerProgress(200, 150, 75))
                .isEqualTo("Progress - sent: 200, acknowledged: 150 (75/s)");
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
    }
}

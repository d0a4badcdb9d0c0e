package dev.kafkatutorial.useractivity.consumer;

import static dev.kafkatutorial.useractivity.TutorialEvents.LOGIN_123;
import static dev.kafkatutorial.useractivity.TutorialEvents.PAYMENT_456;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
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
}

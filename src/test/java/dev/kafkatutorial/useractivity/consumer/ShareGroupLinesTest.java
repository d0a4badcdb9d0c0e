package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import org.junit.jupiter.api.Test;

/** A share group member's banner: the tutorial's, with the delivery count, and why a record came back. */
class ShareGroupLinesTest {

    private static final UserActivity LOGIN = new UserActivity(123, "login", 1.7e9, null);

    @Test
    void aFirstDeliveryIsTheTutorialsBannerWithItsCount() {
        assertThat(new ShareGroupLines(Language.ko).received(0, 1, 1, LOGIN))
                .isEqualTo("======= 새 메시지 수신 (파티션: 0, 오프셋: 1, 전달: 1번째) =======\n🟢 사용자 123가 로그인했습니다.\n");
        assertThat(new ShareGroupLines(Language.en).received(0, 1, 1, LOGIN))
                .isEqualTo("======= New message received (partition: 0, offset: 1, delivery: 1) =======\n🟢 User 123 logged in.\n");
    }

    @Test
    void aRedeliverySaysWhyItCameBack() {
        assertThat(new ShareGroupLines(Language.en).received(2, 7, 2, LOGIN)).isEqualTo(
                "======= New message received (partition: 2, offset: 7, delivery: 2) =======\n"
                        + "(redelivered: 1 earlier delivery was not acknowledged: that member released it, or died and its "
                        + "acquisition lock timed out)\n🟢 User 123 logged in.\n");
        assertThat(new ShareGroupLines(Language.ko).received(2, 7, 3, LOGIN)).contains("전달: 3번째", "앞선 2번의 전달");
    }
}

package dev.kafkatutorial.useractivity.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Action;
import dev.kafkatutorial.useractivity.JsonDeserializer;
import dev.kafkatutorial.useractivity.JsonSerializer;
import dev.kafkatutorial.useractivity.UserActivity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The processor's output record: the event's JSON with its sentence added, still readable as the event. */
class ProcessedActivityTest {

    @Test
    void theOutputIsTheEventsJsonWithItsMessage() {
        byte[] json = new JsonSerializer<ProcessedActivity>().serialize("t", new ProcessedActivity(
                UserActivity.of(456, Action.PAYMENT, 1646092800.5, 500L), "💰 사용자 456가 500원 결제했습니다."));
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800.5, "
                + "\"amount\": 500, \"message\": \"");
        UserActivity back = new JsonDeserializer<>(UserActivity.class).deserialize("t", json);
        assertThat(back).isEqualTo(UserActivity.of(456, Action.PAYMENT, 1646092800.5, 500L));
    }
}

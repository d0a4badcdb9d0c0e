package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The producer's own serializer writes exactly what Jackson (JsonSerializer) writes, for any event. */
class UserActivitySerializerTest {

    private final UserActivitySerializer fast = new UserActivitySerializer();
    private final JsonSerializer<UserActivity> jackson = new JsonSerializer<>();

    private void sameBytes(UserActivity event) {
        assertThat(new String(fast.serialize("t", event), StandardCharsets.UTF_8))
                .isEqualTo(new String(jackson.serialize("t", event), StandardCharsets.UTF_8));
    }

    @Test
    void writesTheTutorialsJson() {
        assertThat(new String(fast.serialize("t", UserActivity.of(456, Action.PAYMENT, 1646092800.0, 500L)),
                StandardCharsets.UTF_8))
                .isEqualTo("{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800.0, \"amount\": 500}");
    }

    @Test
    void matchesJacksonOnRandomEvents() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long millis = 1_600_000_000_000L + (random.nextLong() & 0xffffffffffL);
            Clock clock = Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
            sameBytes(new RandomActivities(random, clock).get());
        }
    }

    @Test
    void matchesJacksonAtTheEdges() {
        sameBytes(new UserActivity(0, "login", 0.0, null));
        sameBytes(new UserActivity(Long.MAX_VALUE, "x", 1e15 + 0.5, Long.MAX_VALUE));
        sameBytes(new UserActivity(-1, "login", -5.25, -100L));
        sameBytes(new UserActivity(Long.MIN_VALUE, "login", 1.0E-5, 0L));
        sameBytes(new UserActivity(9, "login", 1e17, 10L));
        sameBytes(new UserActivity(10, "logout", 1646092800.123456, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "back\\slash", "tab\there", "결제", "e\u0301", "~ok~", "\u007f"})
    void escapesAsJacksonDoes(String action) {
        sameBytes(new UserActivity(1, action, 1646092800.5, null));
    }

    @Test
    void keepsNullANullValue() {
        assertThat(fast.serialize("t", null)).isNull();
    }
}

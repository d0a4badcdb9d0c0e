package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The producer's serializer writes Python's json.dumps layout, byte for byte, for any event. */
class UserActivitySerializerTest {

    private final UserActivitySerializer serializer = new UserActivitySerializer();

    private String json(UserActivity event) {
        return new String(serializer.serialize("t", event), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheTutorialsJson() {
        assertThat(new String(serializer.serialize("t", UserActivity.of(456, Action.PAYMENT, 1646092800.0, 500L)),
                StandardCharsets.UTF_8))
                .isEqualTo("{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800.0, \"amount\": 500}");
    }

    /** What json.dumps writes for the event, with the timestamp as repr() of a whole number of milliseconds. */
    private static String pythonJson(UserActivity event, long millis) {
        String seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
        return "{\"user_id\": " + event.userId() + ", \"action\": \"" + event.action() + "\", \"timestamp\": "
                + (seconds.contains(".") ? seconds : seconds + ".0")
                + (event.amount() == null ? "" : ", \"amount\": " + event.amount()) + "}";
    }

    @Test
    void writesPythonsLayoutForRandomEvents() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long millis = 1_600_000_000_000L + (random.nextLong() & 0xffffffffffL);
            Clock clock = Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
            UserActivity event = new RandomActivities(random, clock).get();
            assertThat(json(event)).isEqualTo(pythonJson(event, millis));
        }
    }

    @Test
    void writesTheEdges() {
        assertThat(json(new UserActivity(0, "login", 0.0, null)))
                .isEqualTo("{\"user_id\": 0, \"action\": \"login\", \"timestamp\": 0.0}");
        assertThat(json(new UserActivity(Long.MAX_VALUE, "x", 1e15 + 0.5, Long.MAX_VALUE)))
                .isEqualTo("{\"user_id\": 9223372036854775807, \"action\": \"x\", \"timestamp\": 1000000000000000.5,"
                        + " \"amount\": 9223372036854775807}");
        assertThat(json(new UserActivity(-1, "login", -5.25, -100L)))
                .isEqualTo("{\"user_id\": -1, \"action\": \"login\", \"timestamp\": -5.25, \"amount\": -100}");
        assertThat(json(new UserActivity(Long.MIN_VALUE, "login", 1.0E-5, 0L)))
                .isEqualTo("{\"user_id\": -9223372036854775808, \"action\": \"login\", \"timestamp\": 1.0E-5,"
                        + " \"amount\": 0}");
        assertThat(json(new UserActivity(9, "login", 1e17, 10L)))
                .isEqualTo("{\"user_id\": 9, \"action\": \"login\", \"timestamp\": 1.0E17, \"amount\": 10}");
        assertThat(json(new UserActivity(10, "logout", 1646092800.123456, null)))
                .isEqualTo("{\"user_id\": 10, \"action\": \"logout\", \"timestamp\": 1646092800.123456}");
    }

    /** JSON's escapes for a quote, a backslash and a tab; UTF-8 as it is for the rest, DEL included. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "say \"hi\"    | say \\\"hi\\\"",
        "back\\slash   | back\\\\slash",
        "tab\there     | tab\\there",
        "결제          | 결제",
        "e\u0301       | e\u0301",
        "~ok~          | ~ok~",
        "\u007f        | \u007f",
    })
    void escapesAsJsonDoes(String action, String written) {
        assertThat(json(new UserActivity(1, action, 1646092800.5, null)))
                .isEqualTo("{\"user_id\": 1, \"action\": \"" + written + "\", \"timestamp\": 1646092800.5}");
    }

    @Test
    void keepsNullANullValue() {
        assertThat(serializer.serialize("t", null)).isNull();
    }
}

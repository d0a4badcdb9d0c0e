package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Action;
import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The consumer's byte-level lines are, byte for byte, what ConsumerLines.received prints, and nothing when it cannot. */
class ReceivedLinesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LineOutput output = new LineOutput(new PrintStream(bytes, false, StandardCharsets.UTF_8),
            ReaderProbe.NONE);

    private String written() {
        assertThat(output.flush()).isTrue();
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void writesWhatConsumerLinesPrints(Language language) {
        ConsumerLines messages = new ConsumerLines(language);
        ReceivedLines lines = new ReceivedLines(messages);
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            Action action = Action.values()[random.nextInt(Action.values().length)];
            Long amount = action == Action.PAYMENT && random.nextBoolean() ? (long) random.nextInt(1_000_000) : null;
            UserActivity event = UserActivity.of(i % 7 == 0 ? 0 : random.nextInt(1_000_000), action, 1.5, amount);
            int partition = i % 5 == 0 ? 0 : random.nextInt(100);
            long offset = i % 3 == 0 ? random.nextLong() & Long.MAX_VALUE : random.nextInt(10_000);

            assertThat(lines.write(output, partition, offset, event)).isTrue();
            assertThat(written()).isEqualTo(messages.received(partition, offset, event) + "\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void leavesWhatItHasNoTemplateForToTheCaller(Language language) {
        ReceivedLines lines = new ReceivedLines(new ConsumerLines(language));
        assertThat(lines.write(output, 0, 1, new UserActivity(1, "dance", 1.5, null))).isFalse();
        assertThat(lines.write(output, 0, 1, new UserActivity(-1, "login", 1.5, null))).isFalse();
        assertThat(lines.write(output, 0, 1, new UserActivity(1, "payment", 1.5, -5L))).isFalse();
        assertThat(written()).isEmpty();
    }
}

package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event's timestamp printed as the tutorial's Python prints a float. */
class UserActivityTest {

    @Test
    void aRepeatedTimestampPrintsTheSameAndTheNextOneItsOwn() {
        assertThat(Stream.of(1764057000.123, 1764057000.123, 1764057000.124, 1764057001.0).map(UserActivity::pythonFloat))
                .containsExactly("1764057000.123", "1764057000.123", "1764057000.124", "1764057001.0");
    }

    @Test
    void timestampsPrintAsPythonPrintsFloats() {
        assertThat(Stream.of(1646092800.0, 1764057000.123, 0.5, 12.0).map(UserActivity::pythonFloat))
                .containsExactly("1646092800.0", "1764057000.123", "0.5", "12.0");
    }
}

package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The event's timestamp printed as the tutorial's Python prints a float. */
class UserActivityTest {

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
}

package dev.kafkatutorial.useractivity.cli;

import static dev.kafkatutorial.useractivity.ProgramOutput.consumer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --from-time}'s check: a time Kafka cannot search for (before 1970-01-01, where its timestamps begin) is
 * one line and exit 2 at parse time, not a stack trace from the rebalance listener at the first assignment.
 */
class TimeConvertersTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1800-01-01T00:00:00Z", "1000000d", "1969-12-31T23:59:59.999Z"})
    void aTimeBefore1970IsOneLineAtParseTime(String time) {
        consumer("--from-time", time).assertRefused("user-activity-consumer",
                "'--from-time': '" + time + "' is before 1970-01-01T00:00:00Z");
    }

    @Test
    void theFirstMillisecondAndTimesAgoAreFine() {
        TimeConverters.EpochTime converter = new TimeConverters.EpochTime();
        assertThat(converter.convert("1970-01-01T00:00:00Z")).isZero();
        assertThat(converter.convert("0")).isZero();
        long dayAgo = System.currentTimeMillis() - 86_400_000L;
        assertThat(converter.convert("1d")).isBetween(dayAgo - 60_000, dayAgo + 60_000);
    }
}

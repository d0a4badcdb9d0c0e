package dev.kafkatutorial.useractivity.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The away and back lines: from the consumer's connections between transactions, from timeouts inside them. */
class BrokerWatchTest {

    private final List<String> said = new ArrayList<>();
    private final BrokerWatch watch = new BrokerWatch(() -> said.add("away"), () -> said.add("back"));

    @Test
    void noConnectionInTwoLooksIsAnOutageAndANewConnectionItsEnd() {
        watch.sample(2, 5);
        watch.sample(0, 5); // one look without: a reconnect in between, say
        watch.sample(1, 6);
        assertThat(said).isEmpty();
        watch.sample(0, 6);
        watch.sample(0, 6);
        watch.sample(0, 6);
        assertThat(said).containsExactly("away");
        watch.sample(1, 7);
        watch.sample(2, 8);
        assertThat(said).containsExactly("away", "back");
        assertThat(watch.outages()).isEqualTo(1);
    }

    @Test
    void aCallThatTimesOutIsAnOutageUntilOneIsAnswered() {
        watch.noAnswer();
        watch.noAnswer();
        watch.sample(1, 100); // the consumer's connections say nothing about the transaction's call
        assertThat(said).containsExactly("away");
        watch.answered();
        watch.answered();
        assertThat(said).containsExactly("away", "back");
    }
}

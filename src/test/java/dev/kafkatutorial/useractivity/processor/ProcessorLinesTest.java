package dev.kafkatutorial.useractivity.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The processor's own lines. */
class ProcessorLinesTest {

    @Test
    void theLinesInEnglish() {
        ProcessorLines enProcessor = new ProcessorLines(Language.en);
        assertThat(enProcessor.processorCommitted(3, "in", "offsets 0-2", "out"))
                .isEqualTo("Transaction committed - 3 events: in offsets 0-2 -> out");
        assertThat(enProcessor.brokerAway("localhost:9092", Duration.ofSeconds(15)))
                .isEqualTo("Lost the Kafka broker at localhost:9092. Processing goes on when it is back (a transaction "
                        + "in hand must end within 15 s: transaction.timeout.ms)");
        assertThat(enProcessor.brokerBack("localhost:9092")).isEqualTo("Reconnected to the Kafka broker at localhost:9092");
        assertThat(enProcessor.instanceFenced("g", "p-1")).isEqualTo("Another member joined group g with the same "
                + "group.instance.id (p-1) and takes over from this processor. Exiting: give each member a "
                + "group.instance.id of its own");
    }

    @Test
    void theOutageLinesInKoreanBeginAsTheProducersDo() {
        ProcessorLines ko = new ProcessorLines(Language.ko);
        assertThat(ko.brokerAway("localhost:9092", Duration.ofSeconds(15))).startsWith("브로커 연결 끊김: localhost:9092. ")
                .contains("15초", "transaction.timeout.ms");
        assertThat(ko.brokerBack("localhost:9092")).isEqualTo("브로커 다시 연결됨: localhost:9092");
        assertThat(ko.fencedAfterOutage("t", Duration.ofSeconds(15))).startsWith("펜싱됨: ").contains("t", "15초");
    }
}

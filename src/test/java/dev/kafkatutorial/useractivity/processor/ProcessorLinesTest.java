package dev.kafkatutorial.useractivity.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import org.junit.jupiter.api.Test;

/** The processor's own lines. */
class ProcessorLinesTest {

    @Test
    void theLinesInEnglish() {
        ProcessorLines enProcessor = new ProcessorLines(Language.en);
        assertThat(enProcessor.processorCommitted(3, "in", "offsets 0-2", "out"))
                .isEqualTo("Transaction committed - 3 events: in offsets 0-2 -> out");
    }
}

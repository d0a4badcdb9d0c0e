package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The producer's transaction lines. */
class TransactionLinesTest {

    @Test
    void theLinesInEnglish() {
        TransactionLines en = new TransactionLines(Language.en);
        TreeMap<Integer, long[]> ranges = new TreeMap<>();
        ranges.put(0, new long[] {20, 25});
        assertThat(en.transactionCommitted(6, en.offsetRanges(ranges))).isEqualTo("Transaction committed - 6 events (offsets 20-25)");
        assertThat(en.transactionAborted(10)).isEqualTo("Transaction aborted - 10 events: a read_committed consumer never sees them");
    }
}

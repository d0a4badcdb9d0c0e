package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.AuditTally;
import dev.kafkatutorial.useractivity.AuditTally.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's counting (no broker): duplicates, gaps, out-of-order arrivals, and its file surviving a restart. */
class AuditTallyTest {

    @TempDir
    Path dir;

    @Test
    void countsDuplicatesGapsAndOutOfOrderPerRunAndPartition() {
        AuditTally tally = new AuditTally();
        assertThat(tally.read("aaaa-0", 0)).isEqualTo(Outcome.NEW);
        assertThat(tally.read("aaaa-1", 1)).isEqualTo(Outcome.NEW);
        assertThat(tally.read("aaaa-4", 0)).isEqualTo(Outcome.FIRST_GAP); // 2 and 3 not seen so far
        assertThat(tally.read("aaaa-2", 0)).isEqualTo(Outcome.NEW); // after 4 on partition 0: out of order
        assertThat(tally.read("aaaa-0", 0)).isEqualTo(Outcome.FIRST_DUPLICATE);
        assertThat(tally.read("aaaa-1", 1)).isEqualTo(Outcome.DUPLICATE);
        assertThat(tally.read("aaaa-1", 1)).isEqualTo(Outcome.DUPLICATE);
        assertThat(tally.read("bbbb-0", 2)).isEqualTo(Outcome.NEW);
        assertThat(tally.read(null, 2)).isEqualTo(Outcome.NO_ID);
        assertThat(tally.read("not-an-id", 2)).isEqualTo(Outcome.NO_ID);

        assertThat(tally.rows()).containsExactly(
                new AuditTally.Row("aaaa", 7, 3, 1, 1),
                new AuditTally.Row("bbbb", 1, 0, 0, 0));
        assertThat(tally.gaps("aaaa")).isEqualTo(Map.of(3L, 3L));
        assertThat(tally.duplicates()).isEqualTo(3);
        assertThat(tally.idsReadMoreThanOnce()).isEqualTo(2);
        assertThat(tally.distinct()).isEqualTo(5);
        assertThat(tally.withoutId()).isEqualTo(2);
        assertThat(tally.lost(Set.of("aaaa-0", "aaaa-3", "bbbb-1"))).isEqualTo(2);
    }

    @Test
    void gapsAreExactRanges() {
        AuditTally tally = AuditTally.of(List.of("r-0", "r-1", "r-5", "r-6", "r-9"));
        assertThat(tally.gaps("r")).isEqualTo(Map.of(2L, 4L, 7L, 8L));
        assertThat(tally.rows().get(0).missing()).isEqualTo(5);
    }

    @Test
    void theFileReplaysWhatTheGroupReadSoReReadsAreDuplicates() throws Exception {
        Path file = dir.resolve("group.ids");
        AuditTally first = new AuditTally();
        try (AuditLog log = AuditLog.open(file, first)) {
            for (int i = 0; i < 3; i++) {
                first.read("run-" + i, 0);
                log.add(0, "run-" + i);
            }
            log.flush();
            log.add(0, "run-3"); // added but never flushed (its batch was not printed): not on file
        }
        // a line cut off by a kill in mid-write is not counted
        Files.writeString(file, Files.readString(file) + "0 run-9", StandardCharsets.UTF_8);

        AuditTally restarted = new AuditTally();
        try (AuditLog log = AuditLog.open(file, restarted)) {
            assertThat(restarted.distinct()).isEqualTo(3);
            assertThat(restarted.read("run-2", 0)).isEqualTo(Outcome.FIRST_DUPLICATE);
            assertThat(restarted.read("run-3", 0)).isEqualTo(Outcome.NEW);
            log.add(0, "run-3");
            log.flush();
        }
        assertThat(Files.readString(file)).isEqualTo("0 run-0\n0 run-1\n0 run-2\n0 run-3\n");
    }
}

package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.AuditTally;
import dev.kafkatutorial.useractivity.AuditTally.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's counting of ids (no broker): duplicates, out-of-order arrivals, and its file surviving a restart. */
class AuditTallyTest {

    @TempDir
    Path dir;

    @Test
    void countsDuplicatesAndOutOfOrderPerRunAndPartition() {
        AuditTally tally = new AuditTally();
        assertThat(tally.read("aaaa-0", 0)).isEqualTo(Outcome.NEW);
        assertThat(tally.read("aaaa-1", 1)).isEqualTo(Outcome.NEW);
        assertThat(tally.read("aaaa-4", 0)).isEqualTo(Outcome.NEW); // 2 and 3 elsewhere, or not yet: no figure here
        assertThat(tally.read("aaaa-2", 0)).isEqualTo(Outcome.NEW); // after 4 on partition 0: out of order
        assertThat(tally.read("aaaa-0", 0)).isEqualTo(Outcome.FIRST_DUPLICATE);
        assertThat(tally.read("aaaa-1", 1)).isEqualTo(Outcome.DUPLICATE);
        assertThat(tally.read("aaaa-1", 1)).isEqualTo(Outcome.DUPLICATE);
        assertThat(tally.read("bbbb-0", 2)).isEqualTo(Outcome.NEW);
        assertThat(tally.read(null, 2)).isEqualTo(Outcome.NO_ID);
        assertThat(tally.read("not-an-id", 2)).isEqualTo(Outcome.NO_ID);

        assertThat(tally.rows()).containsExactly(
                new AuditTally.Row("aaaa", 7, 3, 1),
                new AuditTally.Row("bbbb", 1, 0, 0));
        assertThat(tally.duplicates()).isEqualTo(3);
        assertThat(tally.idsReadMoreThanOnce()).isEqualTo(2);
        assertThat(tally.distinct()).isEqualTo(5);
        assertThat(tally.withoutId()).isEqualTo(2);
        assertThat(tally.lost(Set.of("aaaa-0", "aaaa-3", "bbbb-1"))).isEqualTo(2);
    }

    @Test
    void whatTheGroupReadBeforeMakesReReadsDuplicatesButIsNoPartOfThisRunsFigures() {
        AuditTally tally = new AuditTally();
        assertThat(tally.readBefore("r-0")).isTrue();
        assertThat(tally.readBefore("r-1")).isTrue();
        assertThat(tally.readBefore("no id")).isFalse();
        assertThat(tally.rows()).as("nothing read in this run yet").isEmpty();

        assertThat(tally.read("r-1", 0)).isEqualTo(Outcome.FIRST_DUPLICATE);
        assertThat(tally.read("r-2", 0)).isEqualTo(Outcome.NEW);
        assertThat(tally.rows()).containsExactly(new AuditTally.Row("r", 2, 1, 0));
        assertThat(tally.wasRead("r-0")).isTrue();
        assertThat(tally.wasRead("r-3")).isFalse();
        assertThat(tally.wasRead("no id")).isFalse();
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
            assertThat(log.replayed()).isEqualTo(3);
            assertThat(restarted.read("run-2", 0)).isEqualTo(Outcome.FIRST_DUPLICATE);
            assertThat(restarted.read("run-3", 0)).isEqualTo(Outcome.NEW);
            log.add(0, "run-3");
            log.flush();
        }
        assertThat(Files.readString(file)).isEqualTo("0 run-0\n0 run-1\n0 run-2\n0 run-3\n");
    }
}

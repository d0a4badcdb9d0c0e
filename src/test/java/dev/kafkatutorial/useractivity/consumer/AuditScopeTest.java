package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.consumer.AuditScope.Partition;
import dev.kafkatutorial.useractivity.consumer.AuditScope.Range;
import dev.kafkatutorial.useractivity.consumer.AuditScope.Stretch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The audit's "missing" (no broker): offsets a member was meant to read, per partition, deleted before it read them. */
class AuditScopeTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P2 = new TopicPartition("t", 2);

    @Test
    void aMemberAnswersOnlyForItsPartitionsFromWhereItStarted() {
        // one member of three: partitions 0 and 2 are its own; what the others read is not missing here
        AuditScope scope = new AuditScope();
        scope.assigned(P0, 0);
        scope.assigned(P2, 1998); // --last 2: before the start is not missing
        for (long offset = 0; offset < 5; offset++) {
            scope.read(P0, offset);
        }
        scope.read(P2, 1998);
        scope.read(P2, 1999);

        assertThat(scope.toCheck()).isEmpty();
        assertThat(scope.missing()).isZero();
        assertThat(scope.partitions()).containsExactly(
                new Partition(P0, List.of(new Stretch(0, 5, 5)), List.of()),
                new Partition(P2, List.of(new Stretch(1998, 2000, 2)), List.of()));
    }

    @Test
    void aCommitDeletedBeforeTheGroupReadItIsMissingUpToWhereReadingBegan() {
        AuditScope scope = new AuditScope();
        scope.assigned(P0, 100); // the group's commit; the fetch is answered "out of range", the reset goes to 200
        scope.read(P0, 200);
        assertThat(scope.checked(Map.of(P0, 200L))).containsExactly(Map.entry(P0, new Range(100, 199)));
        assertThat(scope.missing()).isEqualTo(100);
        assertThat(scope.partitions()).containsExactly(
                new Partition(P0, List.of(new Stretch(100, 201, 1)), List.of(new Range(100, 199))));
    }

    @Test
    void offsetsPassedWithoutARecordAreMissingOnlyBelowTheLogStart() {
        AuditScope scope = new AuditScope();
        scope.assigned(P0, 0);
        scope.read(P0, 0);
        scope.read(P0, 2); // offset 1: a transaction marker, say, still there
        assertThat(scope.toCheck()).containsExactly(P0);
        assertThat(scope.checked(Map.of(P0, 0L))).isEmpty();
        assertThat(scope.toCheck()).isEmpty();

        scope.read(P0, 20); // 3-19 passed: retention deleted up to 15, the reset (latest) went to 20
        assertThat(scope.checked(Map.of())).as("no answer: asked again later").isEmpty();
        assertThat(scope.unchecked()).isEqualTo(17);
        assertThat(scope.checked(Map.of(P0, 15L))).containsExactly(Map.entry(P0, new Range(3, 19)));
        assertThat(scope.unchecked()).isZero();
        assertThat(scope.missing()).isEqualTo(17);
    }

    @Test
    void aPartitionTakenAwayAndGivenBackIsTwoStretchesWithoutAHoleBetween() {
        AuditScope scope = new AuditScope();
        scope.assigned(P0, 0);
        scope.read(P0, 0);
        scope.read(P0, 1);
        scope.gone(Set.of(P0)); // another member reads 2-9 meanwhile
        scope.assigned(P0, 10);
        scope.read(P0, 10);
        scope.gone(Set.of(P0)); // and given back where this member left off: the same stretch goes on
        scope.assigned(P0, 11);
        scope.read(P0, 11);
        assertThat(scope.toCheck()).isEmpty();
        assertThat(scope.partitions()).containsExactly(
                new Partition(P0, List.of(new Stretch(0, 2, 2), new Stretch(10, 12, 2)), List.of()));
    }

    @Test
    void partitionsHeldForAMomentWhileTheGroupFormedAreForgottenButOneHeldToTheEndStays() {
        AuditScope scope = new AuditScope();
        scope.assigned(P0, 0);
        scope.assigned(P2, 0);
        scope.gone(Set.of(P0, P2)); // the second member joins: this one keeps partition 2
        scope.rebalanced();
        scope.assigned(P2, 0);
        scope.read(P2, 0);
        assertThat(scope.partitions()).containsExactly(new Partition(P2, List.of(new Stretch(0, 1, 1)), List.of()));
        assertThat(scope.assignedAny()).isTrue();

        scope.rebalanced();
        scope.assigned(P0, 40); // held to the end with nothing in it
        scope.gone(Set.of(P0, P2)); // close() leaves the group
        assertThat(scope.partitions()).containsExactly(new Partition(P2, List.of(new Stretch(0, 1, 1)), List.of()),
                new Partition(P0, List.of(new Stretch(40, 40, 0)), List.of()));
    }

    @Test
    void aPartitionReadWithoutAWordOfItsAssignmentStartsAtItsFirstRecord() {
        AuditScope scope = new AuditScope();
        assertThat(scope.assignedAny()).isFalse();
        scope.read(P2, 7);
        assertThat(scope.assignedAny()).isTrue();
        assertThat(scope.partitions()).containsExactly(new Partition(P2, List.of(new Stretch(7, 8, 1)), List.of()));
        assertThat(scope.toCheck()).isEmpty();
    }
}

package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the rebalance timeline writes down between two looks at a group, and how much it keeps. */
class RebalanceTimelineTest {

    private static GroupSnapshot.Member member(String id, String client, int epoch, int... partitions) {
        return new GroupSnapshot.Member(id, client, "/127.0.0.1", null, epoch,
                IntStream.of(partitions).mapToObj(p -> new GroupSnapshot.Assigned("t", p)).toList());
    }

    private static GroupSnapshot group(String state, Integer epoch, GroupSnapshot.Member... members) {
        return new GroupSnapshot("g", "consumer", state, 1, "uniform", epoch, epoch, List.of(members));
    }

    private static void look(RebalanceTimeline timeline, GroupSnapshot group, long t) {
        timeline.observe(Set.of("g"), Map.of("g", group), t);
    }

    @Test
    void aMemberJoiningTakesPartitionsFromTheOther() {
        RebalanceTimeline timeline = new RebalanceTimeline();
        look(timeline, group("Stable", 1, member("a", "first", 1, 0, 1, 2)), 1000);
        look(timeline, group("Stable", 1, member("a", "first", 1, 0, 1, 2)), 2000); // nothing changed
        look(timeline, group("Reconciling", 2, member("a", "first", 2, 0, 1), member("b", "second", 2, 2)), 3000);

        List<RebalanceTimeline.Change> changes = timeline.changes("g");
        assertThat(changes).extracting(RebalanceTimeline.Change::kind)
                .containsExactly("joined", "assignment", "state", "seen"); // newest first
        RebalanceTimeline.Change joined = changes.get(0);
        assertThat(joined.clientId()).isEqualTo("second");
        assertThat(joined.to()).containsExactly("t-2");
        assertThat(joined.groupEpoch()).isEqualTo(2);
        assertThat(joined.members()).isEqualTo(2);
        RebalanceTimeline.Change moved = changes.get(1);
        assertThat(moved.from()).containsExactly("t-0", "t-1", "t-2");
        assertThat(moved.to()).containsExactly("t-0", "t-1");
        assertThat(changes.get(2).fromState()).isEqualTo("Stable");
        assertThat(changes.get(2).toState()).isEqualTo("Reconciling");
        assertThat(changes.get(3).timeMs()).isEqualTo(1000);
    }

    @Test
    void aMemberLeavingAndTheGroupGoing() {
        RebalanceTimeline timeline = new RebalanceTimeline();
        look(timeline, group("Stable", 3, member("a", "first", 3, 0)), 1000);
        look(timeline, group("Empty", 4), 2000);
        timeline.observe(Set.of(), Map.of(), 3000);

        assertThat(timeline.changes("g")).extracting(RebalanceTimeline.Change::kind)
                .containsExactly("gone", "left", "state", "seen");
        RebalanceTimeline.Change left = timeline.changes("g").get(1);
        assertThat(left.from()).containsExactly("t-0");
        assertThat(left.members()).isZero();
    }

    @Test
    void aNewEpochAloneIsAChangeToo() {
        RebalanceTimeline timeline = new RebalanceTimeline();
        look(timeline, group("Stable", 3, member("a", "first", 3, 0)), 1000);
        look(timeline, group("Stable", 4, member("a", "first", 4, 0)), 2000);

        RebalanceTimeline.Change epoch = timeline.changes("g").get(0);
        assertThat(epoch.kind()).isEqualTo("epoch");
        assertThat(epoch.previousGroupEpoch()).isEqualTo(3);
        assertThat(epoch.groupEpoch()).isEqualTo(4);
    }

    @Test
    void aGroupWhoseDescriptionFailedThisTimeIsNotTakenForGone() {
        RebalanceTimeline timeline = new RebalanceTimeline();
        look(timeline, group("Stable", 1, member("a", "first", 1, 0)), 1000);
        timeline.observe(Set.of("g"), Map.of(), 2000); // listed, not described

        assertThat(timeline.changes("g")).extracting(RebalanceTimeline.Change::kind).containsExactly("seen");
    }

    @Test
    void itKeepsTheLastHundredChangesOfAGroup() {
        RebalanceTimeline timeline = new RebalanceTimeline();
        for (int i = 0; i < 150; i++) {
            look(timeline, group(i % 2 == 0 ? "Stable" : "Reconciling", i), i);
        }

        assertThat(timeline.changes("g")).hasSize(RebalanceTimeline.CHANGES_PER_GROUP);
        assertThat(timeline.changes("g").get(0).timeMs()).isEqualTo(149);
        assertThat(timeline.changes("unknown")).isEmpty();
    }
}

package dev.kafkatutorial.useractivity.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each group's recent changes, as the page saw them between two looks at the group (once a second): members
 * joining and leaving, partitions moving between members, the state (a classic group passes through
 * {@code PreparingRebalance} and {@code CompletingRebalance} while its members rejoin), and the group epoch of a
 * consumer-protocol group. Kafka keeps no such history: a rebalance is visible only while it happens, so the page
 * writes down what changed. Bounded: the last {@value #CHANGES_PER_GROUP} changes of each of the
 * {@value #GROUPS} groups seen last.
 */
final class RebalanceTimeline {

    static final int CHANGES_PER_GROUP = 100;
    static final int GROUPS = 1000;

    /** One change. {@code kind}: seen, state, joined, left, assignment, epoch, gone; the fields it has are set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(long timeMs, String kind, String memberId, String clientId, String host, List<String> from,
                  List<String> to, String fromState, String toState, Integer members, Integer groupEpoch,
                  Integer previousGroupEpoch, Integer memberEpoch) {
    }

    private final Map<String, GroupSnapshot> last = bounded();
    private final Map<String, Deque<Change>> changes = bounded();

    /**
     * One look at the cluster's groups: {@code listed}, every group that exists now; {@code described}, those
     * whose description came back (a group whose description failed this time is compared next time).
     */
    synchronized void observe(Set<String> listed, Map<String, GroupSnapshot> described, long nowMs) {
        for (GroupSnapshot now : described.values()) {
            GroupSnapshot before = last.put(now.group(), now);
            compare(before, now, nowMs).forEach(change -> record(now.group(), change));
        }
        for (String group : List.copyOf(last.keySet())) {
            if (!listed.contains(group)) {
                GroupSnapshot gone = last.remove(group);
                record(group, new Change(nowMs, "gone", null, null, null, null, null, gone.state(), null, null,
                        null, null, null));
            }
        }
    }

    /** The group's changes, newest first. */
    synchronized List<Change> changes(String group) {
        Deque<Change> recorded = changes.get(group);
        if (recorded == null) {
            return List.of();
        }
        List<Change> newestFirst = new ArrayList<>(recorded);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    static List<Change> compare(GroupSnapshot before, GroupSnapshot now, long t) {
        List<Change> found = new ArrayList<>();
        Integer epoch = now.groupEpoch();
        if (before == null) {
            found.add(new Change(t, "seen", null, null, null, null, null, null, now.state(), now.members().size(),
                    epoch, null, null));
            return found;
        }
        if (!Objects.equals(before.state(), now.state())) {
            found.add(new Change(t, "state", null, null, null, null, null, before.state(), now.state(), null, epoch,
                    null, null));
        }
        for (GroupSnapshot.Member member : now.members()) {
            GroupSnapshot.Member was = before.member(member.memberId()).orElse(null);
            if (was == null) {
                found.add(new Change(t, "joined", member.memberId(), member.clientId(), member.host(), null,
                        names(member), null, null, now.members().size(), epoch, null, member.memberEpoch()));
            } else if (!was.assignment().equals(member.assignment())) {
                found.add(new Change(t, "assignment", member.memberId(), member.clientId(), member.host(), names(was),
                        names(member), null, null, null, epoch, null, member.memberEpoch()));
            }
        }
        for (GroupSnapshot.Member was : before.members()) {
            if (now.member(was.memberId()).isEmpty()) {
                found.add(new Change(t, "left", was.memberId(), was.clientId(), was.host(), names(was), null, null,
                        null, now.members().size(), epoch, null, null));
            }
        }
        // A new group epoch with nothing else seen changing: a member's subscription changed, or a change came
        // and went between two looks.
        if (found.isEmpty() && !Objects.equals(before.groupEpoch(), epoch)) {
            found.add(new Change(t, "epoch", null, null, null, null, null, null, null, null, epoch,
                    before.groupEpoch(), null));
        }
        return found;
    }

    private void record(String group, Change change) {
        Deque<Change> recorded = changes.computeIfAbsent(group, g -> new ArrayDeque<>());
        recorded.addLast(change);
        while (recorded.size() > CHANGES_PER_GROUP) {
            recorded.removeFirst();
        }
    }

    private static List<String> names(GroupSnapshot.Member member) {
        return member.assignment().stream().map(GroupSnapshot.Assigned::toString).toList();
    }

    /** Forgets the group touched least recently once there are more than {@link #GROUPS}. */
    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > GROUPS;
            }
        };
    }
}

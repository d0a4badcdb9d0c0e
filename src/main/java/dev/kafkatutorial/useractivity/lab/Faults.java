package dev.kafkatutorial.useractivity.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * What a row of the durability lab does to its three brokers while its events flow, and waits for, each wait
 * bounded. Every step says what happened on the progress lines.
 */
final class Faults {

    /** A killed broker is fenced after the controller's 4 s session timeout; a restarted one catches up at once. */
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(45);
    private static final Duration KILL_WITHIN = Duration.ofSeconds(10);

    private final LabCluster cluster;
    private final Admin admin;
    private final LabLines lines;
    private final Consumer<String> progress;

    Faults(LabCluster cluster, Admin admin, LabLines lines, Consumer<String> progress) {
        this.cluster = cluster;
        this.admin = admin;
        this.lines = lines;
        this.progress = progress;
    }

    /**
     * Unclean leader election off: the leader is killed hard once a third of the stream is acknowledged, while
     * the rest flows. The controller fences it and elects a follower from the ISR; the producer retries what was
     * in flight to the new leader. Then the old leader starts again, truncates whatever it had that the new
     * leader does not, and rejoins. With acks=1, the events it had acknowledged alone, before a follower
     * fetched them, are gone.
     */
    void leaderKilled(String topic, EventStream stream, int events, int leader) throws Exception {
        killMidStream(leader, lines.roleLeader(), stream, events, events / 3, topic,
                s -> s.hasLeader() && s.leader() != leader && !s.isr().contains(leader));
        stream.awaitSettled(SETTLED_WITHIN);
        cluster.start(List.of(leader));
        progress.accept(lines.restarted(List.of(leader)));
        await(topic, s -> s.isr().size() == LabCluster.BROKERS.size(), lines.allInSync());
    }

    /**
     * Unclean leader election on: a replica is made to lag, then it becomes the only one left. In four
     * quarters of the stream: all three in sync; one follower killed mid-way (it misses everything from here
     * on); the leader and the other follower in sync; that follower killed mid-way (the leader alone now: with
     * min.insync.replicas=2 acks=all sends are refused, with 1 the leader acknowledges alone). Then the leader
     * is killed. Only the lagging replica starts again, and the controller's unclean election makes it leader:
     * what it lacks is gone, and the others truncate their logs to it when they come back.
     */
    void laggingReplicaElected(String topic, EventStream stream, int events, int leader) throws Exception {
        List<Integer> followers = new ArrayList<>(LabCluster.BROKERS);
        followers.remove(Integer.valueOf(leader));
        int lagging = followers.get(0);
        int inSync = followers.get(1);
        int quarter = events / 4;
        stream.send(quarter);
        // Each follower is killed early in its quarter, so most of the quarter is sent without it.
        killMidStream(lagging, lines.roleLagging(), stream, quarter, quarter / 10, topic,
                s -> !s.isr().contains(lagging));
        stream.send(quarter);
        killMidStream(inSync, lines.roleInSync(), stream, events - 3 * quarter, quarter / 10, topic,
                s -> !s.isr().contains(inSync));
        int acked = stream.acked().size();
        cluster.kill(leader);
        progress.accept(lines.killed(leader, lines.roleLeader(), acked));
        await(topic, s -> !s.hasLeader(), lines.brokerFenced(leader));

        cluster.start(List.of(lagging));
        progress.accept(lines.startedAlone(lagging));
        await(topic, s -> s.leader() == lagging, lines.uncleanElection(lagging));
        cluster.start(List.of(leader, inSync));
        progress.accept(lines.restarted(List.of(leader, inSync)));
        await(topic, s -> s.isr().size() == LabCluster.BROKERS.size(), lines.allInSync());
        stream.awaitSettled(SETTLED_WITHIN);
    }

    /**
     * Sends {@code count} events in the background and kills {@code broker} once every earlier event and
     * {@code after} of these are acknowledged (or a few seconds have passed), while the rest flow; waits for the
     * controller to react.
     */
    private void killMidStream(int broker, String role, EventStream stream, int count, int after, String topic,
                               Predicate<PartitionState> then) throws Exception {
        long target = stream.sent() + after;
        CompletableFuture<Void> sending = stream.sendInBackground(count);
        long deadline = System.nanoTime() + KILL_WITHIN.toNanos();
        while (stream.acked().size() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int acked = stream.acked().size();
        cluster.kill(broker);
        progress.accept(lines.killed(broker, role, acked));
        await(topic, then, lines.brokerFenced(broker));
        sending.join();
    }

    /** Waits for {@code condition} and says how long it took, or that it did not happen in time. */
    private void await(String topic, Predicate<PartitionState> condition, String what) throws InterruptedException {
        long start = System.nanoTime();
        PartitionState state = PartitionState.await(admin, topic, condition, WITHIN);
        progress.accept(condition.test(state) ? lines.state(Duration.ofNanos(System.nanoTime() - start), state)
                : lines.notWithin(WITHIN, what, state));
    }
}

package dev.kafkatutorial.useractivity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeShareGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ApiException;

/**
 * Looks at every group once a second, whether a page is open or not, and hands what it saw to the
 * {@link RebalanceTimeline}: a rebalance lasts a moment, and only a look at the right moment sees it. One
 * {@code ListGroups} and one describe per kind of group (each answered by the groups' coordinators), on one
 * thread of its own. While the broker is away it sees nothing and records nothing.
 */
final class GroupWatcher implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(1);
    /** The kinds of group whose members the page shows. */
    static final Set<GroupType> DESCRIBED = Set.of(GroupType.CLASSIC, GroupType.CONSUMER, GroupType.SHARE);

    private final AdminCalls calls;
    private final RebalanceTimeline timeline;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "web-group-watcher");
        t.setDaemon(true);
        return t;
    });

    GroupWatcher(AdminCalls calls, RebalanceTimeline timeline, Clock clock) {
        this.calls = calls;
        this.timeline = timeline;
        this.clock = clock;
    }

    void start() {
        // With a fixed delay, not a fixed rate: a look that waited for an absent broker is not followed by a burst.
        thread.scheduleWithFixedDelay(this::lookSafely, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void lookSafely() {
        try {
            look();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception brokerAwayOrRefused) {
            // Nothing seen this time; the page's own requests say why.
        }
    }

    /** One look: which groups exist, and each one's members and assignment. */
    void look() throws Exception {
        Collection<GroupListing> listings = calls.await(calls.admin().listGroups(calls.bounded(new ListGroupsOptions()))
                .all());
        Map<GroupType, List<String>> byType = listings.stream().collect(Collectors.groupingBy(
                listing -> listing.type().orElse(GroupType.CLASSIC),
                Collectors.mapping(GroupListing::groupId, Collectors.toList())));
        Map<String, GroupSnapshot> described = new HashMap<>();
        List<String> consumerGroups = new ArrayList<>(byType.getOrDefault(GroupType.CLASSIC, List.of()));
        consumerGroups.addAll(byType.getOrDefault(GroupType.CONSUMER, List.of()));
        if (!consumerGroups.isEmpty()) {
            Map<String, KafkaFuture<ConsumerGroupDescription>> futures = calls.admin().describeConsumerGroups(
                    consumerGroups, calls.bounded(new DescribeConsumerGroupsOptions())).describedGroups();
            for (Map.Entry<String, KafkaFuture<ConsumerGroupDescription>> entry : futures.entrySet()) {
                describe(entry.getValue(), described, GroupSnapshot::of);
            }
        }
        List<String> shareGroups = byType.getOrDefault(GroupType.SHARE, List.of());
        if (!shareGroups.isEmpty()) {
            Map<String, KafkaFuture<ShareGroupDescription>> futures = calls.admin().describeShareGroups(
                    shareGroups, calls.bounded(new DescribeShareGroupsOptions())).describedGroups();
            for (Map.Entry<String, KafkaFuture<ShareGroupDescription>> entry : futures.entrySet()) {
                describe(entry.getValue(), described, GroupSnapshot::of);
            }
        }
        for (GroupListing listing : listings) {
            if (!DESCRIBED.contains(listing.type().orElse(GroupType.CLASSIC))) {
                described.put(listing.groupId(), GroupSnapshot.listed(listing)); // a Streams group: its state only
            }
        }
        Set<String> listed = listings.stream().map(GroupListing::groupId).collect(Collectors.toSet());
        timeline.observe(listed, described, clock.millis());
    }

    private <D> void describe(KafkaFuture<D> future, Map<String, GroupSnapshot> described,
                              Function<D, GroupSnapshot> snapshot) throws Exception {
        try {
            GroupSnapshot group = snapshot.apply(calls.await(future));
            described.put(group.group(), group);
        } catch (ApiException groupGoneOrNotThisKind) {
            // deleted since it was listed, or of another kind now: next time tells
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

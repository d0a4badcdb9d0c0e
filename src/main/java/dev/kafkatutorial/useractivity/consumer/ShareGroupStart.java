package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Where a share group starts reading. A share group has no committed offsets per member: the broker keeps, per
 * partition, which records are acquired, acknowledged or archived (the share-partition state), and a partition
 * the group has never read starts at the group's {@code share.auto.offset.reset}. Kafka's default there is
 * {@code latest}, unlike the tutorial's consumer ({@code auto_offset_reset='earliest'}), so a learner's first
 * share group would print nothing of what was sent before it. The setting is the group's (a group config, set
 * with {@code kafka-configs --entity-type groups}), not the client's: this sets it once, before the first member
 * joins, unless the group already has its own, and says so in one line.
 */
public final class ShareGroupStart {

    static final String RESET = "share.auto.offset.reset";

    private final ConsumerOptions options;
    private final ShareGroupLines lines;
    private final PrintStream err;

    public ShareGroupStart(ConsumerOptions options, ShareGroupLines lines, PrintStream err) {
        this.options = options;
        this.lines = lines;
        this.err = err;
    }

    /**
     * Checks that the broker answers and has the topic (a share consumer polling a missing topic or an absent
     * broker only ever gets nothing back), then sets the group's start where it has none of its own (or
     * --offset-reset asks for another). Returns the line to end the program with, or null to go on.
     */
    public String prepare() {
        String group = options.shareGroup();
        String topic = options.client().topic();
        String wanted = options.offsetReset().name();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
        long wait = ClientSettings.BROKER_WAIT.toMillis();
        try (Admin admin = Admin.create(new AdminSettings(options.client(), "user-activity-consumer-admin").config())) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(wait, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return lines.topicUnavailable(topic, Cli.oneLine(e.getCause()));
                }
                String line = e.getCause() instanceof KafkaException k
                        ? Failures.lineFor(k, admin.metrics(), options.client(), topic, lines) : null;
                return line != null ? line : Cli.oneLine(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                return Failures.lineFor(new TimeoutException("no answer within " + wait + " ms"), admin.metrics(),
                        options.client(), topic, lines);
            }
            setStart(admin, group, resource, wanted, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void setStart(Admin admin, String group, ConfigResource resource, String wanted, long wait)
            throws InterruptedException {
        try {
            Config current = admin.describeConfigs(List.of(resource)).all().get(wait, TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry entry = current == null ? null : current.get(RESET);
            boolean groupsOwn = entry != null && entry.source() == ConfigEntry.ConfigSource.DYNAMIC_GROUP_CONFIG;
            if (groupsOwn && (!options.offsetResetGiven() || wanted.equals(entry.value()))) {
                err.println(lines.keepsStart(group, entry.value()));
                return;
            }
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry(RESET, wanted), AlterConfigOp.OpType.SET))))
                    .all().get(wait, TimeUnit.MILLISECONDS);
            err.println(lines.startsAt(group, wanted));
        } catch (ExecutionException e) {
            err.println(lines.startNotSet(group, Cli.oneLine(e.getCause())));
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            err.println(lines.startNotSet(group, Cli.oneLine(e)));
        }
    }
}

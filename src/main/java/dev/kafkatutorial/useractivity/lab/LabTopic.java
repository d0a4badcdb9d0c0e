package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A lab's own topic on the learner's broker: made at the start, deleted with its groups at the end, so a lab
 * leaves nothing behind but its table.
 */
final class LabTopic implements AutoCloseable {

    private final Admin admin;
    private final String name;
    private final PrintStream err;
    private final GroupLabLines lines;
    private final List<String> groups = new java.util.ArrayList<>();
    private final List<String> shareGroups = new java.util.ArrayList<>();

    private LabTopic(Admin admin, String name, PrintStream err, GroupLabLines lines) {
        this.admin = admin;
        this.name = name;
        this.err = err;
        this.lines = lines;
    }

    static LabTopic create(ClientOptions client, String name, int partitions, PrintStream err, GroupLabLines lines)
            throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = Admin.create(new AdminSettings(client, "user-activity-lab").config());
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            admin.close();
            throw e;
        }
        return new LabTopic(admin, name, err, lines);
    }

    Admin admin() {
        return admin;
    }

    /** A group the lab uses, deleted at the end. */
    void uses(String group) {
        groups.add(group);
    }

    /** A share group starts at the earliest offset (Kafka's default is latest: it would read nothing already sent). */
    void shareGroupFromEarliest(String group) throws InterruptedException, ExecutionException, TimeoutException {
        shareGroups.add(group);
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
                new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
                .all().get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!shareGroups.isEmpty()) {
                admin.deleteShareGroups(shareGroups).all().get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            // a group whose members have not left yet, or a share group: the topic goes anyway
        }
        try {
            admin.deleteTopics(List.of(name)).all().get(ClientSettings.BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println(lines.topicLeft(name, dev.kafkatutorial.useractivity.cli.Cli.oneLine(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(java.time.Duration.ofSeconds(5));
    }
}

package dev.kafkatutorial.useractivity.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * The {@code doctor} subcommand: runs the cluster, topic and group checks in order with one Admin client,
 * prints one line per check (or one JSON document), and exits 0 without a problem, else 1.
 */
public final class Doctor {

    /** How long each Admin request may wait for a broker, as the programs wait. */
    static final Duration WAIT = ClientSettings.BROKER_WAIT;

    private Doctor() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        DoctorOptions options = new DoctorOptions();
        return Cli.execute(options, args, out, err, () -> check(options, out, err));
    }

    private static int check(DoctorOptions options, PrintStream out, PrintStream err) throws Exception {
        ClientOptions client = options.client();
        Cli.configureLogging(client.verbose());
        DoctorLines lines = new DoctorLines(client.language());
        boolean json = options.output() == DoctorOptions.Output.json;
        Findings findings = new Findings(finding -> {
            if (!json) {
                out.println(lines.doctorLine(finding.verdict().name(), finding.line()));
            }
        });
        try (Admin admin = Admin.create(new AdminSettings(client, "user-activity-doctor").config())) {
            try {
                ClusterCheck.run(admin, WAIT, lines, findings);
            } catch (TimeoutException | ExecutionException e) {
                // Whichever gives up first: our wait for the future, or the Admin client's own API timeout.
                if (e instanceof ExecutionException && !(e.getCause()
                        instanceof org.apache.kafka.common.errors.TimeoutException)) {
                    throw e;
                }
                err.println(lines.brokerUnreachable(client.bootstrapServers(), WAIT));
                admin.close(Duration.ZERO); // nothing in flight worth waiting for
                return Cli.FAILED;
            }
            int partitions = TopicCheck.run(admin, client.topic(), WAIT, lines, findings);
            ReplicationLines replication = new ReplicationLines(client.language());
            BrokersCheck.run(admin, WAIT, replication, findings);
            ReplicationCheck.run(admin, client.topic(), client.bootstrapServers(), WAIT, replication, findings);
            if (options.group() != null) {
                GroupCheck.run(admin, options.group(), client.topic(), partitions, WAIT, lines, findings);
            }
        }
        int exit = findings.anyProblem() ? Cli.FAILED : Cli.OK;
        if (json) {
            out.println(toJson(findings, exit));
        }
        return exit;
    }

    private static String toJson(Findings findings, int exit) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode checks = root.putArray("checks");
        for (Finding finding : findings.all()) {
            checks.addObject().put("check", finding.check()).put("verdict", finding.verdict().name())
                    .put("message", finding.line());
        }
        root.put("exit", exit);
        return mapper.writeValueAsString(root);
    }
}

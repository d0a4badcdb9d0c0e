package dev.kafkatutorial.useractivity.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * The {@code doctor} subcommand: runs the cluster, topic and group checks in order with one Admin client,
 * prints one line per check (or one JSON document, whatever happens), and exits 0 without a problem, else 1.
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
        String noBroker = examine(options, lines, findings);
        if (noBroker != null) {
            // Nothing to check without a broker: one line on stderr, as every program says it; and a problem in
            // the JSON document, so a script reads one JSON object whatever happened.
            err.println(noBroker);
            findings.record(Finding.problem("broker", noBroker));
        }
        int exit = findings.anyProblem() ? Cli.FAILED : Cli.OK;
        if (json) {
            out.println(toJson(findings, exit));
        }
        return exit;
    }

    /** Runs the checks; returns the line to end with when no broker could be asked, else {@code null}. */
    private static String examine(DoctorOptions options, DoctorLines lines, Findings findings)
            throws InterruptedException {
        ClientOptions client = options.client();
        Admin admin;
        try {
            admin = Failures.build(() -> Admin.create(new AdminSettings(client, "user-activity-doctor").config()), client);
        } catch (IllegalStateException unresolvable) {
            return unresolvable.getMessage();
        } catch (KafkaException invalid) {
            return Failures.reason(invalid); // a configuration Kafka refuses, in its own words
        }
        try (admin) {
            try {
                ClusterCheck.run(admin, lines, findings);
            } catch (Request.Failed e) {
                String line = e.timedOut() ? Failures.noBrokerMessage(admin.metrics(), client, lines) : null;
                admin.close(Duration.ZERO); // nothing in flight worth waiting for
                return line != null ? line : failure(e, lines);
            }
            String check = "topic";
            try {
                int partitions = TopicCheck.run(admin, client.topic(), lines, findings);
                check = "replication";
                ReplicationLines replication = new ReplicationLines(client.language());
                try {
                    BrokersCheck.run(admin, Request.WAIT, replication, findings);
                    ReplicationCheck.run(admin, client.topic(), client.bootstrapServers(), Request.WAIT, replication,
                            findings);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    findings.add(Finding.problem(check, lines.doctorRequestFailed("describeCluster, describeTopics",
                            client.topic(), Failures.reason(e instanceof java.util.concurrent.ExecutionException
                                    && e.getCause() != null ? e.getCause() : e))));
                }
                check = "groups";
                GroupKindsCheck.features(admin, client.bootstrapServers(), lines, findings);
                var named = GroupKindsCheck.groups(admin, options.group(), lines, findings);
                if (options.group() != null) {
                    check = "group";
                    if (named.flatMap(g -> g.type()).orElse(null) == org.apache.kafka.common.GroupType.SHARE) {
                        GroupKindsCheck.shareGroup(admin, options.group(), lines, findings);
                    } else {
                        GroupCheck.run(admin, options.group(), client.topic(), partitions, lines, findings);
                    }
                }
            } catch (Request.Failed e) {
                // The checks after this one need its answer: say which request failed, and stop.
                findings.add(Finding.problem(check, failure(e, lines)));
            }
        }
        return null;
    }

    /** A failed request's line: which request timed out, or Kafka's error as the programs say it. */
    private static String failure(Request.Failed e, DoctorLines lines) {
        if (e.timedOut()) {
            return lines.doctorTimedOut(e.call(), e.subject(), WAIT);
        }
        if (e.getCause() instanceof AuthorizationException) { // Kafka's "Topic authorization failed" names no topic
            return lines.notAuthorized(e.call() + " (" + e.subject() + "): " + Failures.reason(e.getCause()));
        }
        String fatal = Failures.fatalMessage(e.getCause(), lines);
        return fatal != null ? fatal : lines.doctorRequestFailed(e.call(), e.subject(), Failures.reason(e.getCause()));
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

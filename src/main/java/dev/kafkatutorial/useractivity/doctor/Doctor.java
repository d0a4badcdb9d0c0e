package dev.kafkatutorial.useractivity.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The {@code doctor} subcommand: runs the cluster, topic and group checks in order with one Admin client,
 * prints one line per check (or one JSON document), and exits 0 without a problem, else 1.
 */
public final class Doctor {

    /** How long each Admin request may wait for a broker, as the programs wait (ClientSettings.BROKER_WAIT). */
    static final Duration WAIT = Duration.ofSeconds(10);

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
        try (Admin admin = Admin.create(config(client))) {
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

    /** The Admin client's configuration, in one place; the user's properties (security) win over the defaults. */
    static Map<String, Object> config(ClientOptions client) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "user-activity-doctor");
        // Give up on a request after WAIT, not Kafka's 60 s: a doctor that hangs tells nothing.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        config.putAll(client.userProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        return config;
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

package dev.kafkatutorial.useractivity.web;

import dev.kafkatutorial.useractivity.cli.AdminSettings;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The {@code web} subcommand: a live page of the cluster at {@code http://127.0.0.1:8080/}, served from this jar
 * until Ctrl+C. Each topic's partitions as logs growing, each group's members, committed offsets and lag, and the
 * rebalances between them, refreshed every second; the same figures as JSON under {@code /api/}. Read-only: it
 * uses one Kafka {@link Admin} client, built like every program's client (address, security,
 * {@code --command-config}), and never writes to the cluster.
 */
public final class Web {

    private Web() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Cli.stdout(true), Cli.stderr()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, server -> { });
    }

    /**
     * Parses {@code args}, serves until Ctrl+C (or {@link WebServer#close()}), returns the exit code. {@code started}
     * gets the server once it serves: a test's way to its address and to stopping it.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Consumer<WebServer> started) {
        WebOptions options = new WebOptions();
        return Cli.execute(options, args, out, err, () -> serve(options, out, err, started));
    }

    private static int serve(WebOptions options, PrintStream out, PrintStream err, Consumer<WebServer> started)
            throws Exception {
        ClientOptions client = options.client();
        Cli.configureLogging(client.verbose());
        WebLines lines = new WebLines(client.language());
        String address = options.bind().getHostAddress();
        if (!options.bind().isLoopbackAddress()) {
            err.println(lines.notLoopback(address));
        }
        WebServer server;
        try {
            server = WebServer.bind(options.bind(), options.port());
        } catch (BindException e) {
            err.println(String.valueOf(e.getMessage()).contains("in use") ? lines.portInUse(options.port())
                    : lines.cannotServe(address, options.port(), Cli.oneLine(e)));
            return Cli.FAILED;
        }
        Admin admin;
        try {
            admin = Failures.build(() -> Admin.create(new AdminSettings(client, "user-activity-web").config()), client);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.serve(admin, client.language().name(), client.topic(), client.bootstrapServers(), lines);
        out.println(lines.serving(server.url(), client.bootstrapServers()));
        started.accept(server);
        // The last line is printed before runUntilStopped returns: after Ctrl+C the JVM exits as soon as the
        // shutdown hook (which waits for this) is done, and a line printed after that may never appear.
        return Cli.runUntilStopped(() -> {
            server.awaitClosed();
            err.println(lines.stopped());
            return Cli.OK;
        }, server::close, Duration.ofSeconds(5));
    }
}

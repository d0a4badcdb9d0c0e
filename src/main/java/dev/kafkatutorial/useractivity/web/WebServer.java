package dev.kafkatutorial.useractivity.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;

/**
 * The page's HTTP server: the JDK's own ({@code com.sun.net.httpserver}, in every JDK since 6), the page's files
 * at {@code /} and the JSON API at {@code /api/}, over one shared {@link Admin} client.
 *
 * <p>Why the JDK's server and not a web framework such as Javalin: the page needs five GET routes and three
 * files, which this server does in a page of code ({@link Api}, {@link StaticFiles}, {@link Http}), while Javalin
 * brings Jetty and Kotlin's standard library into the jar every program starts from, and starts slower itself
 * (docs/web.md has the measurements). No route of the page needs what a framework adds: no templates, no
 * WebSocket, no request bodies.
 */
public final class WebServer implements AutoCloseable {

    /** How long an API request waits for Kafka before it answers 503: well within the page's patience. */
    public static final Duration API_WAIT = Duration.ofSeconds(3);
    /** How often the page asks for new figures. */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    private static final int WORKERS = 8;

    private final HttpServer http;
    private final ExecutorService workers;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Admin admin;
    private GroupWatcher watcher;
    private volatile boolean serving;

    private WebServer(HttpServer http) {
        this.http = http;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "web-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the port first, before any Kafka client: a port in use is the first thing to hear about. */
    public static WebServer bind(InetAddress address, int port) throws IOException {
        return new WebServer(HttpServer.create(new InetSocketAddress(address, port), 0));
    }

    /** Serves the page and its API over {@code admin} (which this server closes), and starts the group watcher. */
    public void serve(Admin admin, String lang, String topic, String bootstrapServers, WebLines lines) {
        this.admin = admin;
        AdminCalls calls = new AdminCalls(admin, API_WAIT);
        RebalanceTimeline timeline = new RebalanceTimeline();
        watcher = new GroupWatcher(calls, timeline, Clock.systemUTC());
        Api api = new Api(new Api.PageSettings(lang, topic, bootstrapServers, REFRESH.toMillis()),
                new TopicFigures(calls, lines), new GroupFigures(calls, timeline, lines), lines, API_WAIT);
        http.createContext("/api/", api);
        http.createContext("/", new StaticFiles());
        http.setExecutor(workers);
        http.start();
        serving = true;
        watcher.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The address to open: the bound one, or {@code localhost} when bound to every address. */
    public String url() {
        InetAddress address = http.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "http://" + host + ":" + port() + "/";
    }

    /** Returns once {@link #close()} has run. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops serving (a request under way gets a second to finish), the watcher and the Admin client. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        if (!serving) {
            // Bound but never served (the Admin client could not be built): the port's channel is registered with
            // the server's selector, and only its dispatcher thread really closes it. Without this the port stays
            // taken until the JVM exits.
            http.start();
        }
        http.stop(serving ? 1 : 0);
        if (watcher != null) {
            watcher.close();
        }
        workers.shutdownNow();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
        closed.countDown();
    }
}

package dev.kafkatutorial.useractivity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code web} program run in this JVM as its main runs it ({@link Web#run}), on a free port, with its output
 * captured; the test asks its API over HTTP and stops it as Ctrl+C would. Every wait is bounded.
 */
final class WebRun implements AutoCloseable {

    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer of the server: status and body, and every body this run's server gave so far in {@link #bodies}. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<WebServer> server = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> bodies = new ArrayList<>();

    private WebRun(String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> Web.run(args, stdout, stderr, server::complete),
                runnable -> new Thread(runnable, "web-under-test").start());
        exit.whenComplete((code, error) -> server.completeExceptionally(
                new IllegalStateException("web exited with " + code + " before serving\nstderr:\n" + err())));
    }

    /** {@code web --port 0 args...}, once it serves. */
    static WebRun start(String... args) throws Exception {
        String[] withPort = new String[args.length + 2];
        withPort[0] = "--port";
        withPort[1] = "0";
        System.arraycopy(args, 0, withPort, 2, args.length);
        WebRun run = new WebRun(withPort);
        try {
            run.server.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("web did not serve within " + LIMIT + "\nstderr:\n" + run.err(), e);
        }
        return run;
    }

    String url() {
        return server.join().url();
    }

    /** GET {@code path} ({@code /api/topics}, ...). */
    Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        synchronized (bodies) {
            bodies.add(response.body());
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** GET {@code path}, which must answer 200; its JSON. */
    JsonNode json(String path) throws IOException, InterruptedException {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new AssertionError(path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** Every body the server has answered this run with. */
    List<String> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Stops the server as Ctrl+C would and returns the exit code. */
    int stop() throws Exception {
        server.join().close();
        return exit.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}

package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar user-activity-kafka.jar web} as a user runs it: the word {@code web} starts the page, a bad
 * {@code --port} is one line and exit 2, and SIGTERM (as Ctrl+C) stops it with its last line. Also prints how
 * long the jar takes to serve.
 */
class WebJarIT {

    private static final Path JAR = Path.of("target", "user-activity-kafka.jar");
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/");

    private static Process start(Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "web"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    @Test
    void aBadPortThroughTheJarIsOneLineAndExitTwo() throws Exception {
        Path out = Files.createTempFile("web-out-", ".txt");
        Path err = Files.createTempFile("web-err-", ".txt");
        Process web = start(out, err, "--port", "http");
        assertThat(web.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(web.exitValue()).isEqualTo(2);
        assertThat(Files.readString(out)).isEmpty();
        assertThat(Files.readAllLines(err)).containsExactly("user-activity-web: Invalid value for option '--port': "
                + "'http' is not a port: use a whole number from 1 to 65535 (0: any free port) (see --help)");
    }

    @Test
    void theJarServesThePageUntilSigterm() throws Exception {
        Path out = Files.createTempFile("web-out-", ".txt");
        Path err = Files.createTempFile("web-err-", ".txt");
        String[] args = TestKafka.bootstrapArgs("--port", "0"); // the broker started first
        long started = System.nanoTime();
        Process web = start(out, err, args);
        try {
            String url = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (url == null && System.nanoTime() < deadline && web.isAlive()) {
                Matcher m = URL.matcher(Files.readString(out, StandardCharsets.UTF_8));
                url = m.find() ? m.group() : null;
                Thread.sleep(20);
            }
            assertThat(url).as(Files.readString(err)).isNotNull();
            long serving = System.nanoTime();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("WEB jar: serving " + Duration.ofNanos(serving - started).toMillis()
                    + " ms after java -jar (the first line printed, polled every 20 ms)");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.body()).contains("<script src=\"app.js\" defer></script>");

            web.destroy(); // SIGTERM
            assertThat(web.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(err, StandardCharsets.UTF_8)).endsWith("웹 페이지 종료\n");
        } finally {
            web.destroyForcibly();
        }
    }
}

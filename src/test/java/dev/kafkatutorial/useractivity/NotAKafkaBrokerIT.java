package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import dev.kafkatutorial.useractivity.doctor.Doctor;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Another service on the broker's port (issue 15, item 8; the doctor, issue 22, item 14): the programs and the
 * doctor say within 15 s that the address answers but is not a Kafka broker, instead of advising to create the
 * topic after 11 s (consumer) or 31 s (producer), or that no broker is there (doctor). Two kinds of service: one
 * that waits for a line end Kafka's request never sends (as a web server does with a request that is not HTTP),
 * and {@code python3 -m http.server} itself, as in the issue. And a Kafka broker that is one, reached with
 * {@code security.protocol=SSL} on its plaintext listener: the TLS handshake fails, which is no "not a Kafka
 * broker" but a protocol mismatch.
 */
class NotAKafkaBrokerIT {

    @ParameterizedTest(name = "a service that {0}")
    @ValueSource(strings = {"never answers", "is python3 -m http.server"})
    void eachProgramSaysTheAddressIsNotAKafkaBroker(String kind) throws Exception {
        boolean httpServer = kind.contains("http.server");
        assumeTrue(!httpServer || python3(), "python3 is not installed");
        try (FakeService service = new FakeService(httpServer)) {
            String address = "localhost:" + service.port();
            // All three at once: each waits its 10 s for a Kafka answer.
            long start = System.nanoTime();
            Map<String, ProgramRun> runs = new LinkedHashMap<>();
            runs.put("producer", ProgramRun.producer("--bootstrap-server", address, "--topic", "t"));
            runs.put("consumer", ProgramRun.consumer("--bootstrap-server", address, "--topic", "t"));
            runs.put("doctor", ProgramRun.start(Doctor::run, "--bootstrap-server", address, "--topic", "t"));
            for (Map.Entry<String, ProgramRun> entry : runs.entrySet()) {
                ProgramRun run = entry.getValue();
                int code = run.awaitExit(Duration.ofSeconds(60));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("FIGURES not a Kafka broker (" + kind + "): " + entry.getKey()
                        + " exit " + code + " after " + took.toMillis() + " ms: " + run.err().lines().findFirst().orElse(""));

                assertThat(code).as(run.err()).isEqualTo(1);
                assertThat(run.err()).contains(address + " 주소는 응답하지만 카프카 브로커가 아닙니다")
                        .doesNotContain("create_topic", "\tat ", "Exception");
                assertThat(took).isLessThan(Duration.ofSeconds(15));
            }
            assertThat(service.connections()).as("the programs did reach the service").isPositive();
        }
    }

    /**
     * {@code security.protocol=SSL} against a plaintext listener: the broker takes the TLS ClientHello for a
     * request far too large and hangs up, so the handshake never completes. Each says so in one line, naming
     * security.protocol, and never that the address is not a Kafka broker.
     */
    @Test
    void anSslClientOnAPlaintextListenerIsToldTheProtocolsDiffer() throws Exception {
        String address = TestKafka.bootstrapServers();
        String[] ssl = {"--bootstrap-server", address, "--topic", "t", "--lang", "en",
                "--command-property", "security.protocol=SSL"};
        Map<String, ProgramRun> runs = new LinkedHashMap<>();
        runs.put("producer", ProgramRun.producer(ssl));
        runs.put("consumer", ProgramRun.consumer(ssl));
        runs.put("doctor", ProgramRun.start(Doctor::run, ssl));
        for (Map.Entry<String, ProgramRun> entry : runs.entrySet()) {
            ProgramRun run = entry.getValue();
            int code = run.awaitExit(Duration.ofSeconds(60));
            String first = run.err().lines().findFirst().orElse("");
            System.out.println("FIGURES SSL on a plaintext listener: " + entry.getKey() + " exit " + code + ": " + first);

            assertThat(code).as(run.err()).isEqualTo(1);
            assertThat(first).as(run.err()).startsWith("The TLS handshake with " + address + " did not complete")
                    .contains("security.protocol=SSL", "PLAINTEXT");
            assertThat(run.err()).doesNotContain("not a Kafka broker", "create_topic", "\tat ", "Exception");
        }
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A TCP service that is not Kafka: one that reads and never answers, or the issue's own
     * {@code python3 -m http.server PORT}, which answers Kafka's first request with an HTTP 400 and hangs up.
     */
    private static final class FakeService implements AutoCloseable {
        private final ServerSocket socket;
        private final Process python;
        private final int port;
        private volatile int connections;

        FakeService(boolean httpServer) throws Exception {
            if (httpServer) {
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                socket = null;
                python = new ProcessBuilder("python3", "-u", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try (Socket probe = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
                connections = 1; // counted by the probe; the program's own connection is in the server's log only
                return;
            }
            python = null;
            socket = new ServerSocket(0);
            port = socket.getLocalPort();
            Thread acceptor = new Thread(this::accept, "fake-service");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return port;
        }

        int connections() {
            return connections;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections++;
                    Thread handler = new Thread(() -> drain(client), "fake-service-client");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /** Reads what the program sends and never answers. */
        private static void drain(Socket client) {
            try (client; InputStream in = client.getInputStream()) {
                byte[] buffer = new byte[4096];
                while (in.read(buffer) >= 0) {
                    // nothing to say
                }
            } catch (IOException e) {
                // the program hung up
            }
        }

        @Override
        public void close() throws Exception {
            if (socket != null) {
                socket.close();
            }
            if (python != null) {
                python.destroy();
                python.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

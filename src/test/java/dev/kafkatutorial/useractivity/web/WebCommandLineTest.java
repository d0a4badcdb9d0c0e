package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code web}'s command line, without a broker (the port is taken before any Kafka client is built): a bad
 * {@code --port} or {@code --bind} exits 2 with one line, a port in use exits 1 with one line, and an address
 * beyond this machine is served with a warning.
 */
class WebCommandLineTest {

    record Run(int exit, String out, String err) {
    }

    static Run web(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Web.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc     | 'abc' is not a port: use a whole number from 1 to 65535 (0: any free port)",
        "70000   | '70000' is not a port: ports go up to 65535",
        "-1      | '-1' is not a port: use a whole number from 1 to 65535 (0: any free port)",
        "8080.5  | '8080.5' is not a port",
        "9999999999 | '9999999999' is not a port"})
    void aBadPortIsOneLineAndExitTwo(String port, String why) {
        Run run = web("--port", port, "--bootstrap-server", "localhost:1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("user-activity-web: Invalid value for option '--port': " + why);
    }

    @Test
    void anEmptyBindAddressIsOneLineAndExitTwo() {
        Run run = web("--bind", " ", "--bootstrap-server", "localhost:1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("Invalid value for option '--bind': an empty address");
    }

    @Test
    void aPortInUseIsOneLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run en = web("--port", String.valueOf(port), "--bootstrap-server", "localhost:1", "--lang", "en");
            Run ko = web("--port", String.valueOf(port), "--bootstrap-server", "localhost:1");

            assertThat(en.exit()).isEqualTo(1);
            assertThat(en.out()).isEmpty();
            assertThat(en.err()).isEqualTo("Port " + port + " is already in use by another program. Choose another "
                    + "with --port (e.g. --port " + (port + 1) + "; --port 0 takes any free port)\n");
            assertThat(ko.exit()).isEqualTo(1);
            assertThat(ko.err().lines()).containsExactly("포트 " + port + "은(는) 이미 다른 프로그램이 쓰고 있습니다. "
                    + "--port로 다른 포트를 고르세요 (예: --port " + (port + 1) + ", --port 0은 빈 포트 아무거나)");
        }
    }

    @Test
    void aBrokerAddressNoNameServerKnowsIsOneLineAndExitOne() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = probe.getLocalPort();
            probe.close(); // free again: the page's port, once the address fails
            Run run = web("--port", String.valueOf(port), "--bootstrap-server", "no-such-host.invalid:9092",
                    "--lang", "en");

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("user-activity-web: Cannot resolve the Kafka broker address "
                    + "no-such-host.invalid:9092 (no such host name). Check --bootstrap-server\n");
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).as("the port is let go").isEqualTo(port);
            }
        }
    }

    @Test
    void anAddressBeyondThisMachineIsServedWithAWarning() throws Exception {
        try (WebRun web = WebRun.start("--bind", "0.0.0.0", "--bootstrap-server", "localhost:1", "--lang", "en")) {
            assertThat(web.err().lines().findFirst()).hasValue("Warning: --bind 0.0.0.0: anyone who reaches this "
                    + "address can see the page (topic and group names, offsets). Leave --bind out to serve this "
                    + "machine only");
            assertThat(web.url()).startsWith("http://localhost:");
            assertThat(web.out()).startsWith("Web page: " + web.url() + " - open it in a browser (broker: localhost:1,");
            assertThat(web.json("/api/page").get("lang").asText()).isEqualTo("en");
            assertThat(web.stop()).isZero();
        }
    }

    @Test
    void theLoopbackAddressIsServedWithoutAWarning() throws Exception {
        try (WebRun web = WebRun.start("--bootstrap-server", "localhost:1")) {
            assertThat(web.url()).startsWith("http://127.0.0.1:");
            assertThat(web.err()).isEmpty();
            assertThat(web.out()).startsWith("웹 페이지: " + web.url() + " - 브라우저로 여세요");
            assertThat(web.stop()).isZero();
            assertThat(web.err()).isEqualTo("웹 페이지 종료\n");
        }
    }

    @Test
    void helpNamesTheOptions() {
        Run run = web("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--port=PORT", "Default: 8080", "--bind=ADDRESS", "Default: 127.0.0.1",
                "--bootstrap-server", "--command-config", "--lang");
    }
}

package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker with a SASL/PLAIN listener and ACLs (StandardAuthorizer): the programs, as a user runs them (the
 * jar, so Kafka's own logs are captured too), with the right, a wrong, and an unauthorised user's
 * {@code --command-config}, a SASL mismatch (a listener without SASL, another mechanism), and the doctor. No
 * password ever shows, not even with --verbose.
 */
class SecurityIT {

    private static final String TOPIC = "secured_activity";
    private static final String GROUP = "secured_group";
    private static final String ALICE_PASSWORD = "alice-Secret-4711";
    private static final String BOB_PASSWORD = "bob-Secret-0815";
    private static final String WRONG_PASSWORD = "not-Alices-Password-42";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static LocalKafkaBroker broker;
    private static String saslServers;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        int saslPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            saslPort = socket.getLocalPort();
        }
        saslServers = "localhost:" + saslPort;
        broker = LocalKafkaBroker.start(0, dir.resolve("data"), Map.of(
                "listeners", "SASL_PLAINTEXT://" + saslServers,
                "advertised.listeners", "SASL_PLAINTEXT://" + saslServers,
                "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_alice=\"" + ALICE_PASSWORD
                        + "\" user_bob=\"" + BOB_PASSWORD + "\";",
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // The loopback PLAINTEXT listener, the controller and the broker itself are ANONYMOUS: trusted.
                "super.users", "User:ANONYMOUS"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // alice may write, read and describe the topic and read in the group; bob may do nothing.
            admin.createAcls(List.of(
                    allow("alice", ResourceType.TOPIC, TOPIC, AclOperation.WRITE),
                    allow("alice", ResourceType.TOPIC, TOPIC, AclOperation.READ),
                    allow("alice", ResourceType.TOPIC, TOPIC, AclOperation.DESCRIBE),
                    allow("alice", ResourceType.GROUP, GROUP, AclOperation.READ))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void withTheRightCredentialsBothProgramsWorkAndNoSecretShowsEvenVerbose() throws Exception {
        Path config = commandConfig("alice", ALICE_PASSWORD);
        JarProcess producer = JarProcess.start("producer", "--bootstrap-server", saslServers, "--topic", TOPIC,
                "--command-config", config.toString(), "--max-messages", "3", "--interval", "0", "--verbose");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        assertThat(producer.err()).contains("전송: 3, 성공: 3, 실패: 0");

        JarProcess consumer = JarProcess.start("consumer", "--bootstrap-server", saslServers, "--topic", TOPIC,
                "--group", GROUP, "--command-config", config.toString(), "--max-messages", "3", "--verbose");
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(consumer.out()).contains("======= 새 메시지 수신 (파티션: 0, 오프셋: 2) =======");

        for (JarProcess run : List.of(producer, consumer)) {
            assertThat(run.err()).as("--verbose shows Kafka's logs").contains("INFO");
            assertNoSecret(run);
        }
    }

    @Test
    void aWrongPasswordEndsEachProgramWithin15SecondsSayingAuthenticationFailed() throws Exception {
        Path config = commandConfig("alice", WRONG_PASSWORD);
        for (String program : List.of("producer", "consumer")) {
            for (boolean verbose : List.of(false, true)) {
                long start = System.nanoTime();
                JarProcess run = JarProcess.start(args(program, "--command-config", config.toString(),
                        verbose ? "--verbose" : "--lang=ko"));
                assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
                assertThat(run.err()).contains("인증 실패: ", "--command-config");
                assertNoSecret(run);
                if (!verbose) {
                    assertOneLineAndSummary(run, "인증 실패: ");
                    System.out.println("SECURITY wrong password, " + program + ": " + firstLine(run.err(), "인증 실패"));
                }
            }
        }
    }

    @Test
    void aUserWithoutRightsOnTheTopicIsToldSoAndEndsWithExit1() throws Exception {
        Path config = commandConfig("bob", BOB_PASSWORD);
        for (String program : List.of("producer", "consumer")) {
            JarProcess run = JarProcess.start(args(program, "--command-config", config.toString()));
            assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(1);
            assertOneLineAndSummary(run, "권한 없음: ");
            assertThat(firstLine(run.err(), "권한 없음")).contains(TOPIC, "ACL");
            assertNoSecret(run);
            System.out.println("SECURITY no rights, " + program + ": " + firstLine(run.err(), "권한 없음"));
        }
    }

    /**
     * A SASL client on the broker's plaintext listener (Kafka: IllegalSaslStateException) or with a mechanism the
     * SASL listener does not enable (UnsupportedSaslMechanismException): the producer, the consumer and the doctor
     * say in one line which mismatch it is, never Kafka's exception class, never a secret.
     */
    @Test
    void aSaslMismatchIsOneLineSayingWhichNeverAnExceptionClass() throws Exception {
        Path plain = commandConfig("alice", ALICE_PASSWORD); // SASL_PLAINTEXT with PLAIN
        Path scram = Files.writeString(dir.resolve("scram.properties"), String.join("\n",
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=SCRAM-SHA-256",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\""
                        + " password=\"" + ALICE_PASSWORD + "\";",
                ""));
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("no SASL on that listener", new String[] {broker.bootstrapServers(), plain.toString(),
                "인증 실패: 브로커의 리스너가 SASL을 쓰지 않습니다"});
        cases.put("another mechanism", new String[] {saslServers, scram.toString(),
                "인증 실패: 브로커의 리스너가 이 sasl.mechanism(SCRAM-SHA-256)을 켜지 않았습니다 (켜진 메커니즘: PLAIN)"});
        for (Map.Entry<String, String[]> mismatch : cases.entrySet()) {
            String[] c = mismatch.getValue();
            for (String program : List.of("producer", "consumer", "doctor")) {
                List<String> all = new ArrayList<>(List.of(program, "--bootstrap-server", c[0], "--topic", TOPIC,
                        "--command-config", c[1]));
                if (program.equals("consumer")) {
                    all.addAll(List.of("--group", GROUP));
                }
                JarProcess run = JarProcess.start(all.toArray(String[]::new));
                assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(1);
                System.out.println("SECURITY SASL mismatch (" + mismatch.getKey() + "), " + program + ": "
                        + firstLine(run.err(), "인증 실패"));
                assertThat(run.err().lines().findFirst()).as(run.err()).hasValueSatisfying(line ->
                        assertThat(line).startsWith(c[2]));
                assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
                if (program.equals("doctor")) {
                    assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
                    assertThat(run.out()).isEmpty();
                } else {
                    assertOneLineAndSummary(run, c[2]);
                }
                assertNoSecret(run);
            }
        }
    }

    /**
     * The doctor as bob, who may do nothing: the broker answers, but who the active controller is
     * (describeMetadataQuorum needs DESCRIBE on the cluster) and the topic are refused. It says both, each in its
     * line, and exits 1; with alice's wrong password, one line saying authentication failed.
     */
    @Test
    void theDoctorSaysWhatItMayNotSeeAndWhenAuthenticationFails() throws Exception {
        JarProcess bob = JarProcess.start("doctor", "--bootstrap-server", saslServers, "--topic", TOPIC,
                "--command-config", commandConfig("bob", BOB_PASSWORD).toString(), "--lang", "en");
        assertThat(bob.awaitExit(LIMIT)).as(bob.out() + bob.err()).isEqualTo(1);
        System.out.println("SECURITY doctor as bob:\n" + bob.out() + bob.err());
        assertThat(bob.out().lines().findFirst()).as(bob.out() + bob.err()).hasValueSatisfying(line ->
                assertThat(line).startsWith("[ok] Broker answered").contains("active controller: unknown (not authorized"));
        assertThat(bob.out()).contains("[problem] Not authorized: ").contains(TOPIC);
        assertThat(bob.out() + bob.err()).doesNotContain("Exception", "\tat ");
        assertNoSecret(bob);

        JarProcess wrong = JarProcess.start("doctor", "--bootstrap-server", saslServers, "--topic", TOPIC,
                "--command-config", commandConfig("alice", WRONG_PASSWORD).toString());
        assertThat(wrong.awaitExit(LIMIT)).as(wrong.out() + wrong.err()).isEqualTo(1);
        assertThat(wrong.err().lines().toList()).as(wrong.err()).hasSize(1);
        assertThat(wrong.err()).startsWith("인증 실패: ").doesNotContain("Exception");
        assertNoSecret(wrong);
    }

    /** Without --verbose: the failure in one line, then the program's summary; no log line, no stack trace. */
    private static void assertOneLineAndSummary(JarProcess run, String failure) {
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith(failure);
        assertThat(lines.get(1)).matches("(프로듀서|컨슈머) 종료 - .*");
    }

    private static String[] args(String program, String... more) {
        List<String> all = new ArrayList<>(List.of(program, "--bootstrap-server", saslServers, "--topic", TOPIC));
        if (program.equals("consumer")) {
            all.addAll(List.of("--group", GROUP));
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String firstLine(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse("");
    }

    private static void assertNoSecret(JarProcess run) {
        String everything = run.out() + run.err();
        assertThat(everything).doesNotContain(ALICE_PASSWORD, BOB_PASSWORD, WRONG_PASSWORD, "PlainLoginModule required");
    }

    private static Path commandConfig(String user, String password) throws IOException {
        return Files.writeString(dir.resolve(user + "-" + password.hashCode() + ".properties"), String.join("\n",
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";",
                ""));
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}

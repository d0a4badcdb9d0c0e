package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's tutorial on the no-Docker path, command by command as a reader types them, asserting on what
 * each step prints. The only change to the README's commands: a free port instead of 9092 (set through
 * KAFKA_PORT and KAFKA_BOOTSTRAP_SERVERS), so a broker the developer runs is never touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalTutorialWalkthroughIT {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static Shell shell;
    private static String bootstrap;

    @BeforeAll
    static void freshBroker() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        bootstrap = "localhost:" + port;
        Path data = Files.createTempDirectory("walkthrough-kafka-");
        shell = new Shell(Path.of("").toAbsolutePath(), Map.of(
                "KAFKA_PORT", String.valueOf(port),
                "KAFKA_DATA_DIR", data.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap)); // also keeps create_topic.sh off any kafka container
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (shell != null) {
            shell.run("./local-broker.sh stop", STEP);
        }
    }

    private Shell.Result step(String command) throws Exception {
        Shell.Result result = shell.run(command, STEP);
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    private String tools(String tool, String arguments) {
        return "./kafka.sh " + tool + " --bootstrap-server " + bootstrap + " " + arguments;
    }

    @Test
    @Order(1)
    void startTheLocalBroker() throws Exception {
        assertThat(step("./local-broker.sh start").out()).contains("broker ready on " + bootstrap);
        assertThat(step("./local-broker.sh status").out()).contains("is running");
    }

    @Test
    @Order(2)
    void step1CreateListAndDescribeATopic() throws Exception {
        Shell.Result create = step("./create_topic.sh my_topic 1 1");
        assertThat(create.out()).contains("Created topic my_topic.", "Topic: my_topic", "PartitionCount: 1",
                "ReplicationFactor: 1");
        assertThat(step(tools("kafka-topics", "--list")).out().lines()).contains("my_topic");
        assertThat(step(tools("kafka-topics", "--describe --topic my_topic")).out())
                .contains("Topic: my_topic", "Partition: 0", "Leader: 1");
        assertThat(shell.run("./create_topic.sh my_topic", STEP).code()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void step2HelloWorldWithTheConsoleProducerAndConsumer() throws Exception {
        step("printf 'Hello Kafka!\\nThis is a test message\\nWelcome to Kafka\\n' | "
                + tools("kafka-console-producer", "--topic my_topic"));
        step("echo \"Hello again\" | " + tools("kafka-console-producer", "--topic my_topic"));
        Shell.Result consumed = step(tools("kafka-console-consumer", "--topic my_topic --from-beginning --timeout-ms 10000") + " | cat");
        assertThat(consumed.out().lines())
                .containsExactly("Hello Kafka!", "This is a test message", "Welcome to Kafka", "Hello again");
        assertThat(consumed.err()).contains("Processed a total of 4 messages");
    }

    @Test
    @Order(4)
    void steps3And4TheJavaProducerAndConsumer() throws Exception {
        Shell.Result produced = step("java -jar target/user-activity-kafka.jar producer --max-messages 3 --interval 0");
        assertThat(produced.out().lines().filter(l -> l.startsWith("메시지 전송: {'user_id': "))).hasSize(3);
        assertThat(produced.out()).contains("메시지 전송 성공 - 토픽: user_activity, 파티션: 0, 오프셋: 2");

        Shell.Result consumed = step("java -jar target/user-activity-kafka.jar consumer --max-messages 3");
        assertThat(consumed.out()).contains(
                "======= 새 메시지 수신 (파티션: 0, 오프셋: 0) =======",
                "======= 새 메시지 수신 (파티션: 0, 오프셋: 2) =======");
        assertThat(consumed.err()).contains("컨슈머 종료 - 처리한 메시지: 3, 건너뛴 메시지: 0");
    }

    @Test
    @Order(5)
    void step4_3DescribeTheConsumerGroup() throws Exception {
        Shell.Result described = step(tools("kafka-consumer-groups", "--describe --group user_activity_group"));
        assertThat(described.out()).contains("user_activity_group", "user_activity").containsPattern("\\b3\\s+3\\s+0\\b");
        assertThat(described.err()).contains("has no active members");
    }

    @Test
    @Order(6)
    void troubleshootingDeleteTheTopic() throws Exception {
        step(tools("kafka-topics", "--delete --topic my_topic"));
        assertThat(step(tools("kafka-topics", "--list")).out().lines()).doesNotContain("my_topic");
    }

    @Test
    @Order(7)
    void cleanUpStopAndWipe() throws Exception {
        assertThat(step("./local-broker.sh stop").out()).contains("stopped");
        assertThat(shell.run("./local-broker.sh status", STEP).code()).isEqualTo(3);
        assertThat(step("./local-broker.sh wipe").out()).contains("deleted");
    }
}

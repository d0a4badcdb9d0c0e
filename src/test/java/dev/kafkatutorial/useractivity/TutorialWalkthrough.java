package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's tutorial, command by command as a reader types them, asserting on what each step prints.
 * Written once; each subclass says how its path starts and stops a broker and how it runs Kafka's tools.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class TutorialWalkthrough {

    static final Duration STEP = Duration.ofSeconds(180);

    private Shell shell;

    /** The environment the reader's shell has on this path. */
    abstract Map<String, String> environment() throws Exception;

    /** {@code kafka-topics --bootstrap-server ...} and so on: a Kafka tool with its broker address. */
    abstract String tool(String name, String arguments);

    abstract void startTheBroker() throws Exception;

    abstract void stopAndWipeTheBroker() throws Exception;

    @BeforeAll
    void openShell() throws Exception {
        shell = new Shell(Path.of("").toAbsolutePath(), environment());
    }

    @AfterAll
    void leaveNothingRunning() throws Exception {
        if (shell != null) {
            stopAndWipeTheBroker();
        }
    }

    Shell.Result run(String command) throws Exception {
        return shell.run(command, STEP);
    }

    Shell.Result step(String command) throws Exception {
        Shell.Result result = run(command);
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    @Test
    @Order(1)
    void startABroker() throws Exception {
        startTheBroker();
    }

    @Test
    @Order(2)
    void step1CreateListAndDescribeATopic() throws Exception {
        Shell.Result create = step("./create_topic.sh my_topic 1 1");
        assertThat(create.out()).contains("Created topic my_topic.", "Topic: my_topic", "PartitionCount: 1",
                "ReplicationFactor: 1");
        assertThat(step(tool("kafka-topics", "--list")).out().lines()).contains("my_topic");
        assertThat(step(tool("kafka-topics", "--describe --topic my_topic")).out())
                .contains("Topic: my_topic", "Partition: 0", "Leader: 1");
        assertThat(run("./create_topic.sh my_topic").code()).as("a missing argument is a usage error").isEqualTo(2);
    }

    @Test
    @Order(3)
    void step2HelloWorldWithTheConsoleProducerAndConsumer() throws Exception {
        step("printf 'Hello Kafka!\\nThis is a test message\\nWelcome to Kafka\\n' | "
                + tool("kafka-console-producer", "--topic my_topic"));
        step("echo \"Hello again\" | " + tool("kafka-console-producer", "--topic my_topic"));
        Shell.Result consumed = step(tool("kafka-console-consumer", "--topic my_topic --from-beginning --timeout-ms 10000")
                + " | cat");
        assertThat(consumed.out().lines())
                .containsExactly("Hello Kafka!", "This is a test message", "Welcome to Kafka", "Hello again");
        assertThat(consumed.err()).contains("Processed a total of 4 messages");
    }

    @Test
    @Order(4)
    void steps3And4TheJavaProducerAndConsumer() throws Exception {
        Shell.Result produced = step("bin/user-activity-kafka producer --max-messages 3 --interval 0");
        assertThat(produced.out().lines().filter(l -> l.startsWith("메시지 전송: {'user_id': "))).hasSize(3);
        assertThat(produced.out()).contains("메시지 전송 성공 - 토픽: user_activity, 파티션: 0, 오프셋: 2");
        assertThat(produced.err()).contains("프로듀서 종료 - 전송: 3, 성공: 3, 실패: 0");

        Shell.Result consumed = step("bin/user-activity-kafka consumer --max-messages 3");
        assertThat(consumed.out()).contains(
                "======= 새 메시지 수신 (파티션: 0, 오프셋: 0) =======",
                "======= 새 메시지 수신 (파티션: 0, 오프셋: 1) =======",
                "======= 새 메시지 수신 (파티션: 0, 오프셋: 2) =======");
        assertThat(consumed.err()).contains("컨슈머 종료 - 처리한 메시지: 3, 건너뛴 메시지: 0");
    }

    @Test
    @Order(5)
    void step4_3DescribeTheConsumerGroup() throws Exception {
        Shell.Result described = step(tool("kafka-consumer-groups", "--describe --group user_activity_group"));
        // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG: all three read, nothing left
        assertThat(described.out()).contains("user_activity_group", "user_activity").containsPattern("\\b3\\s+3\\s+0\\b");
        assertThat(described.out() + described.err()).contains("has no active members");
    }

    @Test
    @Order(6)
    void troubleshootingDeleteATopic() throws Exception {
        step(tool("kafka-topics", "--delete --topic my_topic"));
        assertThat(step(tool("kafka-topics", "--list")).out().lines()).doesNotContain("my_topic");
    }

    @Test
    @Order(7)
    void cleanUp() throws Exception {
        stopAndWipeTheBroker();
    }
}

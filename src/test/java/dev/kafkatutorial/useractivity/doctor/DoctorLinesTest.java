package dev.kafkatutorial.useractivity.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The doctor's lines issue 22 changed, in both languages (DoctorIT and DoctorThreeBrokersIT: for real). */
class DoctorLinesTest {

    private static final DoctorLines KO = new DoctorLines(Language.ko);
    private static final DoctorLines EN = new DoctorLines(Language.en);

    @Test
    void minInsyncAboveTheReplicationFactorSaysKafkaCapsIt() {
        assertThat(EN.doctorMinInsyncCapped(1, 2)).startsWith("min.insync.replicas=2 is above the replication factor "
                + "(1): Kafka caps it at 1, so acks=all writes succeed with the leader alone").doesNotContain("\n");
        assertThat(KO.doctorMinInsyncCapped(1, 2)).startsWith("min.insync.replicas=2가 복제본 수(1개)보다 큽니다: 카프카는 "
                + "1(으)로 낮춰 씁니다. acks=all 쓰기는 리더 혼자 받아 성공");
        assertThat(EN.doctorMinInsyncCapped(3, 5)).contains("Kafka caps it at 3, so acks=all needs all 3 replicas in "
                + "sync: with one broker down, writes are refused (NOT_ENOUGH_REPLICAS)");
        assertThat(KO.doctorMinInsyncCapped(3, 5)).contains("복제본 3개가 모두 동기화되어 있어야", "NOT_ENOUGH_REPLICAS");
    }

    @Test
    void theActiveControllerOrWhyItIsUnknown() {
        assertThat(EN.doctorBroker(5, "id", 3, "3000")).endsWith("3 broker(s), active controller: 3000");
        assertThat(KO.doctorBroker(5, "id", 3, "3000")).endsWith("브로커 3개, 활성 컨트롤러: 3000");
        assertThat(EN.doctorBroker(5, "id", 1, EN.doctorControllerUnknown(EN.doctorQuorumNotAuthorized())))
                .endsWith("active controller: unknown (not authorized to ask the metadata quorum: it takes DESCRIBE on "
                        + "the cluster)");
        assertThat(KO.doctorControllerUnknown(KO.noAnswer(Duration.ofSeconds(10))))
                .isEqualTo("알 수 없음 (브로커가 10초 동안 응답하지 않음)");
    }

    @Test
    void aRequestThatTimedOutIsNamed() {
        assertThat(EN.doctorTimedOut("listOffsets", "t", Duration.ofSeconds(10)))
                .startsWith("No answer within 10 s to listOffsets (t): ");
        assertThat(KO.doctorTimedOut("listOffsets", "t", Duration.ofSeconds(10)))
                .startsWith("listOffsets(t)에 10초 동안 응답이 없습니다: ");
        assertThat(EN.doctorRequestFailed("describeConfigs", "topic t", "boom"))
                .isEqualTo("describeConfigs (topic t) failed: boom");
    }
}

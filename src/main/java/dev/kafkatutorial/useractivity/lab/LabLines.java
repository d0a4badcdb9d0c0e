package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/** The lab's lines: its progress (stderr), its table's header and its failures, Korean and English. */
public final class LabLines extends Lines {

    public LabLines(Language language) {
        super(language);
    }

    static String ids(Collection<Integer> ids) {
        return ids.isEmpty() ? "-" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    public String noServerClasspath(Path file) {
        return pick("카프카 브로커 클래스는 jar에 없습니다. 실험은 빌드가 " + file + "에 적어 둔 클래스패스(메이븐 저장소)로 "
                        + "브로커를 띄웁니다: 프로젝트에서 mvn -q package -DskipTests로 다시 빌드하세요",
                "Kafka's broker classes are not in the jar: the lab starts its brokers from Maven's repository, with "
                        + "the classpath the build writes to " + file + ". Build again in the project: "
                        + "mvn -q package -DskipTests");
    }

    public String serverJarMissing(String jar) {
        return pick("브로커 jar가 없습니다: " + jar + " - mvn -q package -DskipTests로 다시 받으세요",
                "A broker jar is missing: " + jar + " - fetch it again with mvn -q package -DskipTests");
    }

    public String starting(Path dir, int firstPort) {
        return pick("컨트롤러 하나와 브로커 세 개를 띄웁니다 (포트 " + firstPort + "-" + (firstPort + 2) + ", 데이터 " + dir
                        + "; 끝나면 지웁니다)...",
                "Starting a controller and three brokers (ports " + firstPort + "-" + (firstPort + 2) + ", data in "
                        + dir + ", removed at the end)...");
    }

    public String started(Duration took) {
        return pick("브로커 세 개 준비됨 (" + seconds(took) + "초)", "Three brokers ready in " + seconds(took) + " s");
    }

    public String nodeDidNotStart(String node, String lastLine) {
        return pick(node + "가 시작하지 못했습니다: " + lastLine, node + " did not start: " + lastLine);
    }

    public String row(int index, int rows, Settings settings, String topic, int leader, int events) {
        return pick("[" + index + "/" + rows + "] " + settings + ": 토픽 " + topic + " (복제본 3개, 리더 브로커 " + leader
                        + "), 이벤트 " + events + "개",
                "[" + index + "/" + rows + "] " + settings + ": topic " + topic + " (3 replicas, leader broker "
                        + leader + "), " + events + " events");
    }

    public String killed(int broker, String role, long acked) {
        return pick("  브로커 " + broker + " (" + role + ") kill -9 - 그때까지 응답받은 이벤트 " + acked + "개",
                "  broker " + broker + " (" + role + ") killed with kill -9 after " + acked + " acknowledged");
    }

    public String roleLeader() {
        return pick("리더", "the leader");
    }

    public String roleLagging() {
        return pick("팔로워, 이제부터 뒤처짐", "a follower, lagging from now on");
    }

    public String roleInSync() {
        return pick("동기화된 팔로워", "the in-sync follower");
    }

    public String state(Duration after, PartitionState state) {
        return pick("  " + seconds(after) + "초 뒤: 리더 " + (state.hasLeader() ? String.valueOf(state.leader()) : "없음")
                        + ", ISR " + ids(state.isr()),
                "  after " + seconds(after) + " s: leader " + (state.hasLeader() ? String.valueOf(state.leader())
                        : "none") + ", ISR " + ids(state.isr()));
    }

    public String notWithin(Duration limit, String what, PartitionState state) {
        return pick("  " + seconds(limit) + "초 안에 일어나지 않음: " + what + " (리더 " + state.leader() + ", ISR "
                        + ids(state.isr()) + ")",
                "  not within " + seconds(limit) + " s: " + what + " (leader " + state.leader() + ", ISR "
                        + ids(state.isr()) + ")");
    }

    public String brokerFenced(int broker) {
        return pick("컨트롤러가 브로커 " + broker + "를 ISR에서 뺌", "the controller takes broker " + broker + " out of the ISR");
    }

    public String uncleanElection(int broker) {
        return pick("뒤처진 브로커 " + broker + "가 unclean 선출로 리더가 됨",
                "the lagging broker " + broker + " becomes leader by unclean election");
    }

    public String allInSync() {
        return pick("세 복제본 모두 ISR에 돌아옴", "all three replicas back in the ISR");
    }

    public String restarted(Collection<Integer> brokers) {
        return pick("  브로커 " + ids(brokers) + " 다시 시작", "  broker(s) " + ids(brokers) + " started again");
    }

    public String startedAlone(int broker) {
        return pick("  뒤처진 브로커 " + broker + "만 다시 시작 (unclean 리더 선출을 기다림)",
                "  only the lagging broker " + broker + " started again (waiting for an unclean leader election)");
    }

    public String readBack(long end, long distinct) {
        return pick("  토픽을 처음부터 끝(오프셋 " + end + ")까지 읽음: 서로 다른 이벤트 " + distinct + "개",
                "  read the topic from its start to its end (offset " + end + "): " + distinct + " distinct events");
    }

    public String rowResult(long acked, long failed, long lost, long duplicated) {
        return pick("  응답받음 " + acked + ", 실패 " + failed + ", 잃어버림 " + lost + ", 중복 " + duplicated,
                "  acknowledged " + acked + ", failed " + failed + ", lost " + lost + ", duplicated " + duplicated);
    }

    public String failures(String reasons) {
        return pick("  실패 이유: " + reasons, "  failed because: " + reasons);
    }

    public String notReadBack(String topic, long end, Duration limit) {
        return pick(seconds(limit) + "초 안에 토픽 " + topic + "을 끝(" + end + ")까지 읽지 못했습니다",
                "Could not read topic " + topic + " to its end (" + end + ") within " + seconds(limit) + " s");
    }

    public String notReady(String topic, PartitionState state) {
        return pick("토픽 " + topic + "의 복제본 세 개가 동기화되지 않았습니다 (리더 " + state.leader() + ", ISR " + ids(state.isr())
                        + ")", "Topic " + topic + " did not get three replicas in sync (leader " + state.leader() + ", ISR "
                        + ids(state.isr()) + ")");
    }

    public String stopped() {
        return pick("실험을 중단했습니다: 브로커를 끄고 데이터를 지웁니다", "Lab stopped: brokers killed, their data removed");
    }

    public String tableTitle(int events, Duration took) {
        return pick("이 컴퓨터에서 이번 실행이 잰 값 (줄마다 이벤트 " + events + "개, 복제본 3개, " + seconds(took) + "초):",
                "What this run measured on this machine (" + events + " events a row, replication factor 3, "
                        + seconds(took) + " s):");
    }

    /** The table's column names. */
    public java.util.List<String> tableHeader() {
        return java.util.List.of("acks", "min.insync.replicas", "unclean", pick("응답받음", "acked"), pick("실패", "failed"),
                pick("잃어버림", "lost"), pick("중복", "duplicated"));
    }

    public String tableNote() {
        return pick("잃어버림 = 응답받았지만 다시 읽을 수 없는 이벤트, 중복 = 두 번 이상 읽힌 이벤트 (이벤트 ID로 셈). "
                        + "각 줄의 뜻: docs/durability.md",
                "lost = acknowledged but not read back, duplicated = read more than once (counted by event id). "
                        + "What each row means: docs/durability.md");
    }
}

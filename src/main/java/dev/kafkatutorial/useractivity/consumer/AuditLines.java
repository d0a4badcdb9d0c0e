package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code consumer --audit}'s lines: where the group's record is, the first duplicate, each range found missing,
 * the table of this run, what the missing figure covered, and a run that had nothing to audit.
 */
public final class AuditLines extends Lines {

    public AuditLines(Language language) {
        super(language);
    }

    public String auditFile(String group, Path file, long readBefore) {
        return pick("감사: 그룹 " + group + "의 기록 " + file + " (전에 읽은 이벤트 " + readBefore + "개)",
                "Audit: group " + group + "'s record " + file + " (" + readBefore + " events read before)");
    }

    public String auditOneOff() {
        return pick("감사: 그룹 없이 한 번 읽는 것이라 기록 파일을 남기지 않습니다 (이 실행에서 읽은 것만 셉니다)",
                "Audit: a one-off read without --group: no record file is kept (this run's reads are counted)");
    }

    public String auditFileFailed(Path file, String reason) {
        return pick("감사 기록 파일을 쓸 수 없습니다: " + file + " (" + reason + ")",
                "Cannot write the audit record " + file + " (" + reason + ")");
    }

    public String auditFirstDuplicate(String run, String id, int partition, long offset) {
        return pick("감사: 중복 - 이벤트 " + id + "를 다시 읽었습니다 (파티션 " + partition + ", 오프셋 " + offset
                        + "; 프로듀서 실행 " + run + "의 첫 중복)",
                "Audit: duplicate - event " + id + " read again (partition " + partition + ", offset " + offset
                        + "; producer run " + run + "'s first duplicate)");
    }

    public String auditMissing(TopicPartition partition, boolean namesTopic, AuditScope.Range range) {
        return pick("감사: 빠짐 - " + label(partition, namesTopic) + "의 오프셋 " + range(range)
                        + "은(는) 읽기 전에 삭제되었습니다",
                "Audit: missing - " + label(partition, namesTopic) + "'s offsets " + range(range)
                        + " were deleted before they were read");
    }

    public String auditTableHeader() {
        return pick("감사 결과 (이 실행, 프로듀서 실행별): 받음, 중복, 순서가 바뀐 도착",
                "Audit of this run (per producer run): received, duplicates, out of order");
    }

    public String auditTableRow(String run, long received, long duplicates, long outOfOrder) {
        return pick("  " + run + ": 받음 " + received + ", 중복 " + duplicates + ", 순서 바뀜 " + outOfOrder,
                "  " + run + ": received " + received + ", duplicates " + duplicates + ", out of order " + outOfOrder);
    }

    /** The missing figure and what it covered: each partition this member read, from where it was meant to start. */
    public String auditScope(long missing, List<AuditScope.Partition> partitions, boolean namesTopic, long unchecked) {
        String ko = partitions.stream().map(p -> label(p.partition(), namesTopic) + " " + p.stretches().stream()
                .map(s -> s.next() > s.from() ? "오프셋 " + s.from() + "-" + (s.next() - 1)
                        : "오프셋 " + s.from() + "부터 (읽은 것 없음)").collect(Collectors.joining(", "))
                + (p.missing().isEmpty() ? "" : " (빠짐 " + ranges(p.missing()) + ")")).collect(Collectors.joining(", "));
        String en = partitions.stream().map(p -> label(p.partition(), namesTopic) + " " + p.stretches().stream()
                .map(s -> s.next() > s.from() ? "offsets " + s.from() + "-" + (s.next() - 1)
                        : "from offset " + s.from() + " (nothing read)").collect(Collectors.joining(", "))
                + (p.missing().isEmpty() ? "" : " (missing " + ranges(p.missing()) + ")")).collect(Collectors.joining(", "));
        return pick("감사: 빠짐 " + missing + " - 이 멤버가 읽기로 한 범위: " + ko
                        + (unchecked > 0 ? "; 삭제되었는지 확인하지 못한 오프셋 " + unchecked + "개" : ""),
                "Audit: missing " + missing + " of what this member was meant to read: " + en
                        + (unchecked > 0 ? "; " + unchecked + " offsets passed could not be checked" : ""));
    }

    /** No partition was ever assigned: nothing was audited, which is no all-clear. */
    /** After a share group member's table: why there is no "missing" figure, and what a duplicate is here. */
    public String auditShareGroup() {
        return pick("감사: 공유 그룹은 빠진 것을 세지 않습니다 (멤버는 오프셋 구간이 아니라 브로커가 나눠 준 메시지를 읽습니다). "
                        + "중복은 이미 출력한 이벤트가 다시 전달된 것입니다 (확인이 반영되지 않았거나 획득 잠금이 풀린 경우)",
                "Audit: no missing figure for a share group (a member reads the records the broker hands it, not a range "
                        + "of offsets); a duplicate is an event printed before and delivered again (an acknowledgement "
                        + "not taken, or an acquisition lock that ran out)");
    }

    public String auditNothing(String sessionTimeoutSetting, long sessionTimeoutMs) {
        return pick("감사: 검사한 것 없음 - 이 멤버는 파티션을 하나도 할당받지 못했습니다. 그룹의 다른 멤버들이 모두 "
                        + "가지고 있거나 (파티션보다 멤버가 많음), 죽은 멤버가 세션이 끝날 때까지 가지고 있습니다 ("
                        + sessionTimeoutSetting + ", 이 멤버의 설정은 " + sessionTimeoutMs + "ms)",
                "Audit: nothing audited - this member was assigned no partition: the group's other members hold them "
                        + "all (more members than partitions), or a member that died holds them until its session "
                        + "times out (" + sessionTimeoutSetting + "; this member's is " + sessionTimeoutMs + " ms)");
    }

    /** The run ended on an error (said on the line before) before any partition was assigned. */
    public String auditNothingBeforeFailure() {
        return pick("감사: 검사한 것 없음 - 파티션을 할당받기 전에 실행이 끝났습니다",
                "Audit: nothing audited - the run ended before any partition was assigned");
    }

    public String auditWithoutId(long count) {
        return pick("  이벤트 ID 없는 레코드: " + count, "  records without an event id: " + count);
    }

    private String label(TopicPartition partition, boolean namesTopic) {
        return namesTopic ? pick("토픽 " + partition.topic() + " 파티션 " + partition.partition(),
                "topic " + partition.topic() + " partition " + partition.partition())
                : pick("파티션 " + partition.partition(), "partition " + partition.partition());
    }

    private static String ranges(List<AuditScope.Range> ranges) {
        return ranges.stream().limit(5).map(AuditLines::range).collect(Collectors.joining(", "))
                + (ranges.size() > 5 ? ", …" : "");
    }

    private static String range(AuditScope.Range range) {
        return range.from() == range.to() ? String.valueOf(range.from()) : range.from() + "-" + range.to();
    }
}

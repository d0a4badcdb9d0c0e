package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.util.stream.Collectors;

/** {@code consumer --audit}'s lines: where the group's record is, the first duplicate and gap, the table. */
public final class AuditLines extends Lines {

    public AuditLines(Language language) {
        super(language);
    }

    public String auditFile(String group, java.nio.file.Path file, long readBefore) {
        return pick("감사: 그룹 " + group + "의 기록 " + file + " (전에 읽은 이벤트 " + readBefore + "개)",
                "Audit: group " + group + "'s record " + file + " (" + readBefore + " events read before)");
    }

    public String auditFileFailed(java.nio.file.Path file, String reason) {
        return pick("감사 기록 파일을 쓸 수 없습니다: " + file + " (" + reason + ")",
                "Cannot write the audit record " + file + " (" + reason + ")");
    }

    public String auditFirstDuplicate(String run, String id, int partition, long offset) {
        return pick("감사: 중복 - 이벤트 " + id + "를 다시 읽었습니다 (파티션 " + partition + ", 오프셋 " + offset
                        + "; 프로듀서 실행 " + run + "의 첫 중복)",
                "Audit: duplicate - event " + id + " read again (partition " + partition + ", offset " + offset
                        + "; producer run " + run + "'s first duplicate)");
    }

    public String auditFirstGap(String run, long from, long to) {
        return pick("감사: 빈 번호 - 프로듀서 실행 " + run + "의 순번 " + range(from, to) + "을(를) 아직 못 읽었습니다",
                "Audit: gap - producer run " + run + "'s sequence " + range(from, to) + " not seen so far");
    }

    public String auditTableHeader() {
        return pick("감사 결과 (프로듀서 실행별): 받음, 중복, 빠진 번호, 순서가 바뀐 도착",
                "Audit (per producer run): received, duplicates, missing, out of order");
    }

    public String auditTableRow(String run, long received, long duplicates, long missing, long outOfOrder,
                                java.util.Map<Long, Long> gaps) {
        String ranges = gaps.entrySet().stream().limit(5).map(g -> range(g.getKey(), g.getValue()))
                .collect(Collectors.joining(", ")) + (gaps.size() > 5 ? ", …" : "");
        return pick("  " + run + ": 받음 " + received + ", 중복 " + duplicates + ", 빠짐 " + missing
                        + (missing > 0 ? " (" + ranges + ")" : "") + ", 순서 바뀜 " + outOfOrder,
                "  " + run + ": received " + received + ", duplicates " + duplicates + ", missing " + missing
                        + (missing > 0 ? " (" + ranges + ")" : "") + ", out of order " + outOfOrder);
    }

    public String auditWithoutId(long count) {
        return pick("  이벤트 ID 없는 레코드: " + count, "  records without an event id: " + count);
    }

    private static String range(long from, long to) {
        return from == to ? String.valueOf(from) : from + "-" + to;
    }
}

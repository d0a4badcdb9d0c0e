package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.util.List;

/** The progress lines of {@code lab rebalance} and {@code lab queue}, on stderr: stdout carries the table. */
final class GroupLabLines extends Lines {

    GroupLabLines(Language language) {
        super(language);
    }

    String queueReady(String topic, long events, long workMs) {
        return pick("lab queue: 토픽 " + topic + " (파티션 1개)에 이벤트 " + events + "개, 이벤트 하나 처리에 " + workMs + " ms",
                "lab queue: " + events + " events on topic " + topic + " (1 partition), " + workMs + " ms of work per event");
    }

    String queueGroupStarts(String type, int members) {
        return "share".equals(type)
                ? pick("공유 그룹: 멤버 " + members + "개가 한 파티션의 메시지를 나눠 읽습니다", "share group: " + members
                        + " members share the records of the one partition")
                : pick("컨슈머 그룹 (classic): 멤버 " + members + "개, 파티션은 하나뿐이라 한 멤버만 읽습니다",
                        "consumer group (classic): " + members + " members, one partition, so one member reads");
    }

    String queueProgress(String type, long read, long events) {
        return pick(type + ": " + events + "개 중 " + read + "개 읽음", type + ": " + read + " of " + events + " read");
    }

    String rebalanceStarts(String topic, int partitions, long rate, int sessionMs) {
        return pick("lab rebalance: 토픽 " + topic + " (파티션 " + partitions + "개), 초당 이벤트 " + rate
                        + "개; 세션 타임아웃 " + sessionMs / 1000 + "초 (브로커의 group.consumer.session.timeout.ms, classic 멤버도 같게)",
                "lab rebalance: topic " + topic + " (" + partitions + " partitions), " + rate + " events/s; session timeout "
                        + sessionMs / 1000 + " s (the broker's group.consumer.session.timeout.ms, the classic members' too)");
    }

    String scenario(String mode) {
        return switch (mode) {
            case "eager" -> pick("== eager (classic 프로토콜, RangeAssignor): 리밸런스마다 모든 파티션을 거두고 다시 나눕니다",
                    "== eager (classic protocol, RangeAssignor): each rebalance takes every partition back, then hands all out");
            case "cooperative" -> pick("== cooperative (classic 프로토콜, CooperativeStickyAssignor): 옮겨 갈 파티션만 거둡니다",
                    "== cooperative (classic protocol, CooperativeStickyAssignor): only partitions that move are revoked");
            default -> pick("== consumer (KIP-848 consumer 프로토콜): 브로커가 할당하고, 멤버는 바뀌는 파티션만 내놓습니다",
                    "== consumer (KIP-848 consumer protocol): the broker assigns; members give up only what moves");
        };
    }

    String change(String mode, double at, String what) {
        return "[" + mode + "] +" + at + " s  " + what;
    }

    String timeline(String mode, double at, String member, String event, List<Integer> partitions, int generation) {
        String number = "consumer".equals(mode) ? pick("멤버 에포크 ", "member epoch ") : pick("세대 ", "generation ");
        String what = switch (event) {
            case "assigned" -> pick("할당: ", "assigned: ");
            case "revoked" -> pick("반납: ", "revoked: ");
            case "lost" -> pick("잃음: ", "lost: ");
            default -> pick("시작", "started");
        };
        String list = "started".equals(event) ? "" : partitions.isEmpty() ? "-" : partitions.toString().replaceAll("[\\[\\] ]", "");
        return "[" + mode + "] +" + at + " s    " + member + "  " + what + list
                + (generation < 0 ? "" : " (" + number + generation + ")");
    }

    String notStable(String mode, String change, long seconds) {
        return pick("[" + mode + "] " + change + ": " + seconds + "초 안에 안정되지 않았습니다 (표에는 빈칸)",
                "[" + mode + "] " + change + ": not stable within " + seconds + " s (empty in the table)");
    }

    String topicLeft(String topic, String reason) {
        return pick("lab 토픽 " + topic + "을(를) 지우지 못했습니다: " + reason, "Could not delete the lab's topic " + topic + ": " + reason);
    }
}

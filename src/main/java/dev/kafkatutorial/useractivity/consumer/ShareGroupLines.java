package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.time.Duration;

/** The lines of {@code consumer --share-group}: the banner with the delivery count, acquisitions and rejections. */
public final class ShareGroupLines extends Lines {

    public ShareGroupLines(Language language) {
        super(language);
    }

    /**
     * The tutorial's banner with the record's delivery count: {@code 전달 1} the first time a member got it,
     * more when an earlier member released it or died holding it. The topic is named when reading several.
     */
    public String received(int partition, long offset, int deliveryCount, UserActivity event) {
        return (ko
                ? "======= 새 메시지 수신 (파티션: " + partition + ", 오프셋: " + offset + ", 전달: " + deliveryCount + "번째) =======\n"
                : "======= New message received (partition: " + partition + ", offset: " + offset + ", delivery: "
                        + deliveryCount + ") =======\n")
                + (deliveryCount > 1 ? redelivered(deliveryCount) + "\n" : "")
                + describe(event) + "\n";
    }

    /** Under the banner of a record some member had before: why it came back. */
    public String redelivered(int deliveryCount) {
        return pick("(다시 전달됨: 앞선 " + (deliveryCount - 1) + "번의 전달이 확인되지 않았습니다. 그 멤버가 놓아주었거나, "
                        + "확인 전에 죽어 획득 잠금이 풀렸습니다)",
                "(redelivered: " + (deliveryCount - 1) + " earlier deliver" + (deliveryCount == 2 ? "y was" : "ies were")
                        + " not acknowledged: that member released it, or died and its acquisition lock timed out)");
    }

    /** Once, when a new share group is told to start at the earliest (or latest) offset. */
    public String startsAt(String group, String reset) {
        return pick("새 공유 그룹 " + escape(group) + ": share.auto.offset.reset=" + reset + "로 설정했습니다 ("
                        + ("earliest".equals(reset) ? "튜토리얼의 컨슈머처럼 처음부터 읽습니다; Kafka의 기본값은 latest" : "지금 이후의 메시지만 읽습니다") + ")",
                "New share group " + escape(group) + ": set share.auto.offset.reset=" + reset + " ("
                        + ("earliest".equals(reset) ? "reads from the start, as the tutorial's consumer; Kafka's default is latest"
                        : "reads only what arrives from now on") + ")");
    }

    /** Once at the start: the group's own setting, which this run leaves as it is. */
    public String keepsStart(String group, String reset) {
        return pick("공유 그룹 " + escape(group) + "의 share.auto.offset.reset은 " + reset + "입니다 (그룹 설정, 그대로 둡니다)",
                "Share group " + escape(group) + " has share.auto.offset.reset=" + reset + " (the group's setting, left as it is)");
    }

    /** When the group's start could not be set (no rights, an old broker): what that means. */
    public String startNotSet(String group, String reason) {
        return pick("공유 그룹 " + escape(group) + "의 시작 위치를 설정하지 못했습니다 (" + reason
                        + "): Kafka의 기본값(latest)대로 지금 이후의 메시지만 읽습니다",
                "Could not set share group " + escape(group) + "'s start (" + reason
                        + "): it reads from Kafka's default (latest), only what arrives from now on");
    }

    /** A value that is no event: rejected, so the broker archives it and gives it to no member again. */
    public String rejected(int partition, long offset, String reason, String excerpt) {
        return skipped(partition, offset, reason, excerpt)
                + pick(" (거부됨: 브로커가 보관 처리하고 다시 전달하지 않습니다)", " (rejected: the broker archives it and delivers it to no one again)");
    }

    /** Lines that could not be written: their records go back to the group for another member. */
    public String released(int records) {
        return pick("출력하지 못한 메시지 " + records + "개를 놓아주었습니다: 그룹의 다른 멤버(또는 다음 실행)가 받습니다",
                records + " record" + (records == 1 ? "" : "s") + " not written, released: another member of the group (or the next run) gets them");
    }

    /** The broker did not take an acknowledgement: those records come back, so their lines may print twice. */
    public String acknowledgementFailed(String partitions, String reason) {
        return pick("확인이 반영되지 않았습니다 (" + partitions + ": " + reason + "): 해당 메시지는 다시 전달될 수 있습니다",
                "Acknowledgement not taken (" + partitions + ": " + reason + "): those records may be delivered again");
    }

    /** At the start: the share group reads, and how long a member holds what it got. */
    public String joined(String group, String topic, Duration lock) {
        String held = lock == null ? "" : pick(", 획득 잠금 " + lock.toMillis() / 1000 + "초", ", acquisition lock " + lock.toMillis() / 1000 + " s");
        return pick("공유 그룹 " + escape(group) + "의 멤버로 " + escape(topic) + "을(를) 읽습니다 (큐: 멤버들이 파티션을 나누지 않고 메시지를 나눕니다" + held + ")",
                "Reading " + escape(topic) + " as a member of share group " + escape(group)
                        + " (a queue: members share records, not partitions" + held + ")");
    }

    /** The summary, with what was rejected and released. */
    public String summary(long read, long rejected, long released) {
        return pick("컨슈머 종료 - 처리한 메시지: " + read + ", 거부한 메시지: " + rejected + ", 놓아준 메시지: " + released,
                "Consumer stopped - processed: " + read + ", rejected: " + rejected + ", released: " + released);
    }
}

package dev.kafkatutorial.useractivity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fault scenario ends with, counted by event id: produced, acknowledged, consumed (every read, repeats
 * included), lost (acknowledged but never read) and duplicated (reads beyond the first of an id). Printed on
 * stdout as one line per scenario, so the build log carries the numbers the README quotes.
 */
record Figures(String scenario, long produced, long acknowledged, long consumed, long distinct, long lost,
               long duplicated) {

    private static final String SENT = "메시지 전송 성공";
    private static final Pattern SUMMARY = Pattern.compile("전송: (\\d+), 성공: (\\d+), 실패: (\\d+)");

    /** Counts the ids read against what the producer says it sent and had acknowledged. */
    static Figures count(String scenario, long produced, long acknowledged, Collection<String> idsRead) {
        Set<String> distinct = new HashSet<>(idsRead);
        Figures figures = new Figures(scenario, produced, acknowledged, idsRead.size(), distinct.size(),
                Math.max(0, acknowledged - distinct.size()), idsRead.size() - distinct.size());
        System.out.println(figures);
        return figures;
    }

    /** The producer's summary line, {@code 프로듀서 종료 - 전송: S, 성공: A, 실패: F}, as {S, A, F}. */
    static long[] producerSummary(String err) {
        Matcher m = SUMMARY.matcher(err);
        if (!m.find()) {
            throw new AssertionError("no producer summary in:\n" + err);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /** How many {@code 메시지 전송 성공} lines the producer has printed so far. */
    static long acknowledgedSoFar(String producerOut) {
        long count = 0;
        for (int at = producerOut.indexOf(SENT); at >= 0; at = producerOut.indexOf(SENT, at + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return "FIGURES " + scenario + ": produced " + produced + ", acknowledged " + acknowledged + ", consumed "
                + consumed + " (distinct " + distinct + "), lost " + lost + ", duplicated " + duplicated;
    }
}

package dev.kafkatutorial.useractivity.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The lab's result: a text table, or one JSON object per row, each row what was measured. */
final class DurabilityTable {

    /** One row: its settings, and what happened to its events, counted by event id. */
    record Row(Settings settings, long acked, long failed, long lost, long duplicated) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "%-4s  %-19s  %-7s  %8s  %8s  %8s  %10s";
    private static final String ROW = "%-4s  %-19d  %-7s  %8d  %8d  %8d  %10d";

    private DurabilityTable() {
    }

    static void text(List<Row> rows, int events, Duration took, LabLines lines, PrintStream out) {
        out.println(lines.tableTitle(events, took));
        out.println(String.format(Locale.ROOT, HEADER, lines.tableHeader().toArray()));
        for (Row row : rows) {
            out.println(String.format(Locale.ROOT, ROW,
                    row.settings().acks(), row.settings().minInsyncReplicas(),
                    row.settings().uncleanLeaderElection() ? "on" : "off",
                    row.acked(), row.failed(), row.lost(), row.duplicated()));
        }
        out.println(lines.tableNote());
    }

    static void json(List<Row> rows, PrintStream out) throws Exception {
        for (Row row : rows) {
            out.println(JSON.writeValueAsString(json(row)));
        }
    }

    static ObjectNode json(Row row) {
        return JSON.createObjectNode()
                .put("acks", row.settings().acks())
                .put("min_insync_replicas", row.settings().minInsyncReplicas())
                .put("unclean_leader_election", row.settings().uncleanLeaderElection())
                .put("acked", row.acked())
                .put("failed", row.failed())
                .put("lost", row.lost())
                .put("duplicated", row.duplicated());
    }
}

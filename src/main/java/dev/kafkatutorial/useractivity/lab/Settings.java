package dev.kafkatutorial.useractivity.lab;

import java.util.ArrayList;
import java.util.List;

/** One row of the durability table: the producer's acks, the topic's min.insync.replicas and unclean election. */
public record Settings(String acks, int minInsyncReplicas, boolean uncleanLeaderElection) {

    /** Every combination asked for, in the table's order: acks, then min.insync.replicas, then unclean off, on. */
    static List<Settings> all(List<String> acks, List<Integer> minInsync, List<Boolean> unclean) {
        List<Settings> rows = new ArrayList<>();
        for (String a : acks) {
            for (int m : minInsync) {
                for (boolean u : unclean) {
                    rows.add(new Settings(a, m, u));
                }
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "acks=" + acks + ", min.insync.replicas=" + minInsyncReplicas + ", unclean.leader.election.enable="
                + uncleanLeaderElection;
    }
}

package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.cli.Cli;
import java.util.Arrays;

/** {@code lab NAME [options]}: the experiments that measure Kafka on a real broker and print a table. */
public final class Labs {

    static final String USAGE = """
            Usage: java -jar user-activity-kafka.jar lab durability|rebalance|queue [options]
              durability  three brokers of its own, leaders killed mid-stream: what acks, min.insync.replicas and unclean leader election keep
              rebalance   members join a group one by one and one is killed: classic (eager, cooperative) vs consumer protocol
              queue       three classic members against three share-group members on one partition
            Run 'lab NAME --help' for a lab's options.""";

    private Labs() {
    }

    public static void main(String[] args) {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "durability" -> DurabilityLab.main(rest);
            case "rebalance" -> RebalanceLab.main(rest);
            case "queue" -> QueueLab.main(rest);
            case "-h", "--help" -> System.out.println(USAGE);
            default -> {
                System.err.println(name.isEmpty() ? "lab: say which lab to run: durability, rebalance or queue (see lab --help)"
                        : "lab: unknown lab '" + name + "': use durability, rebalance or queue (see lab --help)");
                System.exit(Cli.USAGE);
            }
        }
    }
}

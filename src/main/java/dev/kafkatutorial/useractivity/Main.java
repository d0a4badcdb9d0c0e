package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.Version;
import dev.kafkatutorial.useractivity.doctor.Doctor;
import dev.kafkatutorial.useractivity.lab.Labs;
import dev.kafkatutorial.useractivity.web.Web;
import java.io.IOException;
import java.util.Arrays;

/** The runnable jar's entry point: {@code java -jar user-activity-kafka.jar producer|consumer|processor [options]}. */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar user-activity-kafka.jar producer|consumer|processor|doctor|lab|web [options]
              producer   send a random user-activity event every 5 s (the tutorial's producer_example.py)
              consumer   print each event as it arrives (the tutorial's consumer_example.py)
              processor  pass each event on to user_activity_messages with its sentence, exactly once
              doctor     check the broker, the topic and a group (--group): ok / warning / problem, and what to do
              lab        experiments on the real broker that print a table: lab durability, rebalance, queue (lab --help)
              web        a live page of the topics, groups and rebalances at http://127.0.0.1:8080/ (--port)
            Run 'producer --help', 'consumer --help' or 'processor --help' ('doctor --help', 'web --help', 'lab --help') for their options, '--version' for the versions.""";

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        String program = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (program) {
            case "producer" -> UserActivityProducer.main(rest);
            case "consumer" -> UserActivityConsumer.main(rest);
            case "processor" -> UserActivityProcessor.main(rest);
            case "doctor" -> Doctor.main(rest);
            case "lab" -> Labs.main(rest);
            case "web" -> Web.main(rest);
            case "-h", "--help" -> System.out.println(USAGE);
            case "-V", "--version" -> System.out.println(new Version().getVersion()[0]);
            default -> {
                System.err.println(program.isEmpty()
                        ? "user-activity-kafka: say which program to run: producer, consumer, processor, doctor or web (see --help)"
                        : "user-activity-kafka: unknown program '" + program + "': use producer, consumer, processor, doctor or web (see --help)");
                System.exit(Cli.USAGE);
            }
        }
    }
}

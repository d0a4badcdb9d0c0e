package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.producer.ProducerOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * {@code mvn -q test-compile exec:java@demo}: the whole tutorial in one process. Starts the local broker on
 * localhost:9092 (or uses the broker already there), then the consumer and the producer, which print their
 * tutorial lines until Ctrl+C or {@code --max-messages}. Takes the producer's options.
 */
public final class TutorialDemo {

    private TutorialDemo() {
    }

    public static void main(String[] args) {
        PrintStream out = Cli.stdout(true);
        PrintStream err = Cli.stderr();
        ProducerOptions producerOptions = new ProducerOptions();
        System.exit(Cli.execute(producerOptions, args, out, err, () -> {
            String bootstrap = producerOptions.client().bootstrapServers();
            LocalKafkaBroker broker = null;
            if (bootstrap.equals("localhost:9092") && LocalKafkaBroker.isFree(9092)) {
                broker = LocalKafkaBroker.start(9092, Path.of("target", "local-kafka"));
                err.println("Local Kafka broker started on " + broker.bootstrapServers() + " (data: " + broker.dataDir() + ")");
            } else {
                err.println("Using the broker at " + bootstrap);
            }
            return runBoth(producerOptions, broker, out, err);
        }));
    }

    /** Runs consumer and producer until both end; Ctrl+C stops both, then the broker (if this process started it). */
    private static int runBoth(ProducerOptions producerOptions, LocalKafkaBroker broker, PrintStream out,
                               PrintStream err) throws Exception {
        ConsumerOptions consumerOptions = new ConsumerOptions();
        List<String> consumerArgs = new ArrayList<>(List.of(
                "--bootstrap-server", producerOptions.client().bootstrapServers(),
                "--topic", producerOptions.client().topic(),
                "--lang", producerOptions.client().language().name()));
        if (producerOptions.maxMessages() != Long.MAX_VALUE) {
            consumerArgs.addAll(List.of("--max-messages", String.valueOf(producerOptions.maxMessages())));
        }
        new CommandLine(consumerOptions).parseArgs(consumerArgs.toArray(String[]::new));

        UserActivityConsumer consumer = UserActivityConsumer.create(consumerOptions, out, err);
        UserActivityProducer producer = UserActivityProducer.create(producerOptions, out, err);
        CompletableFuture<Integer> consuming = CompletableFuture.supplyAsync(consumer::run,
                runnable -> new Thread(runnable, "consumer").start());
        return Cli.runUntilStopped(() -> {
            try {
                int produced = producer.run();
                return Math.max(produced, consuming.get());
            } finally {
                if (broker != null) {
                    broker.stop();
                }
            }
        }, () -> {
            producer.stop();
            consumer.stop();
        }, Duration.ofSeconds(30));
    }

}

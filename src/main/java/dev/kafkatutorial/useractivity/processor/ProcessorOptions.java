package dev.kafkatutorial.useractivity.processor;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.NameConverters;
import dev.kafkatutorial.useractivity.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code user-activity-processor} options. Parsing only: the program reads these and wires itself up. */
@Command(name = "user-activity-processor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Reads user-activity events (--topic) and writes each, with its sentence added as \"message\", "
                + "to --output-topic, exactly once: each poll's output and input offsets commit in one transaction.")
public final class ProcessorOptions implements Cli.Validated {

    static final String DEFAULT_OUTPUT_TOPIC = "user_activity_messages";
    static final String DEFAULT_GROUP = "user_activity_processor";

    @Mixin
    ClientOptions client = new ClientOptions().sameAs("group.id", "--group").sameAs("transactional.id", "--transactional-id");

    @Option(names = "--output-topic", paramLabel = "TOPIC", defaultValue = DEFAULT_OUTPUT_TOPIC,
            converter = NameConverters.TopicName.class,
            description = "Topic to write to. Default: ${DEFAULT-VALUE}")
    String outputTopic;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = DEFAULT_GROUP,
            converter = NameConverters.GroupName.class,
            description = "Consumer group, whose offsets commit inside the transactions. Default: ${DEFAULT-VALUE}")
    String group;

    @Option(names = "--transactional-id", paramLabel = "ID", converter = TransactionalIdName.class,
            description = "The producer's transactional.id. A restart with the same id aborts what a crashed run "
                    + "left open; a second running processor needs an id of its own. Default: GROUP-TOPIC")
    String transactionalId;

    /** Refuses what parses but cannot work: a processor that reads its own output would loop for ever. */
    @Override
    public void validate() {
        if (outputTopic.equals(client.topic())) {
            throw new IllegalArgumentException("--output-topic must differ from --topic (" + outputTopic
                    + "): the processor would read each record it writes again, for ever");
        }
    }

    /** Kafka refuses an empty transactional.id only once the producer asks its broker for one. */
    static final class TransactionalIdName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("the transactional id is empty");
            }
            return value;
        }
    }

    /** The input topic ({@code --topic}, default {@code user_activity}). */
    public ClientOptions client() {
        return client;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public String group() {
        return group;
    }

    /** {@code --transactional-id}, else one derived from the group and the input topic, the same on every restart. */
    public String transactionalId() {
        return transactionalId != null ? transactionalId : group + "-" + client.topic();
    }
}

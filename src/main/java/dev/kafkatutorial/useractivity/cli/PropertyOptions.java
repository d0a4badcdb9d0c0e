package dev.kafkatutorial.useractivity.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The program's options that a client property sets too: {@code group.id} is {@code --group}, {@code
 * transactional.id} is {@code --transactional-id}. The user's properties win over what a program puts in its
 * client's configuration, so without this a property silently beat its option: the client joined {@code
 * group.id=gB} while every check and line went by {@code --group gA}, and {@code group.id} with {@code
 * --partition} slipped past the check that refuses {@code --group} with it. kafka-console-consumer treats
 * {@code group.id} so; here every such pair is one setting, decided at parse time:
 *
 * <ul>
 * <li>given in several places (the option, {@code --command-config}, the program's property option,
 * {@code --command-property}) with different values: the command line is refused, naming two of them;
 * <li>given only as a property: the option takes its value, so each check and line that reads the option sees it.
 * </ul>
 *
 * A String option's property must not be blank, an enum option's must name one of its values, a flag's must be
 * {@code true} or {@code false}.
 */
final class PropertyOptions {

    private record Pair(String property, String option, boolean flagMeansFalse) {
    }

    private final List<Pair> pairs = new ArrayList<>();
    /** Each option whose value came from a property, with the property as the user wrote it. */
    private final Map<String, String> fromProperty = new HashMap<>();

    void add(String property, String option, boolean flagMeansFalse) {
        pairs.add(new Pair(property, option, flagMeansFalse));
    }

    /** {@code option}'s property as the user wrote it, if the option's value came from it; else {@code null}. */
    String fromProperty(String option) {
        return fromProperty.get(option);
    }

    /**
     * Checks every pair on the parsed {@code command}. {@code sources} gives each place a property was given, as
     * (where, value), lowest precedence first.
     */
    void reconcile(CommandSpec command, Function<String, List<Map.Entry<String, String>>> sources) {
        for (Pair pair : pairs) {
            OptionSpec option = command.findOption(pair.option());
            boolean onCommandLine = command.commandLine().getParseResult().hasMatchedOption(option);
            Object agreed = onCommandLine ? option.getValue() : null;
            String agreedAs = onCommandLine ? pair.option() + (option.typeInfo().isBoolean() ? ""
                    : " " + Lines.escape(String.valueOf(agreed))) : null;
            for (Map.Entry<String, String> given : sources.apply(pair.property())) {
                String as = pair.property() + "=" + Lines.escape(given.getValue()) + " (" + given.getKey() + ")";
                Object value = optionValue(pair, option, given.getValue(), as);
                if (agreed == null) {
                    agreed = value;
                    agreedAs = as;
                    fromProperty.put(pair.option(), as);
                } else if (!agreed.equals(value)) {
                    String first = agreedAs;
                    throw new Localized.Refusal(language -> new UsageLines(language).contradiction(first, as));
                }
            }
            if (!onCommandLine && agreed != null) {
                option.setValue(agreed);
            }
        }
    }

    /** A property's value as the option's: a String as it is, an enum's constant, a flag's opposite of a boolean. */
    private static Object optionValue(Pair pair, OptionSpec option, String value, String as) {
        if (pair.flagMeansFalse()) {
            String flag = value.trim();
            if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
                throw new Localized.Refusal(language -> new UsageLines(language).notOneOf(as, "true, false"));
            }
            return !Boolean.parseBoolean(flag);
        }
        if (option.type().isEnum()) {
            Object[] constants = option.type().getEnumConstants();
            for (Object constant : constants) {
                if (constant.toString().equalsIgnoreCase(value.trim())) { // as Kafka's own check of these values
                    return constant;
                }
            }
            String allowed = String.join(", ", Arrays.stream(constants).map(String::valueOf).toList());
            throw new Localized.Refusal(language -> new UsageLines(language).notOneOf(as, allowed));
        }
        if (value.isBlank()) {
            throw new Localized.Refusal(language -> new UsageLines(language).emptyValue(as));
        }
        return value;
    }
}

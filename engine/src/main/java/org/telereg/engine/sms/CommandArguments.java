package org.telereg.engine.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of the command-line entry points. */
final class CommandArguments {

    private final Map<String, List<String>> values;

    private CommandArguments(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}; every option takes a value.
     *
     * @param required options that must appear exactly once
     * @param optional options that may appear once
     * @param repeatable options that may appear any number of times
     * @throws IllegalArgumentException saying what is wrong
     */
    static CommandArguments parse(
            List<String> args, List<String> required, List<String> optional, List<String> repeatable) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!required.contains(name) && !optional.contains(name) && !repeatable.contains(name)) {
                throw new IllegalArgumentException("Unknown argument: " + name);
            }
            if (i + 1 == args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !repeatable.contains(name)) {
                throw new IllegalArgumentException(name + " given twice");
            }
            list.add(args.get(++i));
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Missing " + name);
            }
        }
        return new CommandArguments(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String one(String name) {
        return values.get(name).get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}

package org.telereg.engine.fraud;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value}, {@code --name=value} and {@code --flag} arguments of a command. */
final class Options {

    private final String command;
    private final Map<String, String> values = new HashMap<>();

    private Options(String command) {
        this.command = command;
    }

    /**
     * @param valued options that take a value
     * @param flags options that take none
     * @throws UsageException on an unknown option, a missing value or a positional argument
     */
    static Options parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Options options = new Options(command);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return options;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name) {
        return values.get(name);
    }

    Path path(String name) {
        String value = values.get(name);
        return value == null ? null : Path.of(value);
    }

    Path requiredPath(String name) {
        Path path = path(name);
        if (path == null) {
            throw new UsageException(command + " needs --" + name);
        }
        return path;
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, found '" + value + "'");
        }
    }

    long longInteger(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, found '" + value + "'");
        }
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, found '" + value + "'");
        }
    }

    /** A wrong command line: exit code 2 and the usage text. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

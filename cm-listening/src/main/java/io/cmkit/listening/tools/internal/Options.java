package io.cmkit.listening.tools.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Options of the form {@code --name value}; an unknown name, a missing value or a bad number is a clear error. */
public final class Options {

    private final String command;
    private final Map<String, String> given = new LinkedHashMap<>();

    /** Parses {@code args} against the option names this command accepts. */
    public static Options parse(String command, String[] args, List<String> accepted) {
        Options options = new Options(command);
        int i = 0;
        while (i < args.length) {
            String flag = args[i];
            if (!flag.startsWith("--") || !accepted.contains(flag.substring(2))) {
                throw new IllegalArgumentException(command + ": argument " + (i + 1) + " '" + flag
                        + "' is not an option; options: --" + String.join(", --", accepted));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(command + ": option " + flag + " needs a value");
            }
            options.given.put(flag.substring(2), args[i + 1]);
            i += 2;
        }
        return options;
    }

    private Options(String command) {
        this.command = command;
    }

    public String required(String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException(command + ": option --" + name + " is required");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(given.get(name));
    }

    public long longValue(String name, long fallback) {
        String value = given.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + ": option --" + name + " must be a whole number, got '" + value + "'");
        }
    }

    public double doubleValue(String name, double fallback) {
        String value = given.get(name);
        try {
            double parsed = value == null ? fallback : Double.parseDouble(value.strip());
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(command + ": option --" + name + " must be a number, got '" + value + "'");
    }
}

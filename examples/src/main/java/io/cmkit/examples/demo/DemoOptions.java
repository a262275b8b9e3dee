package io.cmkit.examples.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo's command line.
 *
 * @param language the language of everything the demo prints ({@code --lang fr|en})
 * @param brandKit a brand kit file to load instead of the bundled French one ({@code --brand-kit FILE})
 * @param seed the seed of the simulated audience ({@code --seed N})
 * @param days how many simulated days to run after publishing ({@code --days N}, 1 to 31)
 */
public record DemoOptions(Locale language, Optional<Path> brandKit, long seed, int days) {

    static final String USAGE = """
            usage: Demo [--lang fr|en] [--brand-kit FILE] [--seed N] [--days N]
              --lang       language of the output: fr (default) or en
              --brand-kit  a brand kit YAML file (default: the bundled cafe-lumiere.fr.yaml)
              --seed       seed of the simulated audience (default 42); the same seed gives the same run
              --days       simulated days after publishing, 1 to 31 (default 3)""";

    public DemoOptions {
        if (days < 1 || days > 31) {
            throw new IllegalArgumentException("--days must be between 1 and 31 (got " + days + ")");
        }
    }

    /** The defaults: French, the bundled kit, seed 42, three days. */
    public static DemoOptions defaults() {
        return new DemoOptions(Locale.FRENCH, Optional.empty(), 42, 3);
    }

    /**
     * Reads the arguments; a bad one throws {@link IllegalArgumentException} naming the option,
     * the value and what was expected.
     */
    public static DemoOptions parse(String... args) {
        DemoOptions options = defaults();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (option.isBlank()) {
                continue;
            }
            switch (option) {
                case "--lang" -> {
                    String value = value(option, rest).toLowerCase(Locale.ROOT);
                    if (!value.equals("fr") && !value.equals("en")) {
                        throw new IllegalArgumentException("--lang must be 'fr' or 'en' (got '" + value + "')");
                    }
                    options = new DemoOptions(Locale.forLanguageTag(value), options.brandKit, options.seed, options.days);
                }
                case "--brand-kit" -> options = new DemoOptions(options.language,
                        Optional.of(Path.of(value(option, rest))), options.seed, options.days);
                case "--seed" -> options = new DemoOptions(options.language, options.brandKit,
                        number(option, value(option, rest)), options.days);
                case "--days" -> options = new DemoOptions(options.language, options.brandKit, options.seed,
                        (int) number(option, value(option, rest)));
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        return options;
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number (got '" + value + "')");
        }
    }
}

package io.cmkit.examples.demo;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's command line.
 *
 * @param language the language of everything the demo prints and writes ({@code --lang fr|en})
 * @param brandKit a brand kit file to load instead of the bundled French one ({@code --brand-kit FILE})
 * @param seed the seed of the simulation ({@code --seed N}); the same seed gives the same summary
 * @param days how many days of the week to simulate ({@code --days N}, 1 to 7)
 * @param out the folder the dashboard, the calendar and the store go to ({@code --out DIR})
 * @param store a JDBC URL for the schedule store instead of the embedded H2 file ({@code --store URL})
 * @param bluesky a real Bluesky PDS to publish the week's Bluesky posts to ({@code --bluesky URL HANDLE PASSWORD})
 * @param start the week's first day ({@code --start YYYY-MM-DD}); empty: chosen from the brand kit's objectives
 */
public record DemoOptions(Locale language, Optional<Path> brandKit, long seed, int days, Path out,
                          Optional<String> store, Optional<BlueskyTarget> bluesky, Optional<LocalDate> start) {

    /** Where the demo writes when {@code --out} is not given, relative to the working directory. */
    static final Path DEFAULT_OUT = Path.of("target", "cmkit-demo");

    static final String USAGE = """
            usage: Demo [--lang fr|en] [--brand-kit FILE] [--seed N] [--days N] [--out DIR]
                        [--start YYYY-MM-DD] [--store JDBC_URL] [--bluesky PDS_URL HANDLE APP_PASSWORD]
              --lang       language of the output and of the dashboard: fr (default) or en
              --brand-kit  a brand kit YAML file (default: the bundled cafe-lumiere.fr.yaml)
              --seed       seed of the simulation (default 42); the same seed gives the same summary
              --days       days of the week to simulate, 1 to 7 (default 7)
              --start      the week's first day (default: the first Monday at least 4 weeks after the
                           start of the latest-starting objective period, so the objectives have data)
              --out        folder for the dashboard, the calendar and the H2 store (default target/cmkit-demo)
              --store      a JDBC URL for the schedule store, e.g. jdbc:postgresql://localhost/cmkit?user=me&password=...
                           (default: an H2 file in the --out folder)
              --bluesky    publish the week's Bluesky posts to a real PDS, e.g. --bluesky http://localhost:2583 alice.test app-password""";

    /** A real Bluesky PDS and the account to publish with; the password never shows in {@link #toString()}. */
    public record BlueskyTarget(URI pds, String handle, String password) {
        public BlueskyTarget {
            Objects.requireNonNull(pds, "pds");
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "BlueskyTarget[" + pds + ", " + handle + ", password ***]";
        }
    }

    public DemoOptions {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(brandKit, "brandKit");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bluesky, "bluesky");
        Objects.requireNonNull(start, "start");
        if (days < 1 || days > 7) {
            throw new IllegalArgumentException("--days must be between 1 and 7 (got " + days + ")");
        }
    }

    /** The defaults: French, the bundled kit, seed 42, the whole week, target/cmkit-demo, H2, the sandbox. */
    public static DemoOptions defaults() {
        return new DemoOptions(Locale.FRENCH, Optional.empty(), 42, 7, DEFAULT_OUT, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Whether the output is French. */
    public boolean french() {
        return language.getLanguage().equals("fr");
    }

    /**
     * Reads the arguments; a bad one throws {@link IllegalArgumentException} naming the option,
     * the value and what was expected.
     */
    public static DemoOptions parse(String... args) {
        Locale language = Locale.FRENCH;
        Optional<Path> brandKit = Optional.empty();
        long seed = 42;
        int days = 7;
        Path out = DEFAULT_OUT;
        Optional<String> store = Optional.empty();
        Optional<BlueskyTarget> bluesky = Optional.empty();
        Optional<LocalDate> start = Optional.empty();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (!arg.isBlank()) {   // an empty -Ddemo.args gives one empty argument
                rest.add(arg.strip());
            }
        }
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--lang" -> {
                    String value = value(option, rest).toLowerCase(Locale.ROOT);
                    if (!value.equals("fr") && !value.equals("en")) {
                        throw new IllegalArgumentException("--lang must be 'fr' or 'en' (got '" + value + "')");
                    }
                    language = Locale.forLanguageTag(value);
                }
                case "--brand-kit" -> brandKit = Optional.of(Path.of(value(option, rest)));
                case "--seed" -> seed = number(option, value(option, rest));
                case "--days" -> days = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(option, value(option, rest))));
                case "--start" -> start = Optional.of(date(option, value(option, rest)));
                case "--out" -> out = Path.of(value(option, rest));
                case "--store" -> {
                    String url = value(option, rest);
                    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                        throw new IllegalArgumentException("--store takes a jdbc:postgresql:... or jdbc:h2:... URL (got '"
                                + url.replaceAll("password=[^&;]*", "password=***") + "')");
                    }
                    store = Optional.of(url);
                }
                case "--bluesky" -> {
                    String url = value(option + " (PDS URL)", rest);
                    String handle = value(option + " (handle, after the PDS URL)", rest);
                    String password = value(option + " (app password, after the handle)", rest);
                    bluesky = Optional.of(new BlueskyTarget(uri(url), handle, password));
                }
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        return new DemoOptions(language, brandKit, seed, days, out, store, bluesky, start);
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--bluesky takes an http(s) PDS URL first (got '" + value + "')");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--bluesky takes an http(s) PDS URL first (got '" + value + "': "
                    + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a date as YYYY-MM-DD (got '" + value + "', unreadable at index "
                    + e.getErrorIndex() + ")");
        }
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number (got '" + value + "')");
        }
    }
}

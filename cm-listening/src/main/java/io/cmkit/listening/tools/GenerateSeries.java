package io.cmkit.listening.tools;

import io.cmkit.listening.tools.internal.Options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic seasonal series ({@link SyntheticSeries.Spec#defaults(long)}, base level
 * and noise adjustable) as a {@code timestamp,value} CSV for {@link DetectSpikes}, and its planted
 * spikes as a second CSV ({@code start,buckets,size,extra}).
 *
 * <p>Options: {@code --out FILE --planted FILE [--seed 1] [--level 40] [--noise 0.15]}.
 */
public final class GenerateSeries {

    private GenerateSeries() {
    }

    public static void main(String[] args) throws IOException {
        try {
            Options options = Options.parse("GenerateSeries", args, List.of("out", "planted", "seed", "level", "noise"));
            SyntheticSeries.Spec spec = SyntheticSeries.Spec.defaults(options.longValue("seed", 1))
                    .withLevel(options.doubleValue("level", 40), options.doubleValue("noise", 0.15));
            SyntheticSeries.Series series = SyntheticSeries.generate(spec);
            StringBuilder csv = new StringBuilder("timestamp,value\n");
            series.points().forEach(p -> csv.append(p.at()).append(',').append(p.value()).append('\n'));
            StringBuilder planted = new StringBuilder("start,buckets,size,extra\n");
            series.spikes().forEach(s -> planted.append(String.format(Locale.ROOT, "%s,%d,%.2f,%d%n",
                    s.start(), s.buckets(), s.size(), s.extra())));
            Files.writeString(Path.of(options.required("out")), csv, StandardCharsets.UTF_8);
            Files.writeString(Path.of(options.required("planted")), planted, StandardCharsets.UTF_8);
            System.out.println("wrote " + series.points().size() + " buckets and " + series.spikes().size() + " planted spikes");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}

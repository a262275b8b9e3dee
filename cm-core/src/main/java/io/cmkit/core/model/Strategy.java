package io.cmkit.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A brand's whole social media strategy: who it speaks for, what it aims at, whom it addresses,
 * how it speaks. A brand kit file loads into one of these.
 *
 * @param brand the brand and its accounts
 * @param objectives business objectives with KPI targets; ids unique
 * @param audiences target audiences; names unique
 * @param editorialLine tone, pillars, cadence; every cadence is for a platform the brand has an account on
 */
public record Strategy(Brand brand, List<Objective> objectives, List<Audience> audiences, EditorialLine editorialLine) {

    public Strategy {
        Checks.present("Strategy", "brand", brand);
        objectives = Checks.list("Strategy", "objectives", objectives);
        Checks.unique("Strategy", "objectives", objectives, Objective::id, "objective id");
        audiences = Checks.list("Strategy", "audiences", audiences);
        Checks.unique("Strategy", "audiences", audiences, a -> a.name().toLowerCase(Locale.ROOT), "audience");
        Checks.present("Strategy", "editorialLine", editorialLine);
        List<PostingCadence> cadences = editorialLine.cadences();
        for (int i = 0; i < cadences.size(); i++) {
            Platform platform = cadences.get(i).platform();
            if (brand.accountOn(platform).isEmpty()) {
                throw new InvalidModelException("Strategy", "editorialLine.cadences[" + i + "]",
                        "is for " + platform.displayName() + " but brand '" + brand.id() + "' has no account there");
            }
        }
        for (int o = 0; o < objectives.size(); o++) {
            List<KpiTarget> targets = objectives.get(o).targets();
            for (int t = 0; t < targets.size(); t++) {
                Optional<Platform> platform = targets.get(t).platform();
                if (platform.isPresent() && brand.accountOn(platform.get()).isEmpty()) {
                    throw new InvalidModelException("Strategy", "objectives[" + o + "].targets[" + t + "].platform",
                            "is " + platform.get().displayName() + " but brand '" + brand.id() + "' has no account there");
                }
            }
        }
    }

    /** The objective with this id. */
    public Optional<Objective> objective(String id) {
        return objectives.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}

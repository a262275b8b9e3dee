package io.cmkit.core.strategy;

import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.internal.FitScorer;
import io.cmkit.core.strategy.internal.Wording;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks platforms by how well they fit a strategy's audiences, and explains every score.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PlatformRanking ranking = new PlatformFit(PlatformReference.defaults()).rank(strategy);
 * for (PlatformScore s : ranking.scores()) {
 *     System.out.println(s.platform().displayName() + " " + Math.round(s.score()));
 *     s.reasons().forEach(r -> System.out.println("  " + r.explanation()));
 * }
 * ranking.excluded().forEach(e -> System.out.println(e.platform() + ": " + e.reason()));
 * }</pre>
 *
 * <h2>Method</h2>
 * For one audience and one platform, each factor is a fit from 0 to 1:
 * <ul>
 *   <li><b>age</b>: the audience is spread evenly over the years of its age ranges (an open-ended
 *   range such as 65+ counting up to 79), so each of the reference's bands holds a share of it,
 *   by {@link io.cmkit.core.model.AgeRange#overlapYears overlapping years}. In each band, the
 *   platform's index is its share of users there divided by the reference population's share;
 *   the band's fit is that index divided by 2, at most 1 (a platform with twice the population's
 *   share of a band fits it fully). The age fit is the mean of the bands' fits weighted by the
 *   audience's share in them.</li>
 *   <li><b>country</b>: the mean, over the audience's countries, of the platform's penetration
 *   there (the table's default row for countries it does not list).</li>
 *   <li><b>interest</b> and <b>behaviour</b>: the mean, over the audience's tags, of the
 *   platform's affinity with each (0 to 100, read as 0 to 1).</li>
 * </ul>
 * The audience's fit is the mean of its factors weighted by {@link FitWeights}, over the factors
 * that have data; the platform's score is the mean of its audiences' fits weighted by
 * {@link io.cmkit.core.model.Audience#weight()}, times 100. A fact with no data (an interest the
 * table does not know, a country without a figure and no default row, an audience that says
 * nothing the table covers) is left out and reported in {@link PlatformScore#leftOut()}; it is
 * never counted as zero. Each fact's share of the score is one {@link FitReason}, so a score's
 * reasons add up to it. Equal scores are ordered by platform id.
 *
 * <p>Explanations are in English, or in French when the locale's language is French: by default
 * the brand's {@link io.cmkit.core.model.Brand#defaultLanguage()}, or the one given to
 * {@link #explainingIn(Locale)}.
 */
public final class PlatformFit {

    private final PlatformReference reference;
    private final FitWeights weights;
    private final Optional<Locale> locale;

    /** Platform fit against a reference with the {@link FitWeights#defaults() default weights}. */
    public PlatformFit(PlatformReference reference) {
        this(reference, FitWeights.defaults());
    }

    /** Platform fit against a reference with the given factor weights. */
    public PlatformFit(PlatformReference reference, FitWeights weights) {
        this(reference, weights, Optional.empty());
    }

    private PlatformFit(PlatformReference reference, FitWeights weights, Optional<Locale> locale) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.locale = locale;
    }

    /** The same platform fit, explaining in this locale's language rather than the brand's. */
    public PlatformFit explainingIn(Locale locale) {
        return new PlatformFit(reference, weights, Optional.of(Objects.requireNonNull(locale, "locale")));
    }

    /** The reference this compares audiences with. */
    public PlatformReference reference() {
        return reference;
    }

    /** The factor weights. */
    public FitWeights weights() {
        return weights;
    }

    /**
     * Ranks the reference's platforms and the platforms the brand has accounts on; those of the
     * brand's platforms that the reference lacks are {@linkplain PlatformRanking#excluded() excluded}
     * with the reason.
     */
    public PlatformRanking rank(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        Set<Platform> candidates = new LinkedHashSet<>(reference.platforms());
        candidates.addAll(strategy.brand().platforms());
        return rank(strategy, candidates);
    }

    /**
     * Ranks these candidates only; a candidate the reference lacks is
     * {@linkplain PlatformRanking#excluded() excluded} with the reason, never scored 0.
     */
    public PlatformRanking rank(Strategy strategy, Collection<Platform> candidates) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(candidates, "candidates");
        for (Platform candidate : candidates) {
            Objects.requireNonNull(candidate, "candidates must not contain null");
        }
        Locale language = locale.orElse(strategy.brand().defaultLanguage());
        return new FitScorer(reference.table(), weights, Wording.forLocale(language)).rank(strategy, candidates);
    }

    @Override
    public String toString() {
        return "PlatformFit[" + reference.sourceName() + ", " + weights + "]";
    }
}

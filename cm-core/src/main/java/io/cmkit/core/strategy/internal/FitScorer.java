package io.cmkit.core.strategy.internal;

import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Audience;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.FitReason;
import io.cmkit.core.strategy.FitReason.Factor;
import io.cmkit.core.strategy.FitWeights;
import io.cmkit.core.strategy.PlatformRanking;
import io.cmkit.core.strategy.PlatformScore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform fit method of {@code docs/platform-fit.md}.
 *
 * <p>For each audience and platform, each factor is a fit from 0 to 1, the mean of its items
 * (age bands weighted by the audience's years in them, countries and tags equally); the
 * audience's fit is the weighted mean of the factors that have data; the platform's score is the
 * weighted mean of its audiences' fits, times 100. Each item's share of that total is one
 * {@link FitReason}, so the reasons add up to the score.
 */
public final class FitScorer {

    /** The oldest age an open-ended band ("65+") is taken to reach when spreading an audience over years. */
    public static final int OLDEST_COUNTED = 79;

    /** The age index (platform share / population share) at which the age fit is full. */
    public static final double FULL_AGE_INDEX = 2.0;

    private final ReferenceTable table;
    private final FitWeights weights;
    private final Wording wording;

    public FitScorer(ReferenceTable table, FitWeights weights, Wording wording) {
        this.table = table;
        this.weights = weights;
        this.wording = wording;
    }

    /** Scores every candidate once; the order of candidates does not matter. */
    public PlatformRanking rank(Strategy strategy, Collection<Platform> candidates) {
        List<PlatformScore> scores = new ArrayList<>();
        List<PlatformRanking.Excluded> excluded = new ArrayList<>();
        for (Platform platform : new TreeSet<>(candidates)) {
            if (!table.platforms().contains(platform)) {
                excluded.add(new PlatformRanking.Excluded(platform, wording.notInReference(platform, table.source())));
            } else if (strategy.audiences().isEmpty()) {
                excluded.add(new PlatformRanking.Excluded(platform, wording.noAudiences()));
            } else {
                PlatformScore score = score(strategy.audiences(), platform);
                if (score == null) {
                    excluded.add(new PlatformRanking.Excluded(platform, wording.nothingComparable(platform)));
                } else {
                    scores.add(score);
                }
            }
        }
        return new PlatformRanking(scores, excluded);
    }

    /** One fact with its share within its factor ({@code share}) and its fit from 0 to 1. */
    private record Item(double share, double fit, String explanation) {
    }

    /** What one audience brings: items per factor that has data, and what was left out. */
    private record AudienceFit(Audience audience, Map<Factor, List<Item>> factors, List<String> leftOut) {

        double factorWeight(FitWeights weights) {
            return factors.keySet().stream().mapToDouble(weights::of).sum();
        }
    }

    private PlatformScore score(List<Audience> audiences, Platform platform) {
        List<AudienceFit> fits = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Audience audience : audiences) {
            AudienceFit fit = fit(audience, platform);
            leftOut.addAll(fit.leftOut());
            if (fit.factorWeight(weights) > 0) {
                fits.add(fit);
            } else {
                leftOut.add(wording.audienceLeftOut(audience.name(), platform));
            }
        }
        double totalAudienceWeight = fits.stream().mapToDouble(f -> f.audience().weight()).sum();
        if (fits.isEmpty()) {
            return null;
        }
        List<FitReason> reasons = new ArrayList<>();
        for (AudienceFit fit : fits) {
            double audienceShare = fit.audience().weight() / totalAudienceWeight;
            double factorWeights = fit.factorWeight(weights);
            fit.factors().forEach((factor, items) -> {
                double factorShare = weights.of(factor) / factorWeights;
                for (Item item : items) {
                    double points = 100 * audienceShare * factorShare * item.share() * item.fit();
                    reasons.add(new FitReason(fit.audience().name(), factor, points, item.explanation()));
                }
            });
        }
        reasons.sort(Comparator.comparingDouble(FitReason::contribution).reversed()); // stable: ties keep order
        double score = 0;
        for (FitReason reason : reasons) {
            score += reason.contribution();
        }
        return new PlatformScore(platform, score, reasons, leftOut);
    }

    private AudienceFit fit(Audience audience, Platform platform) {
        Map<Factor, List<Item>> factors = new EnumMap<>(Factor.class);
        List<String> leftOut = new ArrayList<>();
        if (weights.age() > 0 && !audience.ageRanges().isEmpty()) {
            addIfAny(factors, Factor.AGE, ages(audience, platform, leftOut));
        }
        if (weights.country() > 0 && !audience.countries().isEmpty()) {
            addIfAny(factors, Factor.COUNTRY, countries(audience, platform, leftOut));
        }
        if (weights.interest() > 0) {
            addIfAny(factors, Factor.INTEREST, tags(Factor.INTEREST, audience, audience.interests(), platform, leftOut));
        }
        if (weights.behaviour() > 0) {
            addIfAny(factors, Factor.BEHAVIOUR, tags(Factor.BEHAVIOUR, audience, audience.behaviours(), platform, leftOut));
        }
        return new AudienceFit(audience, factors, leftOut);
    }

    private static void addIfAny(Map<Factor, List<Item>> factors, Factor factor, List<Item> items) {
        if (!items.isEmpty()) {
            factors.put(factor, items);
        }
    }

    private List<Item> ages(Audience audience, Platform platform, List<String> leftOut) {
        List<AgeRange> bands = table.ageBands();
        if (bands.isEmpty() || !table.hasAges(platform)) {
            leftOut.add(wording.noAgeData(audience.name(), platform));
            return List.of();
        }
        BitSet years = new BitSet();
        for (AgeRange range : audience.ageRanges()) {
            int max = range.max() == AgeRange.OPEN_ENDED ? Math.max(range.min(), OLDEST_COUNTED) : range.max();
            years.set(range.min(), max + 1);
        }
        int total = years.cardinality();
        int[] inBand = new int[bands.size()];
        BitSet uncovered = (BitSet) years.clone();
        for (int b = 0; b < bands.size(); b++) {
            AgeRange band = bands.get(b);
            BitSet overlap = (BitSet) years.clone();
            BitSet bandYears = new BitSet();
            bandYears.set(band.min(), band.max() + 1);
            overlap.and(bandYears);
            inBand[b] = overlap.cardinality();
            uncovered.andNot(bandYears);
        }
        int covered = total - uncovered.cardinality();
        if (!uncovered.isEmpty()) {
            leftOut.add(wording.agesOutsideBands(audience.name(), ranges(uncovered)));
        }
        List<Item> items = new ArrayList<>();
        if (covered == 0) {
            return items;
        }
        for (int b = 0; b < bands.size(); b++) {
            if (inBand[b] == 0) {
                continue;
            }
            double platformShare = table.ageShare(platform, b);
            double populationShare = table.population(b);
            double fit = Math.min(1, platformShare / populationShare / FULL_AGE_INDEX);
            String text = wording.age(audience.name(), 100.0 * inBand[b] / total, bands.get(b), platform,
                    platformShare, populationShare);
            items.add(new Item((double) inBand[b] / covered, fit, text));
        }
        return items;
    }

    private static List<AgeRange> ranges(BitSet years) {
        List<AgeRange> out = new ArrayList<>();
        for (int start = years.nextSetBit(0); start >= 0; ) {
            int end = years.nextClearBit(start) - 1;
            out.add(new AgeRange(start, end >= OLDEST_COUNTED ? AgeRange.OPEN_ENDED : end));
            start = years.nextSetBit(end + 1);
        }
        return out;
    }

    private List<Item> countries(Audience audience, Platform platform, List<String> leftOut) {
        record Found(String code, double value, boolean fromDefault) {
        }
        List<Found> found = new ArrayList<>();
        for (String code : new TreeSet<>(audience.countries())) {
            OptionalDouble own = table.penetration(code, platform);
            OptionalDouble fallback = table.defaultPenetration(platform);
            if (own.isPresent()) {
                found.add(new Found(code, own.getAsDouble(), false));
            } else if (fallback.isPresent()) {
                found.add(new Found(code, fallback.getAsDouble(), true));
            } else {
                leftOut.add(wording.noCountryData(audience.name(), code, platform));
            }
        }
        return found.stream().map(f -> new Item(1.0 / found.size(), f.value() / 100,
                wording.country(audience.name(), f.code(), f.value(), f.fromDefault()))).toList();
    }

    private List<Item> tags(Factor factor, Audience audience, Set<String> tags, Platform platform,
                            List<String> leftOut) {
        record Found(String tag, double value) {
        }
        List<Found> found = new ArrayList<>();
        for (String tag : new TreeSet<>(tags)) {
            OptionalDouble value = factor == Factor.INTEREST ? table.interest(tag, platform) : table.behaviour(tag, platform);
            if (value.isPresent()) {
                found.add(new Found(tag, value.getAsDouble()));
            } else {
                leftOut.add(wording.noTagData(factor, audience.name(), tag, platform));
            }
        }
        return found.stream().map(f -> new Item(1.0 / found.size(), f.value() / 100,
                wording.tag(factor, audience.name(), f.tag(), f.value()))).toList();
    }
}

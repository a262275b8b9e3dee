package io.cmkit.core.strategy;

import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The result of {@link PlatformFit#rank}: the platforms that could be scored, best first, and
 * those that could not, each with the reason.
 *
 * @param scores scored platforms by decreasing score; equal scores in platform id order
 * @param excluded platforms that could not be scored, in platform id order
 */
public record PlatformRanking(List<PlatformScore> scores, List<Excluded> excluded) {

    /**
     * A platform that could not be scored, and why ("no reference data for 'pixelfed'").
     *
     * @param platform the platform
     * @param reason why it has no score, in words a community manager can read
     */
    public record Excluded(Platform platform, String reason) {

        public Excluded {
            if (platform == null) {
                throw new InvalidModelException("Excluded", "platform", "is required");
            }
            if (reason == null || reason.isBlank()) {
                throw new InvalidModelException("Excluded", "reason", "must not be blank");
            }
        }
    }

    private static final Comparator<PlatformScore> BEST_FIRST =
            Comparator.comparingDouble(PlatformScore::score).reversed().thenComparing(PlatformScore::platform);

    public PlatformRanking {
        if (scores == null || excluded == null) {
            throw new InvalidModelException("PlatformRanking", scores == null ? "scores" : "excluded", "is required");
        }
        List<PlatformScore> sorted = new ArrayList<>(scores);
        sorted.sort(BEST_FIRST);
        scores = List.copyOf(sorted);
        List<Excluded> out = new ArrayList<>(excluded);
        out.sort(Comparator.comparing(Excluded::platform));
        excluded = List.copyOf(out);
        Set<Platform> seen = new HashSet<>();
        for (PlatformScore score : scores) {
            if (!seen.add(score.platform())) {
                throw new InvalidModelException("PlatformRanking", "scores", "lists " + score.platform() + " twice");
            }
        }
        for (Excluded e : excluded) {
            if (!seen.add(e.platform())) {
                throw new InvalidModelException("PlatformRanking", "excluded", "lists " + e.platform() + " twice");
            }
        }
    }

    /** The best fitting platform, if any could be scored. */
    public Optional<PlatformScore> best() {
        return scores.isEmpty() ? Optional.empty() : Optional.of(scores.get(0));
    }

    /** The score of one platform, if it was scored. */
    public Optional<PlatformScore> scoreOf(Platform platform) {
        return scores.stream().filter(s -> s.platform().equals(platform)).findFirst();
    }

    /** Why a platform was not scored, if it was excluded. */
    public Optional<Excluded> exclusionOf(Platform platform) {
        return excluded.stream().filter(e -> e.platform().equals(platform)).findFirst();
    }

    /** The scored platforms, best first. */
    public List<Platform> order() {
        return scores.stream().map(PlatformScore::platform).toList();
    }
}

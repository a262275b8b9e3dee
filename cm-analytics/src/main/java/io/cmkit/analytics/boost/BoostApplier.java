package io.cmkit.analytics.boost;

import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.BoostRequest;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Promotion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies an allocation through each platform's {@link Promotion}. Each funded line becomes a
 * {@link BoostRequest} with the idempotency key {@code campaign:platform:postId}, so applying the
 * same allocation twice, or again after a crash, never pays twice: the tracker skips keys it has
 * recorded, and the platform returns the existing boost for a key it has seen. A line is reserved
 * in the {@link SpendTracker} before the call and released if the platform fails, so the
 * envelope is never exceeded. Failures are reported per line with the platform's words; the
 * other lines go on.
 */
public final class BoostApplier {

    private final Function<Platform, Optional<Promotion>> promotions;
    private final SpendTracker tracker;

    /**
     * @param promotions the Promotion capability of each platform's connector, empty when it has none
     * @param tracker the campaign's spend
     */
    public BoostApplier(Function<Platform, Optional<Promotion>> promotions, SpendTracker tracker) {
        this.promotions = Objects.requireNonNull(promotions, "promotions");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    /**
     * Starts a boost for each funded line, from {@code start} to {@code end}.
     *
     * @param campaign the campaign's id, the first part of every idempotency key
     */
    public List<BoostOutcome> apply(Allocation allocation, String campaign, Instant start, Instant end) {
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(campaign, "campaign");
        List<BoostOutcome> out = new ArrayList<>();
        for (AllocationLine line : allocation.funded()) {
            PostPerformance p = line.candidate().performance();
            String key = campaign + ":" + p.key();
            Optional<Boost> known = tracker.boost(key);
            if (known.isPresent()) {
                out.add(new BoostOutcome(p.post(), line.amount(), key, BoostOutcome.Status.ALREADY_APPLIED, known,
                        "already boosted as " + known.get().id()));
                continue;
            }
            Optional<Promotion> promotion = promotions.apply(p.post().platform());
            if (promotion.isEmpty()) {
                out.add(new BoostOutcome(p.post(), line.amount(), key, BoostOutcome.Status.SKIPPED, Optional.empty(),
                        p.post().platform().displayName() + " has no Promotion capability"));
                continue;
            }
            if (!tracker.reserve(key, line.amount())) {
                out.add(new BoostOutcome(p.post(), line.amount(), key, BoostOutcome.Status.SKIPPED, Optional.empty(),
                        line.amount() + " would take the committed spend " + tracker.committed()
                                + " above the envelope " + tracker.envelope()));
                continue;
            }
            try {
                Boost boost = promotion.get().boost(new BoostRequest(p.post(), line.amount(), start, end, key));
                tracker.record(boost);
                out.add(new BoostOutcome(p.post(), line.amount(), key, BoostOutcome.Status.APPLIED, Optional.of(boost),
                        "boost " + boost.id() + " " + boost.status()));
            } catch (ConnectorException e) {
                tracker.release(key);
                out.add(new BoostOutcome(p.post(), line.amount(), key, BoostOutcome.Status.FAILED, Optional.empty(),
                        e.getMessage()));
            } catch (RuntimeException e) {
                tracker.release(key);
                throw e;
            }
        }
        return out;
    }
}

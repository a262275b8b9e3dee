package io.cmkit.analytics.boost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Money;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.Boost;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Promotion;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BoostTest {

    static final Account INSTAGRAM = new Account(Platform.INSTAGRAM, "cafe");
    static final Account FACEBOOK = new Account(Platform.FACEBOOK, "cafe");
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static PostPerformance post(Account account, String id, int daysAgo, long engagements, long audience, boolean sponsored) {
        return new PostPerformance(PostRef.of(account.platform(), id), account, NOW.minus(Duration.ofDays(daysAgo)),
                engagements, audience, sponsored);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Six Instagram posts: the account's baseline is 300 / 6000 = 5 %. */
    static List<PostPerformance> instagramWeek() {
        return List.of(
                post(INSTAGRAM, "i1", 1, 90, 1_000, false),    // 9 %: lift 1.8
                post(INSTAGRAM, "i2", 2, 70, 1_000, false),    // 7 %: lift 1.4
                post(INSTAGRAM, "i3", 3, 60, 1_000, false),    // 6 %: lift 1.2, not above 20 % margin
                post(INSTAGRAM, "i4", 10, 80, 1_000, false),   // 8 % but 10 days old
                post(INSTAGRAM, "i5", 1, 0, 1_000, true),      // sponsored
                post(INSTAGRAM, "i6", 1, 0, 1_000, false));
    }

    @Test
    @DisplayName("candidates: recent organic posts above the account's baseline by the margin, best lift first")
    void candidates() {
        List<BoostCandidate> c = CandidateRules.DEFAULTS.select(instagramWeek(), CLOCK);
        assertThat(c).extracting(x -> x.performance().post().id()).containsExactly("i1", "i2");
        assertThat(c.get(0).baseline()).isEqualTo(0.05);
        assertThat(c.get(0).lift()).isCloseTo(1.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(new CandidateRules(Duration.ofDays(14), 0.2, 100).select(instagramWeek(), CLOCK))
                .extracting(x -> x.performance().post().id()).containsExactly("i1", "i4", "i2");
    }

    @Nested
    @DisplayName("Thompson allocation")
    class Allocating {

        private final List<BoostCandidate> candidates = List.of(
                new BoostCandidate(post(INSTAGRAM, "a", 1, 90, 1_000, false), 0.05, 1.8),
                new BoostCandidate(post(INSTAGRAM, "b", 1, 85, 1_000, false), 0.05, 1.7),
                new BoostCandidate(post(FACEBOOK, "c", 1, 12, 200, false), 0.04, 1.5),
                new BoostCandidate(post(FACEBOOK, "d", 1, 30, 1_000, false), 0.02, 1.5));

        @Test
        @DisplayName("the same seed gives the same allocation, in any input order")
        void deterministic() {
            ThompsonAllocator allocator = new ThompsonAllocator(42);
            Allocation first = allocator.allocate(candidates, eur("500"), eur("300"), eur("20"));
            List<BoostCandidate> shuffled = new ArrayList<>(candidates);
            Collections.reverse(shuffled);
            Allocation again = allocator.allocate(shuffled, eur("500"), eur("300"), eur("20"));
            for (AllocationLine line : first.lines()) {
                AllocationLine same = again.lines().stream().filter(l -> l.candidate().equals(line.candidate())).findFirst().orElseThrow();
                assertThat(same.amount()).isEqualTo(line.amount());
                assertThat(same.winProbability()).isEqualTo(line.winProbability());
            }
            assertThat(new ThompsonAllocator(42).allocate(candidates, eur("500"), eur("300"), eur("20")).lines())
                    .isEqualTo(first.lines());
        }

        @Test
        @DisplayName("cap, floor and envelope hold: the sum is the envelope to the cent")
        void constraints() {
            Allocation a = new ThompsonAllocator(7).allocate(candidates, eur("500"), eur("300"), eur("20"));
            assertThat(a.lines().stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("500.00");
            assertThat(a.unallocated()).isEqualTo(eur("0"));
            assertThat(a.lines()).allSatisfy(l -> {
                assertThat(l.amount().compareTo(eur("300"))).isLessThanOrEqualTo(0);
                assertThat(l.amount().amount().signum() == 0 || l.amount().compareTo(eur("20")) >= 0).isTrue();
            });
            // The weak Facebook post (3 %) almost never wins against 8.5-9 %: under the floor, it gets nothing.
            assertThat(a.lines().get(3).winProbability()).isLessThan(0.01);
            assertThat(a.lines().get(3).amount()).isEqualTo(eur("0"));
            assertThat(a.lines().get(0).winProbability() + a.lines().get(1).winProbability()
                    + a.lines().get(2).winProbability()).isGreaterThan(0.99);
        }

        @Test
        @DisplayName("when every funded post is capped, the rest stays unallocated")
        void allCapped() {
            Allocation a = new ThompsonAllocator(7).allocate(candidates.subList(0, 2), eur("500"), eur("100"), eur("0"));
            assertThat(a.allocated()).isEqualTo(eur("200"));
            assertThat(a.unallocated()).isEqualTo(eur("300"));
            assertThat(new ThompsonAllocator(7).allocate(List.of(), eur("500"), eur("100"), eur("0")).unallocated())
                    .isEqualTo(eur("500"));
        }

        @Test
        @DisplayName("water-filling and the floor by hand: shares 0.5 / 0.3 / 0.2 of 100.00 under a 40.00 cap")
        void splitByHand() {
            double[] shares = {0.5, 0.3, 0.2};
            assertThat(ThompsonAllocator.split(shares, 10_000, 4_000, 0)).containsExactly(4_000, 3_600, 2_400);
            // A 25.00 floor drops the third post; the others then reach the cap and 20.00 stays unallocated.
            assertThat(ThompsonAllocator.split(shares, 10_000, 4_000, 2_500)).containsExactly(4_000, 4_000, 0);
            // Thirds of one euro: 33 + 33 + 33 cents and the last cent to the first largest remainder.
            assertThat(ThompsonAllocator.split(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, 100, 100, 0))
                    .containsExactly(34, 33, 33);
        }

        @Test
        @DisplayName("bad settings are refused, naming them")
        void badSettings() {
            ThompsonAllocator allocator = new ThompsonAllocator(1);
            assertThatThrownBy(() -> allocator.allocate(candidates, eur("500"), eur("10"), eur("20")))
                    .isInstanceOf(AnalyticsException.class).hasMessage("floor is 20.00 EUR, above the cap per post 10.00 EUR");
            assertThatThrownBy(() -> allocator.allocate(candidates, eur("500"), Money.of("10", "USD"), eur("0")))
                    .isInstanceOf(AnalyticsException.class).hasMessageContaining("must be in the envelope's currency EUR");
            assertThatThrownBy(() -> new ThompsonAllocator(1, 5)).isInstanceOf(AnalyticsException.class)
                    .hasMessage("draws must be between 100 and 10,000,000 (got 5)");
        }
    }

    @Nested
    @DisplayName("spend and application")
    class Spending {

        private final Instant start = Instant.parse("2026-03-06T12:00:00Z");   // NOW is 4 of 10 days in
        private final Instant end = Instant.parse("2026-03-16T12:00:00Z");

        private Boost boost(String key, String budget, String spent, Boost.Status status) {
            return new Boost("b-" + key, new io.cmkit.core.spi.BoostRequest(PostRef.of(Platform.INSTAGRAM, key),
                    eur(budget), start, end, key), eur(spent), status);
        }

        @Test
        @DisplayName("pacing: 40 % of the campaign elapsed expects 400 of 1000; the band is 10 %")
        void pacing() {
            SpendTracker under = new SpendTracker(eur("1000"), start, end, CLOCK);
            under.record(boost("k1", "500", "300", Boost.Status.ACTIVE));
            SpendPacing p = under.pacing();
            assertThat(p.elapsed()).isEqualTo(0.4);
            assertThat(p.expectedSpend()).isEqualTo(eur("400"));
            assertThat(p.status()).isEqualTo(SpendPacing.Status.UNDER_PACE);
            assertThat(p.committed()).isEqualTo(eur("500"));
            assertThat(p.available()).isEqualTo(eur("500"));
            assertThat(p.dailyToStayOnPace()).isEqualTo(eur("116.66"));   // 700 left over 6 days, rounded down
            SpendTracker over = new SpendTracker(eur("1000"), start, end, CLOCK);
            over.record(boost("k1", "500", "450", Boost.Status.ACTIVE));
            assertThat(over.pacing().status()).isEqualTo(SpendPacing.Status.OVER_PACE);
            SpendTracker on = new SpendTracker(eur("1000"), start, end, CLOCK);
            on.record(boost("k1", "500", "420", Boost.Status.COMPLETED));
            assertThat(on.pacing().status()).isEqualTo(SpendPacing.Status.ON_PACE);
            assertThat(on.pacing().committed()).isEqualTo(eur("420"));   // finished: its spend, not its budget
        }

        @Test
        @DisplayName("applying twice pays once; failures carry the platform's words; no promotion is skipped")
        void apply() {
            InMemoryPromotion instagram = new InMemoryPromotion(Platform.INSTAGRAM, Set.of("i2"));
            SpendTracker tracker = new SpendTracker(eur("300"), start, end, CLOCK);
            BoostApplier applier = new BoostApplier(
                    p -> p.equals(Platform.INSTAGRAM) ? Optional.<Promotion>of(instagram) : Optional.empty(), tracker);
            Allocation allocation = new Allocation(eur("300"), List.of(
                    new AllocationLine(new BoostCandidate(post(INSTAGRAM, "i1", 1, 90, 1_000, false), 0.05, 1.8), 0.6, eur("150")),
                    new AllocationLine(new BoostCandidate(post(INSTAGRAM, "i2", 1, 80, 1_000, false), 0.05, 1.6), 0.3, eur("100")),
                    new AllocationLine(new BoostCandidate(post(FACEBOOK, "f1", 1, 30, 500, false), 0.04, 1.5), 0.1, eur("50"))),
                    eur("0"), 1, 100);
            List<BoostOutcome> first = applier.apply(allocation, "spring", start, end);
            assertThat(first).extracting(BoostOutcome::status).containsExactly(BoostOutcome.Status.APPLIED,
                    BoostOutcome.Status.FAILED, BoostOutcome.Status.SKIPPED);
            assertThat(first.get(0).idempotencyKey()).isEqualTo("spring:instagram:i1");
            assertThat(first.get(1).message()).isEqualTo(
                    "Instagram: request rejected (platform said: ad account has no payment method)");
            assertThat(first.get(2).message()).isEqualTo("Facebook has no Promotion capability");
            assertThat(tracker.committed()).isEqualTo(eur("150"));   // the failed reservation was released

            List<BoostOutcome> again = applier.apply(allocation, "spring", start, end);
            assertThat(again.get(0).status()).isEqualTo(BoostOutcome.Status.ALREADY_APPLIED);
            assertThat(instagram.byKey).hasSize(1);
            assertThat(instagram.calls).isEqualTo(3);                 // i1 once, i2 twice (it failed), never i1 again
            assertThat(tracker.committed()).isEqualTo(eur("150"));
        }

        @Test
        @DisplayName("a boost that would exceed the envelope is not asked for")
        void envelope() {
            InMemoryPromotion instagram = new InMemoryPromotion(Platform.INSTAGRAM, Set.of());
            SpendTracker tracker = new SpendTracker(eur("200"), start, end, CLOCK);
            tracker.record(boost("earlier", "120", "10", Boost.Status.ACTIVE));
            BoostApplier applier = new BoostApplier(p -> Optional.of(instagram), tracker);
            Allocation allocation = new Allocation(eur("100"), List.of(new AllocationLine(
                    new BoostCandidate(post(INSTAGRAM, "i1", 1, 90, 1_000, false), 0.05, 1.8), 1.0, eur("100"))),
                    eur("0"), 1, 100);
            BoostOutcome outcome = applier.apply(allocation, "spring", start, end).get(0);
            assertThat(outcome.status()).isEqualTo(BoostOutcome.Status.SKIPPED);
            assertThat(outcome.message()).isEqualTo(
                    "100.00 EUR would take the committed spend 120.00 EUR above the envelope 200.00 EUR");
            assertThat(instagram.calls).isZero();
        }
    }
}

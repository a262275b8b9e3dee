package io.cmkit.examples.demo;

import io.cmkit.analytics.boost.Allocation;
import io.cmkit.analytics.boost.AllocationLine;
import io.cmkit.analytics.boost.BoostApplier;
import io.cmkit.analytics.boost.BoostCandidate;
import io.cmkit.analytics.boost.BoostOutcome;
import io.cmkit.analytics.boost.CandidateRules;
import io.cmkit.analytics.boost.PostPerformance;
import io.cmkit.analytics.boost.SpendTracker;
import io.cmkit.analytics.boost.ThompsonAllocator;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Money;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.PostRef;
import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The end of the week: the posts that beat their account's usual engagement become boost
 * candidates, a seeded Thompson allocation splits the envelope (with a cap and a floor per post),
 * and each funded line is applied through the {@code Promotion} SPI, here the demo's ads account.
 */
final class Boosts {

    /** The week's envelope, the most one post may get and the least worth buying, in the brand's currency. */
    private final Money envelope;
    private final Money capPerPost;
    private final Money floor;

    /** What was boosted. */
    record Result(int candidates, List<BoostOutcome> outcomes, Money envelope, Money committed) {
        long applied() {
            return outcomes.stream().filter(o -> o.status() == BoostOutcome.Status.APPLIED).count();
        }
    }

    private final PrintStream out;
    private final Labels labels;
    private final DemoOptions options;
    private final Clock clock;
    private final ZoneId zone;

    Boosts(PrintStream out, Labels labels, DemoOptions options, Clock clock, ZoneId zone, Locale brandLanguage) {
        this.out = out;
        this.labels = labels;
        this.options = options;
        this.clock = clock;
        this.zone = zone;
        String currency = currencyOf(brandLanguage);
        this.envelope = Money.of("300", currency);
        this.capPerPost = Money.of("150", currency);
        this.floor = Money.of("30", currency);
    }

    /**
     * The currency of the brand's country, read from its default language ({@code en-US}: USD,
     * {@code fr-FR}: EUR, {@code fr-CH}: CHF); EUR when the language names no country.
     */
    static String currencyOf(Locale brandLanguage) {
        if (brandLanguage.getCountry().isEmpty()) {
            return "EUR";
        }
        try {
            java.util.Currency currency = java.util.Currency.getInstance(brandLanguage);
            return currency == null ? "EUR" : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return "EUR"; // a region with no ISO 4217 currency (e.g. 001, the world)
        }
    }

    /** An amount with its currency's code, the way the reader writes numbers: "150,00 EUR", "150.00 EUR". */
    static String money(Money amount, Locale language) {
        return number(amount, language) + " " + amount.currency().getCurrencyCode();
    }

    /** An amount's number alone, with its currency's decimals: "150,00", "150.00". */
    static String number(Money amount, Locale language) {
        NumberFormat format = NumberFormat.getNumberInstance(language);
        int digits = Math.max(0, amount.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount.amount());
    }

    Result run(List<CommunityWeek.WeekPost> posts, Map<String, Connector> connectors) throws ConnectorException {
        out.println();
        String title = labels.get("boosts") + " (" + money(envelope, options.language()) + ")";
        out.println(title);
        out.println("─".repeat(Math.min(72, title.length() + 4)));
        List<PostPerformance> performances = new ArrayList<>();
        // How a community manager recognises a post: when it went out and how it starts, not its platform id.
        Map<PostRef, String> described = new HashMap<>();
        for (CommunityWeek.WeekPost post : posts) {
            Connector connector = connectors.get(post.account.key());
            if (post.published == null || post.live || connector == null) {
                continue;
            }
            Metrics metrics = connector.require(Metrics.class);
            MetricSnapshot snapshot = metrics.snapshot(post.published.ref());
            long audience = snapshot.value(Metric.REACH)
                    .orElse(metrics.accountSnapshot().value(Metric.FOLLOWERS).orElse(0L));
            long engagements = CommunityWeek.engagements(snapshot);
            if (audience > 0 && engagements <= audience) {
                performances.add(new PostPerformance(post.published.ref(), post.account, post.published.publishedAt(),
                        engagements, audience, false));
                String text = post.post.variantFor(post.account.platform()).map(v -> v.text()).orElse("");
                described.put(post.published.ref(), post.published.publishedAt().atZone(zone)
                        .format(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", options.language())) + " "
                        + labels.quote(Demo.oneLine(text, 32)));
            }
        }
        List<BoostCandidate> candidates = CandidateRules.DEFAULTS.select(performances, clock);
        Allocation allocation = new ThompsonAllocator(options.seed()).allocate(candidates, envelope, capPerPost, floor);
        Instant start = clock.instant();
        SpendTracker tracker = new SpendTracker(envelope, start, start.plus(Duration.ofDays(7)), clock);
        SimulatedAds ads = new SimulatedAds();
        List<BoostOutcome> outcomes = new BoostApplier(platform -> Optional.of(ads), tracker)
                .apply(allocation, WeekContent.CAMPAIGN, start, start.plus(Duration.ofDays(3)));
        out.printf("  %s, %s%n", labels.count(performances.size(), "postsMeasured"), labels.count(candidates.size(), "candidates"));
        for (AllocationLine line : allocation.funded()) {
            BoostCandidate c = line.candidate();
            // French puts a space before the percent sign, English does not (as in the summary).
            out.printf(options.language(), options.french() ? "  %-10s %-56s %s  (%s %.0f %%, ×%.2f)%n"
                            : "  %-10s %-56s %s  (%s %.0f%%, ×%.2f)%n",
                    c.performance().account().platform().displayName(),
                    described.getOrDefault(c.performance().post(), c.performance().post().id()),
                    money(line.amount(), options.language()), labels.get("winChance"),
                    line.winProbability() * 100, c.lift());
        }
        for (BoostOutcome outcome : outcomes) {
            if (outcome.status() != BoostOutcome.Status.APPLIED) {
                out.printf("  ! %s %s%n", outcome.post().id(), outcome.status());
            }
        }
        return new Result(candidates.size(), outcomes, envelope, tracker.committed());
    }
}

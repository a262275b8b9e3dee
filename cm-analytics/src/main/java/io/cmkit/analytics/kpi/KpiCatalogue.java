package io.cmkit.analytics.kpi;

import io.cmkit.analytics.AnalyticsException;
import io.cmkit.core.model.Metric;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the counter-based KPIs of {@link Kpi} from a group's {@link Counters}. Costs (CPM, CPC,
 * CPE) read the {@code spend_cents} counter in the minor unit of the catalogue's currency and
 * come out in its major unit.
 */
public final class KpiCatalogue {

    /** The counters whose sum makes engagements. */
    public static final List<Metric> ENGAGEMENT_COMPONENTS =
            List.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES, Metric.SAVES);

    private final Currency currency;

    /** A catalogue whose costs are in this currency. */
    public KpiCatalogue(Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** A catalogue whose costs are in euros. */
    public static KpiCatalogue euros() {
        return new KpiCatalogue(Currency.getInstance("EUR"));
    }

    /** The currency of CPM, CPC and CPE. */
    public Currency currency() {
        return currency;
    }

    /** Every counter-based KPI of the period. */
    public Map<Kpi, KpiValue> computeAll(Counters counters) {
        Map<Kpi, KpiValue> out = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.fromCounters()) {
            out.put(kpi, compute(kpi, counters));
        }
        return out;
    }

    /**
     * One counter-based KPI.
     *
     * @throws AnalyticsException when the KPI comes from the inbox or listening, not from counters
     */
    public KpiValue compute(Kpi kpi, Counters c) {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(c, "counters");
        return switch (kpi) {
            case IMPRESSIONS -> c.change(Metric.IMPRESSIONS);
            case REACH -> c.change(Metric.REACH);
            case ENGAGEMENTS -> engagements(c);
            case ENGAGEMENT_RATE_BY_REACH -> KpiValue.ratio(engagements(c), c.change(Metric.REACH), Metric.REACH);
            case ENGAGEMENT_RATE_BY_IMPRESSIONS ->
                    KpiValue.ratio(engagements(c), c.change(Metric.IMPRESSIONS), Metric.IMPRESSIONS);
            case ENGAGEMENT_RATE_BY_FOLLOWERS ->
                    KpiValue.ratio(engagements(c), c.levelAtEnd(Metric.FOLLOWERS), Metric.FOLLOWERS);
            case AMPLIFICATION_RATE -> perPostPerFollower(sum(c, List.of(Metric.SHARES, Metric.QUOTES)), c);
            case APPLAUSE_RATE -> perPostPerFollower(sum(c, List.of(Metric.LIKES, Metric.SAVES)), c);
            case CONVERSATION_RATE -> perPostPerFollower(c.change(Metric.COMMENTS), c);
            case FOLLOWERS -> c.levelAtEnd(Metric.FOLLOWERS);
            case FOLLOWER_GROWTH_RATE -> KpiValue.ratio(difference(c.levelAtEnd(Metric.FOLLOWERS),
                    c.levelAtStart(Metric.FOLLOWERS)), c.levelAtStart(Metric.FOLLOWERS),
                    new Unavailability.ZeroAtStart(Metric.FOLLOWERS));
            case CLICK_THROUGH_RATE -> KpiValue.ratio(c.change(Metric.CLICKS), c.change(Metric.IMPRESSIONS), Metric.IMPRESSIONS);
            case VIDEO_VIEW_RATE ->
                    KpiValue.ratio(c.change(Metric.VIDEO_VIEWS), c.change(Metric.IMPRESSIONS), Metric.IMPRESSIONS);
            case CPM -> KpiValue.ratio(spend(c), c.change(Metric.IMPRESSIONS), Metric.IMPRESSIONS).times(1000);
            case CPC -> KpiValue.ratio(spend(c), c.change(Metric.CLICKS), Metric.CLICKS);
            case CPE -> KpiValue.ratio(spend(c), engagements(c), Metric.ENGAGEMENTS);
            default -> throw new AnalyticsException("kpi",
                    kpi.metric().id() + " is computed from " + kpi.source() + ", not from counters");
        };
    }

    /** Engagements: the sum of the exposed components; not available when none is exposed. */
    public static KpiValue engagements(Counters c) {
        return sum(c, ENGAGEMENT_COMPONENTS);
    }

    private static KpiValue sum(Counters c, List<Metric> parts) {
        double total = 0;
        boolean any = false;
        for (Metric m : parts) {
            Long v = c.changes().get(m);
            if (v != null) {
                total += v;
                any = true;
            }
        }
        if (!any) {
            return KpiValue.notAvailable(new Unavailability.NoPartAvailable(parts,
                    ((KpiValue.NotAvailable) c.change(parts.get(0))).reason()));
        }
        return KpiValue.of(total);
    }

    private static KpiValue perPostPerFollower(KpiValue numerator, Counters c) {
        if (c.newPosts() == 0) {
            return numerator.isAvailable() ? KpiValue.notAvailable(new Unavailability.NoPostPublished()) : numerator;
        }
        return KpiValue.ratio(numerator.times(1.0 / c.newPosts()), c.levelAtEnd(Metric.FOLLOWERS), Metric.FOLLOWERS);
    }

    private static KpiValue difference(KpiValue a, KpiValue b) {
        if (a instanceof KpiValue.NotAvailable) {
            return a;
        }
        if (b instanceof KpiValue.NotAvailable) {
            return b;
        }
        return KpiValue.of(a.asDouble().getAsDouble() - b.asDouble().getAsDouble());
    }

    private KpiValue spend(Counters c) {
        return c.change(Metric.SPEND_CENTS).times(Math.pow(10, -Math.max(0, currency.getDefaultFractionDigits())));
    }
}

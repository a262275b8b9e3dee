package io.cmkit.core.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What is measured: a raw counter a platform reports (likes, followers) or a KPI derived from
 * counters (engagement rate). An open value type: the constants are the ones cmkit knows; a host
 * can name its own ({@code Metric.of("store_visits")}).
 *
 * <p>The formulas of derived KPIs live in cm-analytics' catalogue; this type only names them.
 *
 * @param id lower-case identifier in snake case, e.g. {@code "engagement_rate"}
 */
public record Metric(String id) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    // Raw counters reported by platforms.
    public static final Metric FOLLOWERS = new Metric("followers");
    public static final Metric IMPRESSIONS = new Metric("impressions");
    public static final Metric REACH = new Metric("reach");
    public static final Metric LIKES = new Metric("likes");
    public static final Metric SHARES = new Metric("shares");
    public static final Metric COMMENTS = new Metric("comments");
    public static final Metric QUOTES = new Metric("quotes");
    public static final Metric SAVES = new Metric("saves");
    public static final Metric CLICKS = new Metric("clicks");
    public static final Metric VIDEO_VIEWS = new Metric("video_views");
    public static final Metric MENTIONS = new Metric("mentions");
    public static final Metric SPEND_CENTS = new Metric("spend_cents");

    // KPIs derived from counters.
    public static final Metric ENGAGEMENTS = new Metric("engagements");
    public static final Metric ENGAGEMENT_RATE = new Metric("engagement_rate");
    public static final Metric FOLLOWER_GROWTH_RATE = new Metric("follower_growth_rate");
    public static final Metric SHARE_OF_VOICE = new Metric("share_of_voice");
    public static final Metric NET_SENTIMENT = new Metric("net_sentiment");
    public static final Metric RESPONSE_RATE = new Metric("response_rate");
    public static final Metric RESPONSE_TIME_MEDIAN_MINUTES = new Metric("response_time_median_minutes");
    public static final Metric CLICK_THROUGH_RATE = new Metric("click_through_rate");

    private static final List<Metric> WELL_KNOWN = List.of(FOLLOWERS, IMPRESSIONS, REACH, LIKES, SHARES,
            COMMENTS, QUOTES, SAVES, CLICKS, VIDEO_VIEWS, MENTIONS, SPEND_CENTS, ENGAGEMENTS, ENGAGEMENT_RATE,
            FOLLOWER_GROWTH_RATE, SHARE_OF_VOICE, NET_SENTIMENT, RESPONSE_RATE, RESPONSE_TIME_MEDIAN_MINUTES,
            CLICK_THROUGH_RATE);

    public Metric {
        Checks.notBlank("Metric", "id", id);
        if (!ID.matcher(id).matches()) {
            throw new InvalidModelException("Metric", "id",
                    "must be snake_case: a lower-case letter, then letters, digits or '_', got '" + id + "'");
        }
    }

    /** The metric with this identifier; case and {@code -} are forgiven ({@code "Engagement-Rate"}). */
    public static Metric of(String id) {
        Checks.notBlank("Metric", "id", id);
        return new Metric(id.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    /** The metrics cmkit knows by name. */
    public static List<Metric> wellKnown() {
        return WELL_KNOWN;
    }

    @Override
    public String toString() {
        return id;
    }
}

package io.cmkit.analytics.kpi;

import io.cmkit.analytics.kpi.internal.KpiMessages;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Platform;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a KPI has no value: a kind of reason with its facts (which counter, which platforms, which
 * date), worded only when shown, in the reader's language. The reasons cmkit gives are the records
 * below; a host with its own sources of values may add its own kinds.
 */
public interface Unavailability {

    /**
     * The reason as a report shows it, in {@code locale}'s language: French for French locales,
     * English otherwise ("clicks: not provided by Instagram", "clics : non fourni par Instagram");
     * metrics, platforms and dates in words, never by their ids.
     */
    String describe(Locale locale);

    /** No platform of the group exposes the counter. */
    record NotExposed(Metric metric, List<Platform> platforms) implements Unavailability {
        public NotExposed {
            Objects.requireNonNull(metric, "metric");
            platforms = List.copyOf(platforms);
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("notExposed", m.metric(metric), m.platforms(platforms));
        }
    }

    /**
     * Only some series of the group expose the counter: a partial sum would mislead.
     *
     * @param exposedBy how many series expose it
     * @param series how many series the group has
     * @param notOn the platforms of the series that do not
     */
    record PartlyExposed(Metric metric, int exposedBy, int series, List<Platform> notOn) implements Unavailability {
        public PartlyExposed {
            Objects.requireNonNull(metric, "metric");
            notOn = List.copyOf(notOn);
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("partlyExposed", m.metric(metric), exposedBy, series, m.platforms(notOn));
        }
    }

    /** The counter is absent from every snapshot of the group. */
    record NotReported(Metric metric) implements Unavailability {
        public NotReported {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("notReported", m.metric(metric));
        }
    }

    /** The counter was first read during the period: there is no level at its start. */
    record NoReadingBeforePeriod(Metric metric) implements Unavailability {
        public NoReadingBeforePeriod {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("noReadingBeforePeriod", m.metric(metric));
        }
    }

    /** No snapshot of the group fell in the period. */
    record NoSnapshotInPeriod() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("noSnapshotInPeriod");
        }
    }

    /** No snapshot at all, of the brand or of the platform given. */
    record NoSnapshot(Optional<Platform> platform) implements Unavailability {
        public NoSnapshot {
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return platform.map(p -> m.text("noSnapshotOn", m.platform(p))).orElseGet(() -> m.text("noSnapshot"));
        }
    }

    /** The table was not asked for this KPI. */
    record NotInTable(Metric metric) implements Unavailability {
        public NotInTable {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("notInTable", m.metric(metric));
        }
    }

    /** The denominator of a ratio is zero (no reach, no impressions...). */
    record Zero(Metric metric) implements Unavailability {
        public Zero {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("zero", m.metric(metric));
        }
    }

    /** The counter's level at the start of the period is zero (a growth rate). */
    record ZeroAtStart(Metric metric) implements Unavailability {
        public ZeroAtStart {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("zeroAtStart", m.metric(metric));
        }
    }

    /** A sum none of whose parts is available; {@code firstPart} says why for the first one. */
    record NoPartAvailable(List<Metric> parts, Unavailability firstPart) implements Unavailability {
        public NoPartAvailable {
            parts = List.copyOf(parts);
            Objects.requireNonNull(firstPart, "firstPart");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("noPartAvailable", m.metrics(parts), firstPart.describe(locale));
        }
    }

    /** The previous period's value is not available, for the reason given. */
    record PreviousPeriod(Unavailability reason) implements Unavailability {
        public PreviousPeriod {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("previousPeriod", reason.describe(locale));
        }
    }

    /** The previous period's value is 0: no relative change. */
    record PreviousPeriodZero() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("previousPeriodZero");
        }
    }

    /** No post was published in the period (a per-post KPI). */
    record NoPostPublished() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("noPostPublished");
        }
    }

    /** No post on that platform (best times). */
    record NoPostOn(Platform platform) implements Unavailability {
        public NoPostOn {
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("noPostOn", m.platform(platform));
        }
    }

    /** Too few posts in a time slot to judge it (best times). */
    record TooFewPosts(int posts, int minimum) implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("tooFewPosts", posts, minimum);
        }
    }

    /** No interaction was received: no response rate. */
    record NoInteractionReceived() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("noInteractionReceived");
        }
    }

    /** No interaction was answered: no response time. */
    record NoInteractionAnswered() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("noInteractionAnswered");
        }
    }

    /** Nobody mentioned the brand nor its competitors: no share of voice. */
    record NoMention() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("noMention");
        }
    }

    /** No mention carried a positive or negative sentiment: no net sentiment. */
    record NoPolarMention() implements Unavailability {
        @Override
        public String describe(Locale locale) {
            return KpiMessages.of(locale).text("noPolarMention");
        }
    }

    /** The target's period has not started yet. */
    record PeriodNotStarted(LocalDate start) implements Unavailability {
        public PeriodNotStarted {
            Objects.requireNonNull(start, "start");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("periodNotStarted", m.date(start, locale));
        }
    }

    /** No level of the counter is known at the start of that day. */
    record NoLevelAtStart(LocalDate day) implements Unavailability {
        public NoLevelAtStart {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("noLevelAtStart", m.date(day, locale));
        }
    }

    /** No reading of the counter before that day. */
    record NoReadingBefore(LocalDate day) implements Unavailability {
        public NoReadingBefore {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public String describe(Locale locale) {
            KpiMessages m = KpiMessages.of(locale);
            return m.text("noReadingBefore", m.date(day, locale));
        }
    }
}

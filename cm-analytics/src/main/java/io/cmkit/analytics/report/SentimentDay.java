package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One day of mentions by sentiment; the mention volume is their sum.
 *
 * @param day the day, in the brand's time zone
 * @param positive positive mentions
 * @param neutral neutral mentions
 * @param negative negative mentions
 */
public record SentimentDay(LocalDate day, long positive, long neutral, long negative) {

    public SentimentDay {
        ReportChecks.present("SentimentDay", "day", day);
        ReportChecks.notNegative("SentimentDay", "positive", positive);
        ReportChecks.notNegative("SentimentDay", "neutral", neutral);
        ReportChecks.notNegative("SentimentDay", "negative", negative);
    }

    /** All the day's mentions. */
    public long mentions() {
        return positive + neutral + negative;
    }

    /** (positive - negative) / mentions, in [-1, 1]; empty on a day without mentions. */
    public OptionalDouble netSentiment() {
        long total = mentions();
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (positive - negative) / total);
    }
}

package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;

import java.time.LocalDate;

/**
 * One day's value of a series, in the brand's time zone.
 *
 * @param day the day
 * @param value a finite, non-negative number
 */
public record DailyValue(LocalDate day, double value) {

    public DailyValue {
        ReportChecks.present("DailyValue", "day", day);
        ReportChecks.finiteNotNegative("DailyValue", "value", value);
    }
}

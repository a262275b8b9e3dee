package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;

import java.util.List;

/**
 * Engagements per day on one platform. A day without a value had no data; it is not drawn as 0.
 *
 * @param platform the platform
 * @param days its days, in strictly increasing order
 */
public record EngagementSeries(Platform platform, List<DailyValue> days) {

    public EngagementSeries {
        ReportChecks.present("EngagementSeries", "platform", platform);
        days = ReportChecks.list("EngagementSeries", "days", days);
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).day().isAfter(days.get(i - 1).day())) {
                throw new InvalidModelException("EngagementSeries", "days[" + i + "]",
                        "must come after " + days.get(i - 1).day() + " on " + platform + " (got " + days.get(i).day() + ")");
            }
        }
    }
}

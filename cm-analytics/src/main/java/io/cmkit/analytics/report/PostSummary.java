package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;
import io.cmkit.core.model.Platform;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A post in the top or bottom list. Its text is the author's: every renderer escapes it.
 *
 * @param postId the post's identifier
 * @param platform where it was published
 * @param publishedOn the day it was published, in the brand's time zone
 * @param excerpt the beginning of its text
 * @param pillar its content pillar, if any
 * @param engagements its engagements over the period
 * @param engagementRate its engagement rate (fraction); empty when the platform does not expose
 *                       the denominator
 */
public record PostSummary(String postId, Platform platform, LocalDate publishedOn, String excerpt,
                          Optional<String> pillar, long engagements, OptionalDouble engagementRate) {

    public PostSummary {
        postId = ReportChecks.notBlank("PostSummary", "postId", postId);
        ReportChecks.present("PostSummary", "platform", platform);
        ReportChecks.present("PostSummary", "publishedOn", publishedOn);
        excerpt = ReportChecks.present("PostSummary", "excerpt", excerpt).strip();
        ReportChecks.optional("PostSummary", "pillar", pillar);
        ReportChecks.notNegative("PostSummary", "engagements", engagements);
        ReportChecks.finite("PostSummary", "engagementRate", engagementRate);
        if (engagementRate.isPresent()) {
            ReportChecks.finiteNotNegative("PostSummary", "engagementRate", engagementRate.getAsDouble());
        }
    }
}

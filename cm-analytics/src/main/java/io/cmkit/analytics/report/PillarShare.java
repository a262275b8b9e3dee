package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;

/**
 * One content pillar's share of the posts: planned by the editorial line against published.
 *
 * @param pillar the pillar's name
 * @param planned the planned share, a fraction in [0, 1] ({@code ContentPillar.targetShare() / 100})
 * @param actual the share of the period's published posts, a fraction in [0, 1]
 * @param posts how many of the period's posts belong to it
 */
public record PillarShare(String pillar, double planned, double actual, long posts) {

    public PillarShare {
        pillar = ReportChecks.notBlank("PillarShare", "pillar", pillar);
        ReportChecks.fraction("PillarShare", "planned", planned);
        ReportChecks.fraction("PillarShare", "actual", actual);
        ReportChecks.notNegative("PillarShare", "posts", posts);
    }
}

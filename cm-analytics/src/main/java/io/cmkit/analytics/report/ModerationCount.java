package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.ReportChecks;

/**
 * How many comments the moderation treated with one action for one category over the period.
 *
 * @param action the action taken, as cm-moderation names it ({@code HIDE}, {@code DELETE},
 *               {@code FLAG}...); the known ones are translated, others shown as they are
 * @param category why ({@code insult}, {@code spam}...), shown as it is
 * @param count how many comments
 */
public record ModerationCount(String action, String category, long count) {

    public ModerationCount {
        action = ReportChecks.notBlank("ModerationCount", "action", action);
        category = ReportChecks.notBlank("ModerationCount", "category", category);
        ReportChecks.notNegative("ModerationCount", "count", count);
    }
}

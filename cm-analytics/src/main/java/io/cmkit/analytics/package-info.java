/**
 * Analytics: the KPI catalogue, aggregation by brand, platform, pillar and period, objectives
 * against targets, best time to post, boost budgets and client reports.
 */
package io.cmkit.analytics;

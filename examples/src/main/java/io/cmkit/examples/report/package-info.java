/**
 * "Monthly client report": metric snapshots kept in a file, aggregated by cm-analytics into the
 * month's key figures and engagement, rendered as the client's HTML, PDF and CSV report.
 */
package io.cmkit.examples.report;

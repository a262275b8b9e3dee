/**
 * How client reports are rendered: the sections shared by every format, labels and formats per
 * language, JFreeChart charts, the Mustache HTML dashboard, the OpenPDF document and CSV tables.
 * Not API: use {@link io.cmkit.analytics.report.ReportRenderer}.
 */
package io.cmkit.analytics.report.internal;

/**
 * Tests of client reports: the model's checks, formats per language, the HTML dashboard (also
 * opened in headless Chromium), the PDF read back, and the CSV tables, all on seeded sample data.
 */
package io.cmkit.analytics.report;

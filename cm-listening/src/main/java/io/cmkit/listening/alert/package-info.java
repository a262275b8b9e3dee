/**
 * Alerts over the mention stream: volume and negative-sentiment series per query and per brand in
 * buckets, spike detection against a seasonal (day of week × hour) baseline with a median/MAD
 * threshold, a minimum volume and a cooldown, bad-buzz and competitor alerts, and the
 * {@link io.cmkit.listening.alert.AlertSink} SPI that delivers them with their evidence. The maths
 * is in {@code docs/listening-alerts.md}.
 */
package io.cmkit.listening.alert;

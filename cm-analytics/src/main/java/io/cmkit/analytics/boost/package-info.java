/**
 * Boosts: candidates among recent organic posts that beat their account's engagement baseline,
 * budget allocation by Thompson sampling with a cap per post and a floor, spend tracking and
 * pacing against the envelope, and application through the Promotion SPI without paying twice.
 */
package io.cmkit.analytics.boost;

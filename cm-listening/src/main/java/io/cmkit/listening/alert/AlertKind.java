package io.cmkit.listening.alert;

/** What an alert is about. */
public enum AlertKind {
    /** The mention volume of a query or of one of the host's brands spiked. */
    VOLUME_SPIKE,
    /** The negative-sentiment volume of a query or of one of the host's brands spiked. */
    BAD_BUZZ,
    /** A competitor's mention volume spiked. */
    COMPETITOR_VOLUME,
    /** The engagement gained by a competitor's posts spiked. */
    COMPETITOR_ENGAGEMENT
}

package io.cmkit.listening.monitor;

/** Whose mentions a saved query watches. */
public enum Watch {
    /** The brand's own name, products, people and campaigns. */
    BRAND,
    /** A competitor's. */
    COMPETITOR
}

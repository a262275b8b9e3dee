package io.cmkit.listening.query;

/** The fields a query can filter mentions on, written {@code name:value}. */
public enum FilterField {
    /** {@code lang:fr}: the mention's language (ISO 639 code), as the platform or a detector gives it. */
    LANG("lang"),
    /** {@code from:handle}: the author's handle, case-insensitive, with or without its {@code @}. */
    FROM("from"),
    /** {@code site:example.fr}: a link in the mention (or its own URL) on this host or a subdomain of it. */
    SITE("site"),
    /** {@code platform:x}: the platform the mention was seen on ({@code twitter} reads as {@code x}). */
    PLATFORM("platform");

    private final String keyword;

    FilterField(String keyword) {
        this.keyword = keyword;
    }

    /** The name written before the colon. */
    public String keyword() {
        return keyword;
    }
}

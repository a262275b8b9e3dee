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
    COMPETITOR_ENGAGEMENT;

    /** The kind as a reader says it: in French for a French locale ("pic de mentions"), its name otherwise. */
    public String label(java.util.Locale locale) {
        if (!locale.getLanguage().equals("fr")) {
            return name();
        }
        return switch (this) {
            case VOLUME_SPIKE -> "pic de mentions";
            case BAD_BUZZ -> "bad buzz";
            case COMPETITOR_VOLUME -> "pic de mentions d'un concurrent";
            case COMPETITOR_ENGAGEMENT -> "pic d'engagement d'un concurrent";
        };
    }
}

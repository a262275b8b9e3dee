package io.cmkit.core.calendar;

import io.cmkit.core.model.Account;
import java.time.Duration;
import java.util.Objects;

/**
 * Two entries of one account that should not both go out as planned.
 *
 * @param rule the rule they break
 * @param account the account both entries are on
 * @param first the earlier entry
 * @param second the later entry
 * @param apart how far apart they are
 * @param limit the rule's limit: the minimum gap for {@link Rule#TOO_CLOSE}, the window for
 *              {@link Rule#DUPLICATE_CONTENT}
 * @param message one sentence naming the rule, the account, the entries and their times
 */
public record Conflict(Rule rule, Account account, CalendarEntry first, CalendarEntry second, Duration apart,
                       Duration limit, String message) {

    /** The rules the calendar checks. */
    public enum Rule {
        /** Two entries of one account closer than the platform's minimum gap. */
        TOO_CLOSE,
        /**
         * Two entries of one account with the same text once case, spacing and URLs are
         * normalised, within the duplicate window.
         */
        DUPLICATE_CONTENT
    }

    public Conflict {
        Objects.requireNonNull(rule, "Conflict.rule");
        Objects.requireNonNull(account, "Conflict.account");
        Objects.requireNonNull(first, "Conflict.first");
        Objects.requireNonNull(second, "Conflict.second");
        Objects.requireNonNull(apart, "Conflict.apart");
        Objects.requireNonNull(limit, "Conflict.limit");
        Objects.requireNonNull(message, "Conflict.message");
    }

    @Override
    public String toString() {
        return message;
    }
}

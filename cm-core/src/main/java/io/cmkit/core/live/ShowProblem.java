package io.cmkit.core.live;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.LimitViolation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing wrong with a run of show, with what it concerns.
 *
 * @param kind what sort of problem
 * @param cueIndex the 0-based index of the cue in the show, when it concerns one
 * @param cueLabel that cue's label, if it has one
 * @param platform the platform concerned, if any
 * @param account the account concerned, if any
 * @param violation the platform limit broken, with allowed, actual and excess, for {@link Kind#OVER_LIMIT}
 * @param message a sentence for a person naming all of the above
 */
public record ShowProblem(Kind kind, OptionalInt cueIndex, Optional<String> cueLabel, Optional<Platform> platform,
                          Optional<Account> account, Optional<LimitViolation> violation, String message) {

    /** What sort of problem it is. */
    public enum Kind {
        /** The show has no cue. */
        NO_CUES,
        /** A cue is listed after one with a later offset. */
        OUT_OF_ORDER,
        /** Two cues go out at the same offset on the same account. */
        DUPLICATE_OFFSET,
        /** A cue has a variant for a platform none of the event's accounts is on. */
        PLATFORM_NOT_COVERED,
        /** A cue's variant breaks its platform's limits. */
        OVER_LIMIT
    }

    public ShowProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cueIndex, "cueIndex");
        Objects.requireNonNull(cueLabel, "cueLabel");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}

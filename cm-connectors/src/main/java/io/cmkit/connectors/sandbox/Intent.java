package io.cmkit.connectors.sandbox;

/**
 * What the simulated author of a comment or mention meant: the ground truth a real platform never
 * gives, so that moderation and listening tests can measure what they catch and what they miss.
 * Read it with {@link SandboxWorld#facts(io.cmkit.core.model.Interaction)}.
 */
public enum Intent {
    /** Praise, thanks, enthusiasm. */
    POSITIVE,
    /** Remarks, tags of friends, plain information. */
    NEUTRAL,
    /** A question to the brand: opening hours, delivery, prices. */
    QUESTION,
    /** Negative but legitimate: a late order, a price rise, a broken product. To answer, not to hide. */
    CRITIQUE,
    /** Unsolicited promotion: dubious links, "win an iPhone", crypto, fake followers. */
    SPAM,
    /** Abuse aimed at the brand or its people ("bande de nuls", "clowns"); never slurs. */
    INSULT,
    /** Accusations of crime or fraud aimed at the brand ("escrocs", "arnaque", "voleurs", "scam", "fraud"). */
    DEFAMATION;

    /** Whether moderation rules would usually act on it: spam, insults and defamation. */
    public boolean isHarmful() {
        return this == SPAM || this == INSULT || this == DEFAMATION;
    }
}

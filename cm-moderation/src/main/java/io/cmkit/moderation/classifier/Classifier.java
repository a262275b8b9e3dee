package io.cmkit.moderation.classifier;

/**
 * A model that scores how likely a comment is to deserve removal (or another label it was trained
 * on), learning from the moderators' own decisions. Scoring is thread-safe; learning may lock.
 */
public interface Classifier {

    /** The probability, in [0, 1], that the comment belongs to the positive class. */
    double score(String comment);

    /** Learns from one labelled comment: {@code positive} when the moderators removed it. */
    void learn(String comment, boolean positive);

    /** How many comments it has learned from. */
    long examples();
}

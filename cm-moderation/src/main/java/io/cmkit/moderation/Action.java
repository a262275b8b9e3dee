package io.cmkit.moderation;

import java.util.Locale;

/** What a rule does to a comment. A rule may carry several (for example DELETE and BLOCK_AUTHOR). */
public enum Action {
    /** Leave it be, and stop looking at lower rules. */
    APPROVE,
    /** Hide it from others while keeping it. */
    HIDE,
    /** Remove it for good. */
    DELETE,
    /** Answer it publicly with a saved reply template. */
    REPLY,
    /** Put it in the human review queue. */
    FLAG,
    /** Send an alert to the alert sink (a person must look now). */
    ESCALATE,
    /** Block its author from the account. */
    BLOCK_AUTHOR;

    /** Whether it acts on the platform (through the connector) rather than inside cmkit. */
    public boolean onPlatform() {
        return this == HIDE || this == DELETE || this == REPLY || this == BLOCK_AUTHOR;
    }

    /** The action as a verb in French ({@code fr}) or else English, for explanations shown to people. */
    public String label(Locale language) {
        boolean fr = language.getLanguage().equals("fr");
        return switch (this) {
            case APPROVE -> fr ? "approuver" : "approve";
            case HIDE -> fr ? "masquer" : "hide";
            case DELETE -> fr ? "supprimer" : "delete";
            case REPLY -> fr ? "répondre" : "reply";
            case FLAG -> fr ? "signaler pour revue" : "flag for review";
            case ESCALATE -> fr ? "remonter" : "escalate";
            case BLOCK_AUTHOR -> fr ? "bloquer l'auteur" : "block the author";
        };
    }

    /** Whether it removes the comment from view. */
    public boolean removes() {
        return this == HIDE || this == DELETE;
    }
}

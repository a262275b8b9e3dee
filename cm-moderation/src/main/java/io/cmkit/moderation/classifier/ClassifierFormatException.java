package io.cmkit.moderation.classifier;

import java.io.IOException;

/** A model file that is not a cmkit model, is damaged, or was written by a newer cmkit. */
public class ClassifierFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ClassifierFormatException(String message) {
        super(message);
    }

    public ClassifierFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.cmkit.moderation.classifier;

import io.cmkit.moderation.classifier.internal.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads and saves model files whatever their kind. */
public final class Classifiers {

    private Classifiers() {
    }

    /**
     * Reads a model file written by {@link HashedLogisticRegression#save} or {@link HashedNaiveBayes#save}.
     *
     * @throws ClassifierFormatException if it is not a cmkit model, is damaged, or was written by a newer cmkit
     */
    public static Classifier load(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }

    /** Reads a model from a stream (read to its end). */
    public static Classifier load(InputStream in) throws IOException {
        return fromBytes(in.readAllBytes());
    }

    /** Reads a model from its bytes. */
    public static Classifier fromBytes(byte[] bytes) throws ClassifierFormatException {
        String kind = ModelFile.open(bytes).kind();
        return switch (kind) {
            case HashedLogisticRegression.KIND -> HashedLogisticRegression.fromBytes(bytes);
            case HashedNaiveBayes.KIND -> HashedNaiveBayes.fromBytes(bytes);
            default -> throw new ClassifierFormatException("unknown classifier kind \"" + kind + "\" (written by a newer cmkit?)");
        };
    }

    /** Writes a model file of a cmkit classifier. */
    public static void save(Classifier classifier, Path file) throws IOException {
        Files.write(file, toBytes(classifier));
    }

    /** The model file's bytes of a cmkit classifier. */
    public static byte[] toBytes(Classifier classifier) {
        if (classifier instanceof HashedLogisticRegression lr) {
            return lr.toBytes();
        }
        if (classifier instanceof HashedNaiveBayes nb) {
            return nb.toBytes();
        }
        throw new IllegalArgumentException("cannot save a " + classifier.getClass().getName());
    }

    /** The decision threshold saved with a model, or 0.5 for a classifier that has none. */
    public static double threshold(Classifier classifier) {
        if (classifier instanceof HashedLogisticRegression lr) {
            return lr.threshold();
        }
        if (classifier instanceof HashedNaiveBayes nb) {
            return nb.threshold();
        }
        return 0.5;
    }
}

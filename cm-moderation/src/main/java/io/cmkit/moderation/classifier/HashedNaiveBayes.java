package io.cmkit.moderation.classifier;

import io.cmkit.moderation.classifier.internal.FeatureHasher;
import io.cmkit.moderation.classifier.internal.ModelFile;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Multinomial naive Bayes over the same hashed features as {@link HashedLogisticRegression}, with
 * Laplace smoothing. Learns in one pass and from very few examples; its probabilities are
 * over-confident (use {@link HashedLogisticRegression} when the score feeds a threshold that
 * should mean something). Scoring is thread-safe; learning takes a write lock. Deterministic.
 */
public final class HashedNaiveBayes implements Classifier {

    static final String KIND = "hashed-naive-bayes";

    private final FeatureHasher hasher;
    private final double alpha;
    private final float[][] counts;
    private final double[] totals = new double[2];
    private final long[] docs = new long[2];
    private volatile double threshold = 0.5;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A model with these hashing options and additive smoothing {@code alpha} (e.g. 0.1). */
    public HashedNaiveBayes(HashingOptions options, double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be positive");
        }
        this.hasher = new FeatureHasher(Objects.requireNonNull(options, "options"));
        this.alpha = alpha;
        this.counts = new float[2][hasher.buckets()];
    }

    /** Default hashing, alpha 0.1. */
    public HashedNaiveBayes() {
        this(HashingOptions.DEFAULTS, 0.1);
    }

    @Override
    public double score(String comment) {
        FeatureHasher.Vector v = hasher.vectorize(Objects.requireNonNull(comment, "comment"));
        lock.readLock().lock();
        try {
            long n = docs[0] + docs[1];
            if (n == 0) {
                return 0.5;
            }
            double b = hasher.buckets();
            double z = Math.log((docs[1] + 1.0) / (docs[0] + 1.0));
            double d1 = Math.log(totals[1] + alpha * b);
            double d0 = Math.log(totals[0] + alpha * b);
            int[] idx = v.index();
            float[] val = v.value();
            for (int i = 0; i < idx.length; i++) {
                int k = idx[i];
                z += val[i] * ((Math.log(counts[1][k] + alpha) - d1) - (Math.log(counts[0][k] + alpha) - d0));
            }
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void learn(String comment, boolean positive) {
        FeatureHasher.Vector v = hasher.vectorize(Objects.requireNonNull(comment, "comment"));
        int c = positive ? 1 : 0;
        lock.writeLock().lock();
        try {
            int[] idx = v.index();
            float[] val = v.value();
            for (int i = 0; i < idx.length; i++) {
                counts[c][idx[i]] += val[i];
                totals[c] += val[i];
            }
            docs[c]++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long examples() {
        lock.readLock().lock();
        try {
            return docs[0] + docs[1];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The suggested decision threshold, saved with the model. */
    public double threshold() {
        return threshold;
    }

    /** Sets the suggested decision threshold. */
    public void threshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], not " + threshold);
        }
        this.threshold = threshold;
    }

    /** The model file's bytes. */
    public byte[] toBytes() {
        lock.readLock().lock();
        try {
            return ModelFile.write(KIND, hasher.options(), out -> {
                out.writeDouble(alpha);
                out.writeDouble(threshold);
                out.writeLong(docs[0]);
                out.writeLong(docs[1]);
                out.writeDouble(totals[0]);
                out.writeDouble(totals[1]);
                int nonZero = 0;
                for (int i = 0; i < counts[0].length; i++) {
                    if (counts[0][i] != 0 || counts[1][i] != 0) {
                        nonZero++;
                    }
                }
                out.writeInt(nonZero);
                for (int i = 0; i < counts[0].length; i++) {
                    if (counts[0][i] != 0 || counts[1][i] != 0) {
                        out.writeInt(i);
                        out.writeFloat(counts[0][i]);
                        out.writeFloat(counts[1][i]);
                    }
                }
            });
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes the model file. */
    public void save(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /** Reads a model file written by {@link #save}. */
    public static HashedNaiveBayes fromBytes(byte[] bytes) throws ClassifierFormatException {
        ModelFile.Opened f = ModelFile.open(bytes);
        if (!KIND.equals(f.kind())) {
            throw new ClassifierFormatException("this model is a " + f.kind() + ", not a " + KIND + " (use Classifiers.load)");
        }
        DataInputStream in = f.body();
        try {
            HashedNaiveBayes m = new HashedNaiveBayes(f.options(), in.readDouble());
            m.threshold(in.readDouble());
            m.docs[0] = in.readLong();
            m.docs[1] = in.readLong();
            m.totals[0] = in.readDouble();
            m.totals[1] = in.readDouble();
            int nonZero = in.readInt();
            if (nonZero < 0 || nonZero > m.counts[0].length) {
                throw new ClassifierFormatException("corrupt classifier model: " + nonZero + " counts");
            }
            for (int i = 0; i < nonZero; i++) {
                int k = in.readInt();
                if (k < 0 || k >= m.counts[0].length) {
                    throw new ClassifierFormatException("corrupt classifier model: bucket " + k + " out of range");
                }
                m.counts[0][k] = in.readFloat();
                m.counts[1][k] = in.readFloat();
            }
            ModelFile.expectEnd(in);
            return m;
        } catch (EOFException e) {
            throw new ClassifierFormatException("corrupt classifier model: truncated", e);
        } catch (ClassifierFormatException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new ClassifierFormatException("corrupt classifier model: " + e.getMessage(), e);
        }
    }
}

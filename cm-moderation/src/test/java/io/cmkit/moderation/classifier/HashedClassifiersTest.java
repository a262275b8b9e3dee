package io.cmkit.moderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("hashed classifiers")
class HashedClassifiersTest {

    static final List<String> SPAM = List.of(
            "Free followers!!! click the link in my bio", "check out my channel for free likes",
            "crypto giveaway, send 1 btc get 2 back", "subscribe to my channel please", "DM me to earn money from home",
            "Gagne un iPhone en cliquant ici", "abonnez-vous à ma chaîne", "win a free gift card now, click here",
            "make money fast, visit my page", "follow me and I follow back, free followers");
    static final List<String> HAM = List.of(
            "Thanks for the quick answer, the order arrived", "the new menu is delicious", "what time do you open on Sunday?",
            "Merci pour votre réponse", "la livraison était rapide", "I love this song so much",
            "great video, very informative", "when is the next event?", "the staff was friendly and helpful",
            "le café était excellent ce matin");

    static void teach(Classifier c, int epochs) {
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < SPAM.size(); i++) {
                c.learn(SPAM.get(i), true);
                c.learn(HAM.get(i), false);
            }
        }
    }

    static HashedLogisticRegression logistic() {
        return HashedLogisticRegression.builder().hashing(HashingOptions.DEFAULTS.withBits(16)).build();
    }

    @Nested
    @DisplayName("logistic regression")
    class Logistic {

        @Test
        @DisplayName("learns a toy spam problem one comment at a time")
        void learnsToyProblem() {
            HashedLogisticRegression c = logistic();
            assertThat(c.score("anything")).isEqualTo(0.5);
            teach(c, 10);
            assertThat(c.examples()).isEqualTo(200);
            assertThat(c.score("free followers, click the link")).isGreaterThan(0.8);
            assertThat(c.score("subscribe to my channel")).isGreaterThan(0.7);
            assertThat(c.score("merci, la livraison était rapide")).isLessThan(0.2);
            assertThat(c.score("the staff was friendly")).isLessThan(0.2);
        }

        @Test
        @DisplayName("is deterministic: same options and examples give the same bytes")
        void deterministic() {
            HashedLogisticRegression a = logistic();
            HashedLogisticRegression b = logistic();
            teach(a, 3);
            teach(b, 3);
            assertThat(a.toBytes()).isEqualTo(b.toBytes());
            HashedLogisticRegression other = HashedLogisticRegression.builder()
                    .hashing(HashingOptions.DEFAULTS.withBits(16).withSeed(7)).build();
            teach(other, 3);
            assertThat(other.toBytes()).isNotEqualTo(a.toBytes());
        }

        @Test
        @DisplayName("a model built with the former L2 (1e-6) keeps it after loading, and learns as before")
        void keepsItsOwnL2(@TempDir Path dir) throws IOException {
            HashedLogisticRegression old = HashedLogisticRegression.builder()
                    .hashing(HashingOptions.DEFAULTS.withBits(16)).l2(1e-6).build();
            teach(old, 3);
            Path f = dir.resolve("old.cmkc");
            old.save(f);
            Classifier loaded = Classifiers.load(f);
            old.learn("free followers", true);
            loaded.learn("free followers", true);
            assertThat(Classifiers.toBytes(loaded)).isEqualTo(old.toBytes());
            HashedLogisticRegression current = logistic();
            teach(current, 3);
            current.learn("free followers", true);
            assertThat(current.toBytes()).isNotEqualTo(old.toBytes());
        }

        @Test
        @DisplayName("the default L2 (1e-2) keeps scores less extreme than a negligible one")
        void defaultL2Regularises() {
            HashedLogisticRegression weak = HashedLogisticRegression.builder()
                    .hashing(HashingOptions.DEFAULTS.withBits(16)).l2(1e-6).build();
            HashedLogisticRegression regularised = logistic();
            teach(weak, 20);
            teach(regularised, 20);
            for (String s : concat(SPAM, HAM, List.of())) {
                assertThat(Math.abs(regularised.score(s) - 0.5)).as(s).isLessThan(Math.abs(weak.score(s) - 0.5));
                assertThat(regularised.score(s) > 0.5).as(s).isEqualTo(SPAM.contains(s));
            }
        }

        @Test
        @DisplayName("round-trips through its file with identical scores, and keeps learning after loading")
        void roundTrip(@TempDir Path dir) throws IOException {
            HashedLogisticRegression c = logistic();
            teach(c, 5);
            c.threshold(0.42);
            Path f = dir.resolve("m.cmkc");
            c.save(f);
            Classifier loaded = Classifiers.load(f);
            assertThat(loaded).isInstanceOf(HashedLogisticRegression.class);
            for (String s : concat(SPAM, HAM, List.of("", "🙂", "www.example.com"))) {
                assertThat(loaded.score(s)).as(s).isEqualTo(c.score(s));
            }
            assertThat(loaded.examples()).isEqualTo(c.examples());
            assertThat(Classifiers.threshold(loaded)).isEqualTo(0.42);
            loaded.learn("free followers", true);
            c.learn("free followers", true);
            assertThat(Classifiers.toBytes(loaded)).isEqualTo(c.toBytes());
        }

        @Test
        @DisplayName("learns and scores from features computed once exactly as from the text")
        void featuresComputedOnce() {
            HashedLogisticRegression fromText = logistic();
            HashedLogisticRegression fromFeatures = logistic();
            teach(fromText, 2);
            for (int e = 0; e < 2; e++) {
                for (int i = 0; i < SPAM.size(); i++) {
                    fromFeatures.learn(fromFeatures.features(SPAM.get(i)), true);
                    fromFeatures.learn(fromFeatures.features(HAM.get(i)), false);
                }
            }
            assertThat(fromFeatures.toBytes()).isEqualTo(fromText.toBytes());
            assertThat(fromFeatures.examples()).isEqualTo(40);
            HashedLogisticRegression.Features f = fromText.features("free followers, click the link");
            assertThat(fromText.score(f)).isEqualTo(fromText.score("free followers, click the link"));
        }

        @Test
        @DisplayName("refuses features computed with other hashing options, naming both")
        void featuresOfAnotherHashing() {
            HashedLogisticRegression c = logistic();
            HashedLogisticRegression other = HashedLogisticRegression.builder()
                    .hashing(HashingOptions.DEFAULTS.withBits(16).withSeed(7)).build();
            HashedLogisticRegression.Features f = other.features("free followers");
            assertThatThrownBy(() -> c.learn(f, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("do not fit")
                    .hasMessageContaining("seed=7")
                    .hasMessageContaining("seed=42");
            assertThatThrownBy(() -> c.score(f)).isInstanceOf(IllegalArgumentException.class);
            assertThat(c.examples()).isZero();
        }

        @Test
        @DisplayName("scores from many threads while learning, without tearing")
        void threadSafe() throws Exception {
            HashedLogisticRegression c = logistic();
            teach(c, 2);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 300; i++) {
                            double p = c.score(SPAM.get(i % SPAM.size()));
                            assertThat(p).isBetween(0.0, 1.0);
                        }
                    }));
                }
                futures.add(pool.submit(() -> teach(c, 5)));
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(c.examples()).isEqualTo(140);
        }
    }

    @Nested
    @DisplayName("naive Bayes")
    class NaiveBayes {

        @Test
        @DisplayName("learns the toy problem too, and round-trips")
        void learnsAndRoundTrips() throws IOException {
            HashedNaiveBayes c = new HashedNaiveBayes(HashingOptions.DEFAULTS.withBits(16), 0.1);
            teach(c, 1);
            assertThat(c.score("free followers, click the link")).isGreaterThan(0.5);
            assertThat(c.score("merci, la livraison était rapide")).isLessThan(0.5);
            Classifier loaded = Classifiers.fromBytes(c.toBytes());
            assertThat(loaded).isInstanceOf(HashedNaiveBayes.class);
            assertThat(loaded.score("free likes")).isEqualTo(c.score("free likes"));
        }
    }

    @Nested
    @DisplayName("a model file")
    class ModelFiles {

        private final byte[] good = trained();

        private static byte[] trained() {
            HashedLogisticRegression c = logistic();
            teach(c, 1);
            return c.toBytes();
        }

        @Test
        @DisplayName("starts with the CMKITCLF magic and format version 2")
        void header() {
            assertThat(new String(good, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("CMKITCLF");
            assertThat(ByteBuffer.wrap(good, 8, 4).getInt()).isEqualTo(2);
        }

        @Test
        @DisplayName("that is not a model is refused plainly")
        void notAModel() {
            assertThatThrownBy(() -> Classifiers.fromBytes("hello, world".getBytes()))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("not a cmkit classifier model");
            assertThatThrownBy(() -> Classifiers.fromBytes(new byte[0]))
                    .isInstanceOf(ClassifierFormatException.class);
        }

        @Test
        @DisplayName("that is damaged or truncated fails its checksum")
        void corrupt() {
            byte[] flipped = good.clone();
            flipped[flipped.length / 2] ^= 0x40;
            assertThatThrownBy(() -> Classifiers.fromBytes(flipped))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("corrupt").hasMessageContaining("checksum");
            byte[] truncated = Arrays.copyOf(good, good.length - 100);
            assertThatThrownBy(() -> Classifiers.fromBytes(truncated))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("corrupt");
        }

        @Test
        @DisplayName("written by a newer cmkit says so")
        void newer() {
            byte[] newer = good.clone();
            ByteBuffer.wrap(newer, 8, 4).putInt(3);
            assertThatThrownBy(() -> Classifiers.fromBytes(newer))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("version 3 is newer than this cmkit reads (version 2)");
        }

        @Test
        @DisplayName("written by an older cmkit (format version 1, other features) is refused, naming its version")
        void older() {
            byte[] older = version1File();
            assertThat(ByteBuffer.wrap(older, 8, 4).getInt()).isEqualTo(1);
            assertThatThrownBy(() -> Classifiers.fromBytes(older))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("format version 1 was written by an older cmkit")
                    .hasMessageContaining("reads version 2 only")
                    .hasMessageContaining("retrain");
            assertThatThrownBy(() -> HashedLogisticRegression.fromBytes(older))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("format version 1");
        }

        /** A file laid out as format version 1 wrote it: no target-cues flag in the header, checksum valid. */
        private byte[] version1File() {
            int kindEnd = 12 + 2 + ByteBuffer.wrap(good, 12, 2).getShort();
            int flags = kindEnd + 4 * 4 + 8; // bits, word n-gram, char min and max, seed; then lexicon cues, target cues
            byte[] body = new byte[good.length - 8 - 1];
            System.arraycopy(good, 0, body, 0, flags + 1);
            System.arraycopy(good, flags + 2, body, flags + 1, good.length - 8 - flags - 2);
            ByteBuffer.wrap(body, 8, 4).putInt(1);
            CRC32 crc = new CRC32();
            crc.update(body);
            byte[] file = Arrays.copyOf(body, body.length + 8);
            ByteBuffer.wrap(file, body.length, 8).putLong(crc.getValue());
            return file;
        }

        @Test
        @DisplayName("with a valid checksum but an inconsistent body is still refused")
        void consistentChecksumBadBody() {
            byte[] body = Arrays.copyOf(good, good.length - 8 - 40);
            CRC32 crc = new CRC32();
            crc.update(body);
            byte[] resealed = Arrays.copyOf(body, body.length + 8);
            ByteBuffer.wrap(resealed, body.length, 8).putLong(crc.getValue());
            assertThatThrownBy(() -> Classifiers.fromBytes(resealed))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("corrupt");
        }

        @Test
        @DisplayName("of another kind is refused by the wrong loader")
        void wrongKind() throws IOException {
            HashedNaiveBayes nb = new HashedNaiveBayes(HashingOptions.DEFAULTS.withBits(12), 0.1);
            assertThatThrownBy(() -> HashedLogisticRegression.fromBytes(nb.toBytes()))
                    .isInstanceOf(ClassifierFormatException.class)
                    .hasMessageContaining("hashed-naive-bayes");
        }

        @Test
        @DisplayName("is compact: only the buckets in use are written")
        void compact(@TempDir Path dir) throws IOException {
            Path f = dir.resolve("m.cmkc");
            Files.write(f, good);
            assertThat(Files.size(f)).isLessThan(12L * (1 << 16) / 4);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }

}

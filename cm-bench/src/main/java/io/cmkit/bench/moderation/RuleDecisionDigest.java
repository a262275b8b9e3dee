package io.cmkit.bench.moderation;

import io.cmkit.moderation.Adjustment;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.Evidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The same-decisions check of workload (b): a SHA-256 over what the engine decided for each of the
 * first comments of {@link RuleSetBenchmark} (after its set-up, exactly as
 * {@link ModerationThroughputReport} decides them): rule, category, requested and final actions,
 * evidence (kind, pattern, category, span, text), adjustments and reply. Run it before and after a
 * change to the engine: the digests must be equal.
 *
 * <p>Arguments: comments in the corpus (1,000,000), comments digested (300,000).
 */
public final class RuleDecisionDigest {

    private RuleDecisionDigest() {
    }

    public static void main(String[] args) {
        int comments = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int digested = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        if (digested > comments) {
            throw new IllegalArgumentException("cannot digest " + digested + " comments of a corpus of " + comments);
        }
        RuleSetBenchmark b = new RuleSetBenchmark();
        b.seed = 42;
        b.comments = comments;
        b.setUp();
        Digest d = new Digest();
        for (int i = 0; i < digested; i++) {
            d.add(b.decideOne(i));
        }
        System.out.printf(Locale.ROOT, "%n(b) decisions of the first %,d comments: %,d with a rule, %,d pieces of evidence,"
                + " SHA-256 %s%n", digested, d.ruled, d.evidence, d.hex());
    }

    /** A running SHA-256 over decisions, each field length-prefixed so no two decisions serialise alike. */
    static final class Digest {
        private final MessageDigest sha;
        long ruled;
        long evidence;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        void add(Decision d) {
            field(d.rule().orElse("-"));
            field(d.category().orElse("-"));
            field(d.requested().toString());
            field(d.actions().toString());
            field(Integer.toString(d.evidence().size()));
            for (Evidence e : d.evidence()) {
                field(e.kind().name());
                field(e.pattern());
                field(e.category().orElse("-"));
                field(e.span().map(s -> s.start() + ":" + s.end()).orElse("-"));
                field(e.text());
            }
            field(Integer.toString(d.adjustments().size()));
            for (Adjustment a : d.adjustments()) {
                field(a.kind().name() + " " + a.requested() + " " + a.replacement().map(Enum::name).orElse("-"));
                field(a.reason());
            }
            field(d.reply().orElse("-"));
            if (d.rule().isPresent()) {
                ruled++;
            }
            evidence += d.evidence().size();
        }

        private void field(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(bytes);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}

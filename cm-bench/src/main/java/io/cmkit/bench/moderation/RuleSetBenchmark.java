package io.cmkit.bench.moderation;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.moderation.Decision;
import io.cmkit.moderation.ModerationEngine;
import io.cmkit.moderation.RuleSet;
import io.cmkit.moderation.lexicon.Lexicons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 5, workload (b): {@link BenchRules the 200-rule set with 10 regexes} through the real
 * {@link ModerationEngine} with the shipped French and English lexicons, over the same
 * 1,000,000 seeded comments as {@link LexiconScanBenchmark}, one thread. The comments come from
 * 5,000 authors (a tenth with accounts under a week old, a fifth verified) and arrive ten
 * milliseconds apart on the engine's clock, so flooding and duplicate windows stay realistic.
 * An operation decides {@value #BATCH} comments; scores are comments per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleSetBenchmark {

    static final int BATCH = 1_000;
    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
    private static final String[] BRAND_WORDS = {"livraison", "colis", "remboursement", "commande", "facture", "avoir",
        "refund", "parcel", "invoice", "delivery", "store credit", "service client", "customer service", "boutique",
        "store", "prix", "prices", "qualité", "quality", "serveur", "staff", "café", "coffee", "lyon", "boston"};

    @Param("42")
    public long seed;

    @Param("1000000")
    public int comments;

    private String[] texts;
    private Author[] authors;
    private final Account account = new Account(Platform.MASTODON, "cafe_lumiere");
    private final ThreadPosition toBrand = new ThreadPosition(Optional.of("post1"), Optional.of("post1"), 1, true);
    private final ThreadPosition deeper = new ThreadPosition(Optional.of("post1"), Optional.of("c7"), 2, false);
    private final SteppingClock clock = new SteppingClock();
    private ModerationEngine engine;
    private int next;
    private long sequence;

    @Setup
    public void setUp() {
        List<String> lexicon = ModerationCorpus.lexicon(seed, 10_000);
        texts = ModerationCorpus.comments(seed + 1, comments, lexicon).toArray(String[]::new);
        authors = new Author[5_000];
        for (int i = 0; i < authors.length; i++) {
            Optional<Instant> created = Optional.of(START.minus(Duration.ofDays(i % 10 == 0 ? 2 : 30 + i % 900)));
            authors[i] = new Author("u" + i, "user" + i, Optional.empty(), created, OptionalLong.of(i % 700), i % 5 == 0);
        }
        List<String> vocabulary = new ArrayList<>(lexicon.subList(lexicon.size() / 2, lexicon.size()));
        vocabulary.addAll(List.of(BRAND_WORDS));
        RuleSet rules = BenchRules.twoHundred(seed, vocabulary);
        engine = ModerationEngine.builder().rules(rules).lexicon(Lexicons.defaults()).clock(clock)
                .brandName("Café Lumière").build();
        Map<String, Integer> byRule = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            Decision d = engine.decide(interaction(i));
            byRule.merge(d.rule().orElse("(none)"), 1, Integer::sum);
        }
        System.out.printf("%n%d rules (%d regexes); decisions of the first 20,000 comments by rule: %s%n",
                rules.rules().size(), BenchRules.REGEXES.size(), byRule);
    }

    private Interaction interaction(int i) {
        long n = sequence++;
        clock.now = START.plusMillis(10 * n);
        Author author = authors[(int) (n * 7919 % authors.length)];
        boolean reply = (i & 3) != 0;
        return new Interaction("c" + n, account, reply ? Interaction.Kind.COMMENT : Interaction.Kind.REPLY, author,
                texts[i], clock.now, reply ? toBrand : deeper, Optional.empty(), Optional.empty());
    }

    /** Decides {@value #BATCH} comments, in turn from the corpus. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decide() {
        int from = next;
        next = from + BATCH >= texts.length ? 0 : from + BATCH;
        long acted = 0;
        for (int i = from, end = from + BATCH; i < end; i++) {
            acted += engine.decide(interaction(i)).actions().size();
        }
        return acted;
    }

    /** Decides comment {@code i} of the corpus, as the next arrival. */
    Decision decideOne(int i) {
        return engine.decide(interaction(i));
    }

    /** The engine's clock: the arrival time of the comment being decided. */
    static final class SteppingClock extends Clock {
        volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

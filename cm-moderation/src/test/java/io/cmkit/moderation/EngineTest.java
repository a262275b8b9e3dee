package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cmkit.moderation.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The engine is checked when built and shared safely")
class EngineTest {

    private final Comments.TestClock clock = new Comments.TestClock();

    private static RuleSet one(Condition c) {
        return RuleSet.builder().rule(Rule.builder("r").when(c).then(Action.FLAG).build()).build();
    }

    @Test
    @DisplayName("a rule naming a category the lexicon lacks, a classifier not given, or no lexicon at all fails the build")
    void checked() {
        assertThatThrownBy(() -> Comments.engine(one(new Condition.Category(java.util.Set.of("gossip"), 1)), clock, ModerationConfig.ofDefaults()))
                .hasMessageContaining("rule 'r' names categories the lexicon lacks: [gossip]");
        assertThatThrownBy(() -> Comments.engine(one(new Condition.ClassifierScore("spamminess", 0.5)), clock, ModerationConfig.ofDefaults()))
                .hasMessageContaining("no classifier named 'spamminess' was given");
        assertThatThrownBy(() -> ModerationEngine.builder().rules(one(Condition.category("insult"))).build())
                .hasMessageContaining("the engine has no lexicon");
        assertThatThrownBy(() -> Comments.engine(one(Condition.regex("a(b")), clock, ModerationConfig.ofDefaults()))
                .hasMessageContaining("missing closing )");
    }

    @Test
    @DisplayName("one engine decides for many threads at once, and counts their traffic exactly")
    void concurrent() throws Exception {
        RuleSet rules = RuleSet.builder()
                .rule(Rule.builder("flood").priority(10).when(new Condition.Flood(800, Duration.ofHours(1))).then(Action.HIDE).build())
                .rule(Rule.builder("insults").when(Condition.category("insult")).then(Action.FLAG).build())
                .build();
        ModerationEngine engine = Comments.engine(rules, clock, ModerationConfig.ofDefaults());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Decision>>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                List<Decision> ds = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    Interaction c = comment(i % 2 == 0 ? "quel idiot" : "bonne journée").by("same").build();
                    ds.add(engine.decide(c));
                }
                return ds;
            }));
        }
        List<Decision> all = new ArrayList<>();
        for (Future<List<Decision>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(800);
        assertThat(all).filteredOn(d -> d.rule().equals(java.util.Optional.of("insults"))).hasSizeBetween(399, 400);
        Decision next = engine.decide(comment("encore").by("same").build());
        assertThat(next.rule()).contains("flood");
        assertThat(next.evidence()).extracting(Evidence::text).containsExactly("801 interactions");
    }
}

package io.cmkit.moderation.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.moderation.classifier.Classifier;
import io.cmkit.moderation.lexicon.CompiledLexicon;
import io.cmkit.moderation.lexicon.Lexicons;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The figures on the CC BY 4.0 data carried in src/test/resources/data (see its README.md). Each
 * test prints what it measured and fails below a floor set a little under the figure measured on
 * 2026-11-26 (cm-moderation/README.md has the table). The floors are not a target: raise them when
 * the lexicons or the classifier get better.
 */
@DisplayName("moderation on labelled public data")
class ModerationDataTest {

    private static final CompiledLexicon LEXICON = Lexicons.defaults();
    static final String HATE = "hate,threat,insult,identity+derogatory";

    private static Path data(String name) {
        try {
            return Path.of(ModerationDataTest.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double flagged(Evaluation.Report r, String group) {
        return r.byGroup().get(group).get(Evaluation.LEXICON).positiveRate();
    }

    @Test
    @DisplayName("spam: the default lexicons and a classifier trained on tubespam_train, measured on tubespam_val")
    void spam() throws Exception {
        List<Dataset.Example> train = Dataset.load(data("tubespam_train.csv"), "text", "label", "1", Optional.empty(), TextDecoding.HTML);
        List<Dataset.Example> val = Dataset.load(data("tubespam_val.csv"), "text", "label", "1", Optional.empty(), TextDecoding.HTML);
        Training.Result trained = Training.train(train, Training.Options.defaults());
        Classifier model = trained.model();
        Evaluation.Report r = Evaluation.run(val, LEXICON, Evaluation.parseCategories("spam,scam"), Optional.of(model), trained.threshold());
        r.print(System.out, "tubespam_val (threshold " + trained.threshold() + " from cross-validation on tubespam_train)");
        assertThat(r.get(Evaluation.LEXICON).f1()).as("lexicon F1").isGreaterThanOrEqualTo(0.58);
        assertThat(r.get(Evaluation.LEXICON).precision()).as("lexicon precision").isGreaterThanOrEqualTo(0.95);
        assertThat(r.get(Evaluation.CLASSIFIER).f1()).as("classifier F1").isGreaterThanOrEqualTo(0.95);
        assertThat(r.get(Evaluation.EITHER).f1()).as("lexicon OR classifier F1").isGreaterThanOrEqualTo(0.95);
        assertThat(r.get(Evaluation.RULES).f1()).as("default rules + classifier rule F1").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    @DisplayName("HateCheck English: the default lexicons, per functionality")
    void hateCheckEnglish() throws Exception {
        Evaluation.Report r = hateCheck("hatecheck_en_dev.csv");
        assertThat(r.get(Evaluation.LEXICON).f1()).as("F1").isGreaterThanOrEqualTo(0.65);
        assertThat(r.get(Evaluation.LEXICON).precision()).as("precision").isGreaterThanOrEqualTo(0.73);
        assertThat(flagged(r, "spell_char_del_h")).as("a letter left out").isGreaterThanOrEqualTo(0.62);
        assertThat(flagged(r, "spell_char_swap_h")).as("swapped letters").isGreaterThanOrEqualTo(0.54);
        assertThat(flagged(r, "spell_leet_h")).as("leet").isGreaterThanOrEqualTo(0.80);
        assertThat(flagged(r, "spell_space_add_h")).as("added spaces").isGreaterThanOrEqualTo(0.88);
        assertThat(r.get(Evaluation.RULES).precision()).as("default rules precision").isGreaterThanOrEqualTo(0.65);
        assertThat(flagged(r, "slur_h")).as("slurs").isGreaterThanOrEqualTo(0.75);
        assertThat(flagged(r, "ident_neutral_nh")).as("neutral mentions of a group").isLessThanOrEqualTo(0.05);
        assertThat(flagged(r, "ident_pos_nh")).as("positive mentions of a group").isLessThanOrEqualTo(0.05);
    }

    @Test
    @DisplayName("HateCheck French (MHC): the default lexicons, per functionality")
    void hateCheckFrench() throws Exception {
        Evaluation.Report r = hateCheck("mhc_fr_dev.csv");
        assertThat(r.get(Evaluation.LEXICON).f1()).as("F1").isGreaterThanOrEqualTo(0.69);
        assertThat(r.get(Evaluation.LEXICON).precision()).as("precision").isGreaterThanOrEqualTo(0.76);
        assertThat(flagged(r, "spell_char_del_h")).as("a letter left out").isGreaterThanOrEqualTo(0.36);
        assertThat(flagged(r, "spell_char_swap_h")).as("swapped letters").isGreaterThanOrEqualTo(0.75);
        assertThat(flagged(r, "spell_leet_h")).as("leet").isGreaterThanOrEqualTo(0.85);
        assertThat(flagged(r, "spell_space_add_h")).as("added spaces").isGreaterThanOrEqualTo(0.80);
        assertThat(r.get(Evaluation.RULES).precision()).as("default rules precision").isGreaterThanOrEqualTo(0.68);
        assertThat(flagged(r, "slur_h")).as("slurs").isGreaterThanOrEqualTo(0.82);
        assertThat(flagged(r, "ident_neutral_nh")).as("neutral mentions of a group").isLessThanOrEqualTo(0.18);
        assertThat(flagged(r, "ident_pos_nh")).as("positive mentions of a group").isLessThanOrEqualTo(0.18);
    }

    @Test
    @DisplayName("HateCheck counter-speech and quoted slurs (EN and FR): the default rules flag them at most, never hide"
            + " or delete them")
    void counterSpeechIsNeverRemoved() throws Exception {
        for (String file : List.of("hatecheck_en_dev.csv", "mhc_fr_dev.csv")) {
            Evaluation.Report r = hateCheck(file);
            for (String group : List.of("counter_quote_nh", "counter_ref_nh")) {
                assertThat(r.byGroup()).as(file).containsKey(group);
                assertThat(r.removalsByGroup().getOrDefault(group, new Evaluation.Removals(0, 0)))
                        .as(file + " " + group + ": hidden and deleted by the default rules")
                        .isEqualTo(new Evaluation.Removals(0, 0));
            }
        }
    }

    private static Evaluation.Report hateCheck(String file) throws Exception {
        List<Dataset.Example> cases = Dataset.load(data(file), "test_case", "label_gold", "hateful",
                Optional.of("functionality"), TextDecoding.NONE);
        Evaluation.Report r = Evaluation.run(cases, LEXICON, Evaluation.parseCategories(HATE), Optional.empty(), 0.5);
        r.print(System.out, file + " with categories " + HATE);
        for (Map.Entry<String, Map<String, Confusion>> g : r.byGroup().entrySet()) {
            if (g.getKey().startsWith("counter_")) {
                Confusion c = g.getValue().get(Evaluation.LEXICON);
                Evaluation.Removals removed = r.removalsByGroup().get(g.getKey());
                System.out.printf("  counter-speech %s: %d of %d hit by the lexicons; the default rules acted on %d, hid %d,"
                        + " deleted %d%n", g.getKey(), c.fp(), c.total(), g.getValue().get(Evaluation.RULES).fp(),
                        removed.hidden(), removed.deleted());
            }
        }
        return r;
    }
}

package io.cmkit.bench.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.text.MatchMode;
import io.cmkit.moderation.Action;
import io.cmkit.moderation.Condition;
import io.cmkit.moderation.Rule;
import io.cmkit.moderation.RuleSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A 200-rule set of the kind a brand with several teams ends up with: the 12 default rules, 10
 * RE2J regexes (order numbers, phone numbers, e-mails, IBANs, crypto wallets, promo codes...),
 * and 178 seeded rules on words and phrases (products, competitors, campaigns, slang), most
 * combined with account, thread, link, language, length or capitals conditions. Rules are tried
 * by priority; the first that matches decides.
 */
public final class BenchRules {

    /** Ten regexes, matched on the normalised text unless marked original. */
    static final List<Condition.Regex> REGEXES = List.of(
            new Condition.Regex("commande\\s*(n|no|numero)?\\s*\\d{6}", true),
            new Condition.Regex("order\\s*(no|number)?\\s*\\d{6}", true),
            new Condition.Regex("(\\+33|0)\\s?[67](\\s?\\d{2}){4}", false),
            new Condition.Regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", false),
            new Condition.Regex("fr\\d{2}(\\s?[0-9a-z]{4}){5}", true),
            new Condition.Regex("\\b(bc1|0x)[a-zA-Z0-9]{25,40}\\b", false),
            new Condition.Regex("(promo|discount)\\s*code\\s*:?\\s*[a-z0-9]{4,}", true),
            new Condition.Regex("gagn(e|ez|er)\\s+(un|une|des)\\s+(iphone|ipad|voyage|bon)", true),
            new Condition.Regex("\\d{2,3}\\s*%\\s*(off|de reduction|remise)", true),
            new Condition.Regex("(whats\\s?app|telegram)\\s*:?\\s*\\+?\\d[\\d ]{7,}", true));

    private BenchRules() {
    }

    /** The 200 rules, reproducible from {@code seed}; words are drawn from {@code vocabulary}. */
    public static RuleSet twoHundred(long seed, List<String> vocabulary) {
        RuleSet defaults = RuleSet.defaults();
        RuleSet.Builder b = RuleSet.builder();
        defaults.templates().values().forEach(b::template);
        defaults.rules().forEach(b::rule);
        for (int i = 0; i < REGEXES.size(); i++) {
            b.rule(Rule.builder("regex-" + i).category("spam").priority(50 - i).when(REGEXES.get(i))
                    .then(Action.FLAG).build());
        }
        SplittableRandom random = new SplittableRandom(seed);
        int rules = 200 - defaults.rules().size() - REGEXES.size();
        for (int i = 0; i < rules; i++) {
            Rule.Builder rule = Rule.builder("team-" + i).category("brand").priority(random.nextInt(120));
            List<String> terms = new ArrayList<>();
            int n = 2 + random.nextInt(7);
            for (int k = 0; k < n; k++) {
                terms.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            MatchMode mode = random.nextInt(8) == 0 ? MatchMode.PREFIX : MatchMode.WHOLE_WORD;
            rule.when(new Condition.Words(terms, mode));
            switch (random.nextInt(10)) {
                case 0 -> rule.when(new Condition.ReplyToBrand(true));
                case 1 -> rule.when(Condition.not(new Condition.Verified(true)));
                case 2 -> rule.when(new Condition.AccountAge(Duration.ofDays(1 + random.nextInt(30))));
                case 3 -> rule.when(new Condition.Links(1, Set.of("cafe-lumiere.example"), Set.of()));
                case 4 -> rule.when(new Condition.Language(Set.of(random.nextBoolean() ? "fr" : "en")));
                case 5 -> rule.when(new Condition.Length(0, 100 + random.nextInt(100)));
                case 6 -> rule.when(new Condition.CapsRatio(0.5, 10));
                case 7 -> rule.when(new Condition.Kind(Set.of(Interaction.Kind.COMMENT, Interaction.Kind.REPLY)));
                case 8 -> rule.when(Condition.any(new Condition.Followers(50), new Condition.Strikes(1)));
                default -> {
                    // words alone
                }
            }
            int a = random.nextInt(4);
            rule.then(a == 0 ? Action.HIDE : a == 1 ? Action.ESCALATE : Action.FLAG);
            b.rule(rule.build());
        }
        return b.build();
    }
}

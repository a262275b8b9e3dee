package io.cmkit.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What moderation decided about one interaction, and why. It names the rule and its category,
 * the actions the rule asked for and those that stand after the safety policy (and, once a
 * {@link Moderator} carried it out, after degradation), the matched spans with their original
 * offsets, and every change made on the way. {@link #explain(Locale)} says it in French or English.
 *
 * @param interactionKey the interaction's {@code platform:id}
 * @param rule the deciding rule's id; empty when no rule matched (then nothing is done)
 * @param category the deciding rule's category
 * @param requested the actions the rule asked for
 * @param actions the actions that stand
 * @param evidence why the rule matched
 * @param adjustments every change between {@code requested} and {@code actions}
 * @param reply the rendered saved reply, when an action is REPLY
 * @param dryRun whether nothing is (or was) carried out
 * @param decidedAt when
 */
public record Decision(String interactionKey, Optional<String> rule, Optional<String> category,
                       List<Action> requested, List<Action> actions, List<Evidence> evidence,
                       List<Adjustment> adjustments, Optional<String> reply, boolean dryRun, Instant decidedAt) {

    public Decision {
        Objects.requireNonNull(interactionKey, "interactionKey");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(category, "category");
        requested = List.copyOf(requested);
        actions = List.copyOf(actions);
        evidence = List.copyOf(evidence);
        adjustments = List.copyOf(adjustments);
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** Whether a rule matched. */
    public boolean matched() {
        return rule.isPresent();
    }

    /** Whether {@code action} stands. */
    public boolean has(Action action) {
        return actions.contains(action);
    }

    /** A copy with other standing actions and more adjustments. */
    public Decision with(List<Action> newActions, List<Adjustment> moreAdjustments) {
        List<Adjustment> all = new ArrayList<>(adjustments);
        all.addAll(moreAdjustments);
        return new Decision(interactionKey, rule, category, requested, newActions, evidence, all, reply, dryRun, decidedAt);
    }

    /** A sentence or two a community manager can read, in French ({@code fr}) or English (anything else). */
    public String explain(Locale language) {
        boolean fr = language.getLanguage().equals("fr");
        StringBuilder b = new StringBuilder();
        if (dryRun) {
            b.append(fr ? "[Simulation, rien n'est exécuté] " : "[Dry run, nothing is carried out] ");
        }
        if (rule.isEmpty()) {
            return b.append(fr ? "Aucune règle ne s'applique." : "No rule matched.").toString();
        }
        // English keeps the action and category codes the audit log and rule files use; French words them.
        String acts = actions.stream().map(a -> fr ? a.label(language) : a.name()).collect(Collectors.joining(" + "));
        b.append(fr ? "Règle « " : "Rule '").append(rule.get()).append(fr ? " »" : "'");
        category.filter(c -> !c.isEmpty()).ifPresent(c -> b.append(" (").append(categoryName(c, fr)).append(")"));
        b.append(fr ? " : " : ": ").append(acts.isEmpty() ? (fr ? "aucune action" : "no action") : acts).append('.');
        for (Evidence e : evidence) {
            b.append(' ');
            if (e.span().isPresent()) {
                b.append(fr ? "« " : "\"").append(e.text()).append(fr ? " »" : "\"");
                b.append(fr ? " aux positions " : " at ").append(e.span().get().start()).append('–').append(e.span().get().end());
                b.append(" (").append(e.kind() == Evidence.Kind.LINK ? linkName(e.pattern(), fr)
                        : kindName(e.kind(), fr) + ' ' + e.pattern());
                e.category().ifPresent(c -> b.append(fr ? ", catégorie " : ", category ").append(categoryName(c, fr)));
                b.append(").");
            } else {
                b.append(factName(e.pattern(), fr)).append(fr ? " : " : ": ").append(factValue(e.text(), fr)).append('.');
            }
        }
        for (Adjustment a : adjustments) {
            if (!fr) {
                b.append(' ').append(a.requested().name()).append(" → ")
                        .append(a.replacement().map(Enum::name).orElse("nothing"))
                        .append(" (").append(a.reason()).append(").");
                continue;
            }
            b.append(' ').append(a.requested().label(language)).append(" → ")
                    .append(a.replacement().map(r -> r.label(language)).orElse("rien")).append(" (")
                    .append(switch (a.kind()) {
                        // The reason is an English sentence kept for the audit log; the kind says it in French.
                        case SAFETY -> "contre-discours, citation ou négation : une personne décide";
                        case DEGRADED -> "impossible sur " + platformName();
                        case FAILED -> "l'appel à la plateforme a échoué : " + a.reason();
                    }).append(").");
        }
        return b.toString();
    }

    private String platformName() {
        int colon = interactionKey.indexOf(':');
        try {
            return io.cmkit.core.model.Platform.of(interactionKey.substring(0, Math.max(colon, 0))).displayName();
        } catch (IllegalArgumentException notAPlatformId) {
            return "la plateforme";
        }
    }

    /** The shipped categories in French; a host's own category keeps its name. */
    private static final Map<String, String> CATEGORIES_IN_FRENCH = Map.ofEntries(
            Map.entry("insult", "insulte"), Map.entry("threat", "menace"), Map.entry("scam", "arnaque"),
            Map.entry("spam", "spam"), Map.entry("hate", "haine"), Map.entry("sexual", "contenu sexuel"),
            Map.entry("defamation", "diffamation"), Map.entry("derogatory", "dénigrement"),
            Map.entry("profanity", "grossièreté"), Map.entry("identity", "identité"), Map.entry("tone", "ton"));

    private static String categoryName(String category, boolean fr) {
        return fr ? CATEGORIES_IN_FRENCH.getOrDefault(category, category) : category;
    }

    /** The engine's link evidence ("link to DOMAIN", "deny DOMAIN") said in the explanation's language. */
    private static String linkName(String pattern, boolean fr) {
        if (pattern.startsWith("link to ")) {
            return (fr ? "lien vers " : "link to ") + pattern.substring("link to ".length());
        }
        if (pattern.startsWith("deny ")) {
            return (fr ? "lien vers un domaine interdit, " : "link to a denied domain, ") + pattern.substring("deny ".length());
        }
        return (fr ? "lien " : "link ") + pattern;
    }

    /** The engine's fact names (English, as in the audit log) said in French; other names are left as they are. */
    private static final List<Map.Entry<String, String>> FACTS_IN_FRENCH = List.of(
            Map.entry("account age < ", "ancienneté du compte < "),
            Map.entry("followers < ", "abonnés < "),
            Map.entry("earlier strikes >= ", "infractions antérieures ≥ "),
            Map.entry("verified", "compte vérifié"),
            Map.entry("same author within ", "même auteur en "),
            Map.entry("same text within ", "même texte en "),
            Map.entry("capitals", "majuscules"),
            Map.entry("emoji", "émojis"),
            Map.entry("length", "longueur"),
            Map.entry("language", "langue"),
            Map.entry("classifier ", "classifieur "),
            Map.entry("reply to the brand", "réponse à la marque"),
            Map.entry("kind", "type"),
            Map.entry("quotation or reported speech", "citation ou discours rapporté"));

    private static String factName(String pattern, boolean fr) {
        if (!fr) {
            return pattern;
        }
        for (Map.Entry<String, String> fact : FACTS_IN_FRENCH) {
            boolean prefix = fact.getKey().endsWith(" ");
            if (prefix ? pattern.startsWith(fact.getKey()) : pattern.equals(fact.getKey())) {
                return fact.getValue() + pattern.substring(fact.getKey().length()).replace(">=", "≥");
            }
        }
        return pattern;
    }

    /** A fact's value: yes/no for booleans, "N authors" and "N interactions" in French. */
    private static String factValue(String value, boolean fr) {
        return switch (value) {
            case "true", "yes" -> fr ? "oui" : "yes";
            case "false", "no" -> fr ? "non" : "no";
            default -> fr ? value.replaceFirst("^(\\d+) authors$", "$1 auteurs") : value;
        };
    }

    private static String kindName(Evidence.Kind kind, boolean fr) {
        return switch (kind) {
            case TERM -> fr ? "terme du lexique" : "lexicon term";
            case WORD -> fr ? "mot" : "word";
            case REGEX -> fr ? "expression régulière" : "regex";
            case LINK -> fr ? "lien" : "link";
            case FACT -> fr ? "fait" : "fact";
        };
    }
}

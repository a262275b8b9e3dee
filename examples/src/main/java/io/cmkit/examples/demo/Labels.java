package io.cmkit.examples.demo;

import java.util.Locale;
import java.util.Map;

/** The demo's words in French and English. */
final class Labels {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[] {"cmkit — démonstration", "cmkit — demo"}),
            Map.entry("strategy", new String[] {"Stratégie", "Strategy"}),
            Map.entry("brand", new String[] {"Marque", "Brand"}),
            Map.entry("timezone", new String[] {"Fuseau horaire", "Time zone"}),
            Map.entry("accounts", new String[] {"Comptes", "Accounts"}),
            Map.entry("objectives", new String[] {"Objectifs", "Objectives"}),
            Map.entry("audiences", new String[] {"Audiences", "Audiences"}),
            Map.entry("personas", new String[] {"personas", "personas"}),
            Map.entry("editorial", new String[] {"Ligne éditoriale", "Editorial line"}),
            Map.entry("tone", new String[] {"Ton", "Tone"}),
            Map.entry("languages", new String[] {"Langues", "Languages"}),
            Map.entry("pillars", new String[] {"Piliers", "Pillars"}),
            Map.entry("cadence", new String[] {"Rythme", "Cadence"}),
            Map.entry("perWeek", new String[] {"posts/semaine", "posts/week"}),
            Map.entry("atLeast", new String[] {"au moins", "at least"}),
            Map.entry("atMost", new String[] {"au plus", "at most"}),
            Map.entry("ranking", new String[] {"Classement des plateformes", "Platform ranking"}),
            Map.entry("score", new String[] {"score", "score"}),
            Map.entry("account", new String[] {"compte", "account"}),
            Map.entry("noAccount", new String[] {"pas de compte", "no account"}),
            Map.entry("why", new String[] {"pourquoi", "why"}),
            Map.entry("noData", new String[] {"sans données", "no data"}),
            Map.entry("excluded", new String[] {"écartée", "left out"}),
            Map.entry("publishing", new String[] {"Publication dans le bac à sable", "Publishing to the sandbox"}),
            Map.entry("published", new String[] {"publié", "published"}),
            Map.entry("rejected", new String[] {"refusé", "rejected"}),
            Map.entry("simulating", new String[] {"Simulation", "Simulating"}),
            Map.entry("day", new String[] {"jour", "day"}),
            Map.entry("results", new String[] {"Ce qui s'est passé", "What happened"}),
            Map.entry("platform", new String[] {"plateforme", "platform"}),
            Map.entry("likes", new String[] {"j'aime", "likes"}),
            Map.entry("shares", new String[] {"partages", "shares"}),
            Map.entry("comments", new String[] {"commentaires", "comments"}),
            Map.entry("mentions", new String[] {"mentions", "mentions"}),
            Map.entry("followers", new String[] {"abonnés", "followers"}),
            Map.entry("impressions", new String[] {"impressions", "impressions"}),
            Map.entry("na", new String[] {"n/d", "n/a"}),
            Map.entry("sample", new String[] {"Extraits des commentaires reçus", "Sample of the comments received"}),
            Map.entry("toModerate", new String[] {"à modérer", "to moderate"}),
            Map.entry("done", new String[] {"Terminé.", "Done."}),
            Map.entry("realBluesky", new String[] {"Bluesky : publication sur le vrai serveur", "Bluesky: publishing to the real server"}),
            Map.entry("history", new String[] {"Les semaines passées, dans le bac à sable", "The past weeks, in the sandbox"}),
            Map.entry("weeks", new String[] {"semaines", "weeks"}),
            Map.entry("pastPosts", new String[] {"publications passées", "past posts"}),
            Map.entry("pastOutcomes", new String[] {"mesurées à 48 h pour les meilleurs moments", "measured at 48 h for the best times"}),
            Map.entry("bestTimes", new String[] {"Meilleurs moments pour publier (données passées)", "Best times to post (past data)"}),
            Map.entry("best", new String[] {"meilleurs créneaux", "best slots"}),
            Map.entry("planning", new String[] {"Calendrier éditorial de la semaine", "The week's editorial calendar"}),
            Map.entry("ideas", new String[] {"idées de publication", "post ideas"}),
            Map.entry("entries", new String[] {"publications au calendrier", "calendar entries"}),
            Map.entry("bannedComment", new String[] {"terme interdit par la marque :", "a term the brand bans:"}),
            Map.entry("rejectedBy", new String[] {"refusé par", "rejected by"}),
            Map.entry("approvedScheduled", new String[] {"publications relues, approuvées et programmées", "posts reviewed, approved and scheduled"}),
            Map.entry("scheduled", new String[] {"programmées", "scheduled"}),
            Map.entry("live", new String[] {"Direct", "Live"}),
            Map.entry("at", new String[] {"le", "on"}),
            Map.entry("cues", new String[] {"publications au conducteur", "run-of-show posts"}),
            Map.entry("postsPublished", new String[] {"publiées", "published"}),
            Map.entry("liveCues", new String[] {"en direct", "live"}),
            Map.entry("alerts", new String[] {"alertes", "alerts"}),
            Map.entry("questions", new String[] {"questions recueillies", "questions collected"}),
            Map.entry("inOneHour", new String[] {"en une heure", "in one hour"}),
            Map.entry("measure.VOLUME", new String[] {"mentions", "mentions"}),
            Map.entry("measure.NEGATIVE", new String[] {"mentions négatives", "negative mentions"}),
            Map.entry("measure.ENGAGEMENT", new String[] {"interactions", "engagements"}),
            Map.entry("savedQuery", new String[] {"requête", "query"}),
            Map.entry("baseline", new String[] {"référence", "baseline"}),
            Map.entry("action.HIDE", new String[] {"masqués", "hidden"}),
            Map.entry("action.DELETE", new String[] {"supprimés", "deleted"}),
            Map.entry("action.REPLY", new String[] {"réponses", "replies"}),
            Map.entry("action.FLAG", new String[] {"signalés", "flagged"}),
            Map.entry("action.ESCALATE", new String[] {"remontés", "escalated"}),
            Map.entry("action.BLOCK_AUTHOR", new String[] {"auteurs bloqués", "authors blocked"}),
            Map.entry("one.personas", new String[] {"persona", "persona"}),
            Map.entry("one.postsPublished", new String[] {"publiée", "published"}),
            Map.entry("one.comments", new String[] {"commentaire", "comment"}),
            Map.entry("one.mentions", new String[] {"mention", "mention"}),
            Map.entry("one.alerts", new String[] {"alerte", "alert"}),
            Map.entry("one.questions", new String[] {"question recueillie", "question collected"}),
            Map.entry("one.HIDE", new String[] {"masqué", "hidden"}),
            Map.entry("one.DELETE", new String[] {"supprimé", "deleted"}),
            Map.entry("one.REPLY", new String[] {"réponse", "reply"}),
            Map.entry("one.FLAG", new String[] {"signalé", "flagged"}),
            Map.entry("one.ESCALATE", new String[] {"remonté", "escalated"}),
            Map.entry("one.BLOCK_AUTHOR", new String[] {"auteur bloqué", "author blocked"}),
            Map.entry("one.pastPosts", new String[] {"publication passée", "past post"}),
            Map.entry("one.pastOutcomes", new String[] {"mesurée à 48 h pour les meilleurs moments", "measured at 48 h for the best times"}),
            Map.entry("one.ideas", new String[] {"idée de publication", "post idea"}),
            Map.entry("one.entries", new String[] {"publication au calendrier", "calendar entry"}),
            Map.entry("one.approvedScheduled", new String[] {"publication relue, approuvée et programmée", "post reviewed, approved and scheduled"}),
            Map.entry("one.perWeek", new String[] {"post/semaine", "post/week"}),
            Map.entry("one.scheduled", new String[] {"programmée", "scheduled"}),
            Map.entry("one.cues", new String[] {"publication au conducteur", "run-of-show post"}),
            Map.entry("one.postsMeasured", new String[] {"publication mesurée", "post measured"}),
            Map.entry("one.candidates", new String[] {"au-dessus de la moyenne du compte", "above its account's baseline"}),
            Map.entry("alert.BAD_BUZZ", new String[] {"BAD BUZZ", "BAD BUZZ"}),
            Map.entry("alert.VOLUME_SPIKE", new String[] {"pic de mentions", "mention spike"}),
            Map.entry("alert.COMPETITOR_VOLUME", new String[] {"pic chez le concurrent", "competitor spike"}),
            Map.entry("alert.COMPETITOR_ENGAGEMENT", new String[] {"engagement du concurrent", "competitor engagement"}),
            Map.entry("boosts", new String[] {"Publications à sponsoriser, dans le budget", "Posts to boost, within the budget"}),
            Map.entry("postsMeasured", new String[] {"publications mesurées", "posts measured"}),
            Map.entry("candidates", new String[] {"au-dessus de la moyenne du compte", "above their account's baseline"}),
            Map.entry("winChance", new String[] {"chance d'être la meilleure", "chance of being the best"}),
            Map.entry("moderation", new String[] {"Modération : une décision expliquée par action", "Moderation: one explained decision per action"}),
            Map.entry("summary", new String[] {"Résumé de la semaine", "The week in short"}),
            Map.entry("files", new String[] {"Tableau de bord client écrit dans", "Client dashboard written to"}),
            Map.entry("sum.posts", new String[] {"publications publiées", "posts published"}),
            Map.entry("sum.live", new String[] {"publications du direct", "live posts"}),
            Map.entry("sum.comments", new String[] {"commentaires reçus", "comments received"}),
            Map.entry("sum.mentions", new String[] {"mentions reçues", "mentions received"}),
            Map.entry("sum.tagged", new String[] {"mentions étiquetées (marque / concurrent)", "mentions tagged (brand / competitor)"}),
            Map.entry("sum.sentiment", new String[] {"sentiment (positif / neutre / négatif)", "sentiment (positive / neutral / negative)"}),
            Map.entry("sum.questions", new String[] {"questions du direct", "live questions"}),
            Map.entry("sum.alerts", new String[] {"alertes levées", "alerts raised"}),
            Map.entry("sum.boosts", new String[] {"publications sponsorisées", "posts boosted"}),
            Map.entry("sum.moderated", new String[] {"commentaires modérés", "comments moderated"}),
            Map.entry("sum.objectives", new String[] {"Objectifs au %s (réel / cible, rythme)", "Objectives on %s (actual / target, pacing)"}),
            Map.entry("pacing.AHEAD", new String[] {"en avance", "ahead"}),
            Map.entry("pacing.ON_TRACK", new String[] {"dans les temps", "on track"}),
            Map.entry("pacing.BEHIND", new String[] {"en retard", "behind"}),
            Map.entry("pacing.NOT_AVAILABLE", new String[] {"n.d.", "n/a"}),
            Map.entry("forecast", new String[] {"prévision", "forecast"}),
            Map.entry("elapsed", new String[] {"écoulé", "elapsed"}));

    private final int index;

    Labels(Locale locale) {
        this.index = locale.getLanguage().equals("fr") ? 0 : 1;
    }

    /**
     * A count and its noun, agreeing with it: French takes the singular for 0 and 1, English for 1 only.
     * {@code key} names the plural (an {@code action.X} key's singular is {@code one.X}).
     */
    String count(long n, String key) {
        return n + " " + agreeing(n, key);
    }

    /** The word under {@code key} agreeing with {@code n}, as {@link #count} writes it, without the number. */
    String agreeing(long n, String key) {
        boolean singular = index == 0 ? Math.abs(n) <= 1 : Math.abs(n) == 1;
        String one = "one." + (key.startsWith("action.") ? key.substring("action.".length()) : key);
        return singular && WORDS.containsKey(one) ? get(one) : get(key);
    }

    /** A quotation as the language writes it: « guillemets » in French, “curly quotes” in English. */
    String quote(String text) {
        return index == 0 ? "« " + text + " »" : "“" + text + "”";
    }

    /** A percentage as the language writes it: "35 %" in French, "35%" in English. */
    String percent(String number) {
        return index == 0 ? number + " %" : number + "%";
    }

    /** A colon as the language writes it: French puts a space before it. */
    String colon() {
        return index == 0 ? " : " : ": ";
    }

    String get(String key) {
        String[] words = WORDS.get(key);
        if (words == null) {
            throw new IllegalArgumentException("no label '" + key + "'");
        }
        return words[index];
    }
}

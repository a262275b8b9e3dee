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
            Map.entry("done", new String[] {"Terminé.", "Done."}));

    private final int index;

    Labels(Locale locale) {
        this.index = locale.getLanguage().equals("fr") ? 0 : 1;
    }

    String get(String key) {
        String[] words = WORDS.get(key);
        if (words == null) {
            throw new IllegalArgumentException("no label '" + key + "'");
        }
        return words[index];
    }
}

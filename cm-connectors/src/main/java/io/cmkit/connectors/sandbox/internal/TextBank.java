package io.cmkit.connectors.sandbox.internal;

import io.cmkit.connectors.sandbox.Intent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated audience writes, in French and English, by intent and by where it is
 * written. Templates carry slots ({brand}, {at}, {link}, {tag}, {kw}, {n}, {pos}, {neg}) and mark
 * the offending word of an insult or an accusation in [brackets], so it can be disguised the way
 * trolls do to dodge filters (leetspeak, spaced or stretched letters, capitals).
 *
 * <p>Insults are mild but real; none targets a protected group. Spam links point to made-up
 * domains on cheap top-level domains.
 */
final class TextBank {

    /** Where a text is written. */
    enum Context {
        /** Under one of the brand's posts. */
        COMMENT,
        /** Answering another person under the brand's post. */
        REPLY,
        /** A post of its own naming the brand. */
        MENTION,
        /** A post quoting one of the brand's. */
        QUOTE,
        /** Answering the brand's reply, satisfied. */
        THANKS,
        /** Answering the brand's reply, still unhappy. */
        UNHAPPY,
        /** Part of a bad buzz. */
        BUZZ
    }

    /** What fills the slots. */
    record Slots(String brand, String at, String tag, String keyword) {
    }

    private record Key(Context context, Intent intent, Locale language) {
    }

    private static final Map<Key, List<String>> BANKS = new HashMap<>();

    private static final Map<Locale, List<String>> SPAM_DOMAINS = Map.of(
            Languages.FRENCH, List.of("gagne-iphone15.top", "cadeau-gratuit.click", "crypto-x100.biz",
                    "bon-achat-offert.shop", "followers-pas-cher.online", "promo-folle.store"),
            Languages.ENGLISH, List.of("win-iphone15.top", "free-giftcard.click", "crypto-x100.biz",
                    "airdrop-free.xyz", "cheap-followers.online", "mega-sale-90.store"));
    private static final List<String> POSITIVE_EMOJI = List.of("😍", "👏", "🙌", "❤️", "🔥", "👍", "✨", "😊", "", "");
    private static final List<String> NEGATIVE_EMOJI = List.of("😡", "🤬", "👎", "🙄", "😤", "", "");
    private static final Pattern SLOT = Pattern.compile("\\{(brand|at|link|tag|kw|n|pos|neg)}");
    private static final Pattern TERM = Pattern.compile("\\[([^\\]]+)]");

    private TextBank() {
    }

    private static void bank(Context context, Intent intent, Locale language, String... templates) {
        BANKS.put(new Key(context, intent, language), List.of(templates));
    }

    static {
        Locale fr = Languages.FRENCH;
        Locale en = Languages.ENGLISH;

        // ---- Comments under the brand's posts -------------------------------------------------
        bank(Context.COMMENT, Intent.POSITIVE, fr,
                "Trop bien {pos}", "J'adore ! Vivement la suite {pos}", "Super initiative, bravo à toute l'équipe {pos}",
                "Toujours au top, merci {brand} !", "Je valide à 100 % {pos}", "Magnifique, ça donne envie {pos}",
                "Testé ce week-end, c'était parfait. Je recommande !", "Meilleure adresse du quartier, sans hésiter",
                "Merci pour votre accueil hier, on reviendra !", "Ça fait plaisir de voir ça {pos}",
                "Génial, hâte de tester {tag}", "Bravo, c'est exactement ce qu'il fallait", "Vous êtes les meilleurs {pos}",
                "Commande reçue en 24 h, emballage nickel. Merci !", "Coup de cœur {pos}{pos}");
        bank(Context.COMMENT, Intent.POSITIVE, en,
                "Love this {pos}", "So good! Can't wait to try it {pos}", "Great job, team {brand} {pos}",
                "Always the best, thank you!", "This looks amazing {pos}", "Tried it last weekend, absolutely perfect. Highly recommend!",
                "Best place in town, hands down", "Thanks for the warm welcome yesterday, we'll be back!",
                "Yes! Finally {pos}", "Brilliant idea, well done {tag}", "Exactly what I needed, thanks",
                "You guys never disappoint {pos}", "Order arrived next day, perfectly packed. Thank you!", "Obsessed {pos}{pos}");
        bank(Context.COMMENT, Intent.NEUTRAL, fr,
                "Intéressant.", "Ah, je ne savais pas.", "On verra bien.", "Noté 👍", "Je tague ma sœur, ça va lui plaire",
                "Première fois que je vois ça passer", "Pourquoi pas", "Vu en passant devant la boutique ce matin",
                "Ok, merci pour l'info", "Regarde ça, ça te plairait", "Je garde ça pour plus tard", "À voir {tag}");
        bank(Context.COMMENT, Intent.NEUTRAL, en,
                "Interesting.", "Huh, didn't know that.", "We'll see.", "Noted.", "Tagging my brother, he'll like this",
                "First time I'm seeing this", "Why not", "Saw this on my way to work", "Ok, thanks for the info",
                "Look at this, you'd like it", "Saving this for later", "Hmm {tag}");
        bank(Context.COMMENT, Intent.QUESTION, fr,
                "Vous êtes ouverts le dimanche ?", "C'est disponible en ligne ou seulement en boutique ?",
                "Vous livrez en Belgique ?", "Quel est le prix exactement ?", "Il reste des places pour samedi ?",
                "Comment on fait pour participer ?", "Ce sera de retour en stock quand ?",
                "Est-ce qu'il existe une version sans gluten ?", "Je n'ai pas reçu mon code promo, je fais comment ?",
                "C'est jusqu'à quand l'offre ?", "Vous recrutez en ce moment ?", "On peut réserver par téléphone ?");
        bank(Context.COMMENT, Intent.QUESTION, en,
                "Are you open on Sundays?", "Is it available online or only in store?", "Do you ship to Canada?",
                "How much is it exactly?", "Any spots left for Saturday?", "How do I sign up?",
                "When will it be back in stock?", "Is there a gluten-free version?",
                "I never got my promo code, what should I do?", "How long does the offer last?",
                "Are you hiring at the moment?", "Can I book by phone?");
        bank(Context.COMMENT, Intent.CRITIQUE, fr,
                "Commande reçue avec {n} jours de retard, un peu déçu.", "Dommage que les prix aient autant augmenté {neg}",
                "Le service client ne répond pas depuis une semaine…", "Déçue par la qualité cette fois, ce n'était pas comme avant.",
                "Franchement, l'attente en caisse était trop longue samedi.", "La nouvelle appli est beaucoup moins pratique que l'ancienne.",
                "Produit arrivé cassé, j'attends toujours un remboursement.", "Encore une rupture de stock, c'est pénible.",
                "Pas convaincu par ce changement, honnêtement.", "Trop d'emballage plastique, vous pouvez mieux faire.",
                "Ça fait {n} jours que j'attends une réponse à mon mail.");
        bank(Context.COMMENT, Intent.CRITIQUE, en,
                "Order arrived {n} days late, a bit disappointed.", "Shame the prices went up so much {neg}",
                "Customer service hasn't answered in a week...", "Quality wasn't as good as before this time.",
                "Honestly the queue on Saturday was way too long.", "The new app is much harder to use than the old one.",
                "Item arrived broken and I'm still waiting for a refund.", "Out of stock again, this is getting annoying.",
                "Not convinced by this change, to be honest.", "Way too much plastic packaging, you can do better.",
                "Been waiting {n} days for an answer to my email.");
        bank(Context.COMMENT, Intent.SPAM, fr,
                "🎁 Gagne un iPhone 15 gratuit ici 👉 {link}", "Je gagne 3000€ par semaine depuis chez moi, tout est expliqué ici {link}",
                "Crypto x100 garanti 🚀🚀 Rejoins le groupe VIP : {link}",
                "Bravo ! Vous avez été sélectionné pour un bon d'achat de 500€, réclamez-le ici {link}",
                "Achetez des followers pas chers ✅ {link}", "Investis 250€ et reçois 5000€ en 48h, DM moi 💰",
                "Promo folle -90% sur les sneakers 👉 {link}", "Qui veut des abonnés gratuits ? Clique ici {link}",
                "Gagne un iPhone en 2 clics 📱 {link}");
        bank(Context.COMMENT, Intent.SPAM, en,
                "🎁 Win a free iPhone 15 here 👉 {link}", "I make $3000 a week from home, everything is explained here {link}",
                "Crypto x100 guaranteed 🚀🚀 Join the VIP group: {link}",
                "Congrats! You've been selected for a $500 gift card, claim it here {link}", "Buy cheap followers ✅ {link}",
                "Invest $250 and get $5000 in 48h, DM me 💰", "Crazy sale -90% on sneakers 👉 {link}",
                "Free Bitcoin airdrop, only today: {link}", "Want free followers? Click here {link}");
        bank(Context.COMMENT, Intent.INSULT, fr,
                "Bande de [nuls] {neg}", "Vous êtes vraiment des [incompétents]", "Quelle bande de [clowns]",
                "[Pathétique], comme d'habitude", "Le community manager est un [idiot] ou quoi ?", "Vous êtes [nuls] à pleurer",
                "Fermez-la avec vos pubs [débiles]", "Franchement [minables] {neg}", "Vous êtes [lamentables]",
                "Boîte de [guignols]");
        bank(Context.COMMENT, Intent.INSULT, en,
                "Bunch of [clowns] {neg}", "You guys are truly [incompetent]", "[Pathetic], as usual",
                "Is your social media person an [idiot] or what?", "You're [useless], seriously", "What a bunch of [morons]",
                "Shut up with your [stupid] ads", "[Losers] {neg}", "This brand is [garbage] and so are you",
                "Total [clowns] running this place");
        bank(Context.COMMENT, Intent.DEFAMATION, fr,
                "{brand} ce sont des [escrocs], ne leur donnez pas un centime",
                "C'est une [arnaque], ils encaissent et ne livrent jamais",
                "Des [voleurs], ils m'ont débité deux fois et refusent de rembourser",
                "Attention [arnaque] ! {brand} vend des produits périmés en toute connaissance de cause",
                "Ils [fraudent] le fisc depuis des années, tout le monde le sait", "{brand} = [escroquerie] organisée",
                "Boîte de [voleurs] qui exploite ses salariés", "Ne commandez jamais chez eux, c'est des [escrocs]",
                "[Arnaque] totale, fuyez {neg}");
        bank(Context.COMMENT, Intent.DEFAMATION, en,
                "{brand} are [scammers], don't give them a cent", "This is a [scam], they take your money and never deliver",
                "[Thieves], they charged me twice and refuse to refund",
                "Warning: [fraud]! {brand} knowingly sells expired products",
                "{brand} has been cooking the books for years, total [fraud]", "Whole company is a [scam] run by [crooks]",
                "Never order from them, they're [thieves]", "{brand} is a [SCAM], report them", "Pure [fraud], stay away {neg}");

        // ---- Answers between people under a post ---------------------------------------------
        bank(Context.REPLY, Intent.POSITIVE, fr, "Tout à fait d'accord !", "+1", "Pareil pour moi {pos}", "Carrément !");
        bank(Context.REPLY, Intent.POSITIVE, en, "Totally agree!", "+1", "Same here {pos}", "This!");
        bank(Context.REPLY, Intent.NEUTRAL, fr, "Ah bon ? Pas du tout mon expérience", "Ça dépend des fois",
                "Tu as essayé d'appeler ?", "Moi j'y vais plutôt en semaine");
        bank(Context.REPLY, Intent.NEUTRAL, en, "Really? Not my experience at all", "Depends on the day",
                "Did you try calling them?", "I usually go on weekdays");
        bank(Context.REPLY, Intent.INSULT, fr, "N'importe quoi, t'es vraiment [bête]", "Personne ne t'a demandé ton avis, [guignol]");
        bank(Context.REPLY, Intent.INSULT, en, "Nonsense, you're such an [idiot]", "Nobody asked you, [clown]");

        // ---- Mentions: posts of their own naming the brand --------------------------------------
        bank(Context.MENTION, Intent.POSITIVE, fr,
                "Merci {at} pour l'accueil de ce midi, toujours parfait {pos}", "Grosse recommandation pour {at} {pos}",
                "Je viens de recevoir ma commande {at}, rien à redire {pos}", "Si vous cherchez une bonne adresse : {at} {pos}",
                "Encore une super expérience chez {at}", "{at} vous gérez {pos}");
        bank(Context.MENTION, Intent.POSITIVE, en,
                "Thanks {at} for a lovely lunch today {pos}", "Big recommendation for {at} {pos}",
                "Just got my order from {at}, flawless {pos}", "Looking for a good spot? {at} {pos}",
                "Another great experience at {at}", "{at} you rock {pos}");
        bank(Context.MENTION, Intent.NEUTRAL, fr,
                "Quelqu'un a déjà testé {at} ?", "En route vers {at}", "Je découvre {at} aujourd'hui",
                "{at} fait parler de lui en ce moment", "Petit tour chez {at} avant le week-end");
        bank(Context.MENTION, Intent.NEUTRAL, en,
                "Has anyone tried {at}?", "On my way to {at}", "Discovering {at} today",
                "Everyone's talking about {at} lately", "Quick stop at {at} before the weekend");

        // ---- Quotes of the brand's posts ---------------------------------------------------------
        bank(Context.QUOTE, Intent.POSITIVE, fr, "Exactement ça 👇", "À partager sans modération {pos}", "Belle initiative de {brand} 👇");
        bank(Context.QUOTE, Intent.POSITIVE, en, "This 👇", "Worth sharing {pos}", "Great move by {brand} 👇");
        bank(Context.QUOTE, Intent.NEUTRAL, fr, "À suivre…", "Intéressant, on en reparle ?", "Pour info 👇");
        bank(Context.QUOTE, Intent.NEUTRAL, en, "Keep an eye on this", "Interesting, thoughts?", "FYI 👇");
        bank(Context.QUOTE, Intent.CRITIQUE, fr, "Ils communiquent, mais toujours pas de réponse à mon mail…",
                "Joli post, dommage que le service ne suive pas");
        bank(Context.QUOTE, Intent.CRITIQUE, en, "Nice post, shame the service doesn't match",
                "Still no answer to my email, but sure, post away...");

        // ---- Answers to the brand's replies -----------------------------------------------------
        bank(Context.THANKS, Intent.POSITIVE, fr, "Merci pour votre réponse rapide 🙏", "Top, merci !", "Parfait, merci beaucoup",
                "Super, merci pour le suivi {pos}");
        bank(Context.THANKS, Intent.POSITIVE, en, "Thanks for the quick reply 🙏", "Great, thanks!", "Perfect, thank you",
                "Awesome, thanks for following up {pos}");
        bank(Context.UNHAPPY, Intent.CRITIQUE, fr, "Toujours aucune nouvelle de mon remboursement…",
                "Réponse automatique, ça ne règle rien", "J'ai déjà envoyé {n} mails, sans réponse", "On verra, j'attends de voir");
        bank(Context.UNHAPPY, Intent.CRITIQUE, en, "Still no news about my refund...", "Canned answer, that doesn't fix anything",
                "I already sent {n} emails, no answer", "We'll see, I'm waiting");

        // ---- A bad buzz ----------------------------------------------------------------------------
        bank(Context.BUZZ, Intent.NEUTRAL, fr, "Quelqu'un a vu ce qui se passe avec {brand} ? {kw}",
                "Incroyable cette histoire {kw}", "Je découvre l'affaire {brand}… {kw}", "RT pour que tout le monde soit au courant {kw}");
        bank(Context.BUZZ, Intent.NEUTRAL, en, "Anyone seen what's going on with {brand}? {kw}",
                "Unbelievable story {kw}", "Just catching up on the {brand} thing... {kw}", "RT so everyone knows {kw}");
        bank(Context.BUZZ, Intent.CRITIQUE, fr, "Je ne mettrai plus les pieds chez {brand} {kw}",
                "Boycott total {kw} {neg}", "Très déçu de {brand}, on attend des explications {kw}",
                "{brand} doit s'expliquer, c'est grave {kw}");
        bank(Context.BUZZ, Intent.CRITIQUE, en, "Never shopping at {brand} again {kw}", "Boycott {kw} {neg}",
                "Really disappointed in {brand}, we want answers {kw}", "{brand} owes us an explanation {kw}");
    }

    /** A text for this context, intent and language. */
    static String compose(Context context, Intent intent, Locale language, Slots slots, SplittableRandom rng) {
        List<String> bank = BANKS.get(new Key(context, intent, language));
        boolean borrowed = bank == null;
        if (borrowed) {
            bank = BANKS.get(new Key(Context.COMMENT, intent, language));
        }
        String template = Seeds.pick(rng, bank);
        if ((context == Context.MENTION || context == Context.BUZZ) && !template.contains("{at}")) {
            if (template.contains("{brand}") && rng.nextBoolean()) {
                template = template.replace("{brand}", "{at}");
            } else {
                template = rng.nextInt(3) == 0 ? template + " {at}" : "{at} " + template;
            }
        }
        if (context == Context.BUZZ && !template.contains("{kw}") && !slots.keyword().isEmpty()) {
            template = template + " {kw}";
        }
        boolean disguise = (intent == Intent.INSULT || intent == Intent.DEFAMATION) && rng.nextInt(10) < 3;
        String text = fillTerms(template, disguise, rng);
        text = fillSlots(text, language, slots, rng);
        return text.replaceAll("[ \\t]{2,}", " ").strip();
    }

    private static String fillTerms(String template, boolean disguise, SplittableRandom rng) {
        Matcher m = TERM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String term = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(disguise ? disguise(term, rng) : term));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fillSlots(String template, Locale language, Slots slots, SplittableRandom rng) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "brand" -> slots.brand();
                case "at" -> slots.at();
                case "link" -> "https://" + Seeds.pick(rng, SPAM_DOMAINS.get(language)) + "/" + token(rng, 5);
                case "tag" -> slots.tag();
                case "kw" -> slots.keyword();
                case "n" -> Integer.toString(2 + rng.nextInt(14));
                case "pos" -> Seeds.pick(rng, POSITIVE_EMOJI);
                case "neg" -> Seeds.pick(rng, NEGATIVE_EMOJI);
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How trolls dodge word filters: leetspeak, spaced, dotted or stretched letters, capitals. */
    static String disguise(String term, SplittableRandom rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> leet(term);
            case 1 -> String.join(" ", term.split(""));
            case 2 -> String.join(".", term.split(""));
            case 3 -> stretch(term, rng);
            default -> term.toUpperCase(Locale.ROOT);
        };
    }

    private static String leet(String term) {
        StringBuilder out = new StringBuilder();
        for (char c : term.toCharArray()) {
            out.append(switch (Character.toLowerCase(c)) {
                case 'a' -> '4';
                case 'e' -> '3';
                case 'i' -> '1';
                case 'o' -> '0';
                case 's' -> '5';
                default -> c;
            });
        }
        return out.toString();
    }

    private static String stretch(String term, SplittableRandom rng) {
        for (int i = term.length() - 1; i >= 0; i--) {
            if ("aeiouyAEIOUY".indexOf(term.charAt(i)) >= 0) {
                return term.substring(0, i + 1) + String.valueOf(term.charAt(i)).repeat(2 + rng.nextInt(4))
                        + term.substring(i + 1);
            }
        }
        return term + term.substring(term.length() - 1).repeat(3);
    }

    static String token(SplittableRandom rng, int length) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}

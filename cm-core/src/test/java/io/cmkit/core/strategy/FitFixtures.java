package io.cmkit.core.strategy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.AgeRange;
import io.cmkit.core.model.Audience;
import io.cmkit.core.model.Brand;
import io.cmkit.core.model.ContentPillar;
import io.cmkit.core.model.EditorialLine;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Strategy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Audiences and strategies built from the model records, shared by the platform fit tests. */
final class FitFixtures {

    private FitFixtures() {
    }

    /** 18-24 in France, into fashion and beauty, watching short videos and shopping from them. */
    static final Audience YOUNG_FASHION = new Audience("Young fashion fans", 1.0,
            List.of(AgeRange.parse("18-24")), Set.of("FR"),
            Set.of("fashion", "beauty"), Set.of("short-video", "video", "shopping"), List.of());

    /** 25-54 in France, buying software for their company. */
    static final Audience B2B_BUYERS = new Audience("B2B buyers", 1.0,
            List.of(AgeRange.parse("25-34"), AgeRange.parse("35-44"), AgeRange.parse("45-54")), Set.of("FR"),
            Set.of("b2b", "tech", "finance"), Set.of("professional-networking", "news-reading"), List.of());

    /** An audience of one age range, one country, one interest and one behaviour. */
    static Audience audience(String name, double weight, String ages, String country, String interest,
                             String behaviour) {
        return new Audience(name, weight,
                ages.isEmpty() ? List.of() : Arrays.stream(ages.split(",")).map(AgeRange::parse).toList(),
                country.isEmpty() ? Set.of() : Set.of(country),
                interest.isEmpty() ? Set.of() : Set.of(interest),
                behaviour.isEmpty() ? Set.of() : Set.of(behaviour), List.of());
    }

    /** The same audience with another weight. */
    static Audience weighted(Audience audience, double weight) {
        return new Audience(audience.name(), weight, audience.ageRanges(), audience.countries(),
                audience.interests(), audience.behaviours(), audience.personas());
    }

    /** A strategy of an English-speaking brand with an Instagram account and these audiences. */
    static Strategy strategy(Audience... audiences) {
        return strategy(Locale.ENGLISH, List.of(Platform.INSTAGRAM), audiences);
    }

    /** A strategy of a brand speaking this language, with accounts on these platforms. */
    static Strategy strategy(Locale language, List<Platform> accounts, Audience... audiences) {
        Brand brand = new Brand("cafe-lumiere", "Café Lumière", ZoneId.of("Europe/Paris"), language,
                accounts.stream().map(p -> new Account(p, "cafelumiere")).toList());
        EditorialLine line = new EditorialLine("warm, witty", List.of(language),
                List.of(new ContentPillar("coffee craft", 100, "how our coffee is made")),
                List.of(), List.of(), List.of());
        return new Strategy(brand, List.of(), List.of(audiences), line);
    }

    /** A reference read from text, as a host would load its own file. */
    static PlatformReference reference(String name, String text) {
        try {
            return PlatformReference.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

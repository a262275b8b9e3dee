package io.cmkit.bench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Post-sized texts mixing what social posts contain: ASCII and accented words, combining marks,
 * CJK, emoji with skin tones, ZWJ families, flags, keycaps, URLs. Reproducible from a seed.
 */
public final class SocialTextCorpus {

    private static final String[] PIECES = {
        "café", "crème brûlée", "naïve", "Ça marche", "e\u0301te\u0301", "ñandú", "Zürich", "Łódź",
        "コーヒー", "咖啡", "커피", "кофе", "καφές", "قهوة", "कॉफ़ी",
        "👍", "👍🏽", "❤️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "🇨🇦", "#️⃣", "1️⃣", "☕", "🧑🏿‍💻",
        "https://cafe-lumiere.example/menu?x=1", "#Lyon", "@cafe_lumiere", "!!!", "…", " ", " ", "\n",
    };

    private SocialTextCorpus() {
    }

    /** {@code count} texts of 20 to 120 pieces each, from {@code seed}. */
    public static List<String> generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 20 + random.nextInt(101);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(3) == 0) {
                    text.append(' ');
                }
            }
            out.add(text.toString());
        }
        return out;
    }
}

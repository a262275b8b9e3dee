package io.cmkit.bench.text;

import com.ibm.icu.text.BreakIterator;
import io.cmkit.core.spi.TextCounting;
import java.util.List;

/** The two ways of counting graphemes that the benchmark compares. */
public final class GraphemeCount {

    private GraphemeCount() {
    }

    /** cmkit's count, as Bluesky limits are checked. */
    public static int cmkit(String text) {
        return TextCounting.graphemes().count(text);
    }

    /** ICU4J's extended grapheme clusters: the anchor. */
    public static int icu(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int n = 0;
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /**
     * Throws when the two disagree on any text, naming it: a benchmark of counts that differ would
     * compare nothing.
     */
    public static void requireIdenticalCounts(List<String> texts) {
        for (String text : texts) {
            int ours = cmkit(text);
            int anchor = icu(text);
            if (ours != anchor) {
                throw new IllegalStateException("grapheme counts differ (cmkit " + ours + ", ICU4J " + anchor
                        + ") on: " + text);
            }
        }
    }
}

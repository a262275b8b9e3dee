package io.cmkit.core.text.internal;

/**
 * Character classes of the first two Unicode planes in two 64 KB tables, so the hot loops never
 * call {@link Character#getType(int)}; the rarer planes fall back to {@link Character}.
 */
final class CharClass {

    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte MARK = 4;
    static final byte SPACE = 8;

    private static final byte[] BMP = new byte[0x10000];
    /** The Supplementary Multilingual Plane: emoji, mathematical letters. */
    private static final byte[] SMP = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            BMP[c] = compute(c);
            SMP[c] = compute(0x10000 + c);
        }
    }

    private CharClass() {
    }

    private static byte compute(int c) {
        byte k = 0;
        if (Character.isLetter(c)) {
            k |= LETTER;
        }
        if (Character.isDigit(c)) {
            k |= DIGIT;
        }
        int t = Character.getType(c);
        if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK) {
            k |= MARK;
        }
        if (Character.isSpaceChar(c) || Character.isWhitespace(c)) {
            k |= SPACE;
        }
        return k;
    }

    static int of(int cp) {
        return cp < 0x10000 ? BMP[cp] : cp < 0x20000 ? SMP[cp - 0x10000] : compute(cp);
    }

    static boolean isMark(int cp) {
        return (of(cp) & MARK) != 0;
    }

    static boolean isSpace(int cp) {
        return (of(cp) & SPACE) != 0;
    }

    /** A letter, digit or combining mark. */
    static boolean isWord(int cp) {
        return (of(cp) & (LETTER | DIGIT | MARK)) != 0;
    }

    static boolean isLetter(char c) {
        return (BMP[c] & LETTER) != 0;
    }

    static boolean isLetterOrDigit(char c) {
        return (BMP[c] & (LETTER | DIGIT)) != 0;
    }
}

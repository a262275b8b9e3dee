package io.cmkit.moderation.lexicon;

/** A lexicon file that cannot be read: names the file and the line. */
public class LexiconFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public LexiconFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) name. */
    public String source() {
        return source;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }
}

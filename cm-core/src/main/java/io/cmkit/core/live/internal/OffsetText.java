package io.cmkit.core.live.internal;

import io.cmkit.core.live.CueOffsetFormatException;
import java.time.Duration;

/** Reads and writes cue offsets in their text form ({@code T-1h}, {@code T+1h30m}, {@code T+0}). */
public final class OffsetText {

    private static final String UNITS = "dhms";
    private static final long[] SECONDS = {86_400, 3_600, 60, 1};

    private OffsetText() {
    }

    /** The duration an offset text stands for; failures name the 1-based column. */
    public static Duration parse(String input) {
        if (input == null) {
            throw new CueOffsetFormatException("", 1, "is missing");
        }
        int end = input.length();
        while (end > 0 && Character.isWhitespace(input.charAt(end - 1))) {
            end--;
        }
        int i = 0;
        while (i < end && Character.isWhitespace(input.charAt(i))) {
            i++;
        }
        if (i == end) {
            throw new CueOffsetFormatException(input, i + 1, "is empty (expected e.g. T-1h, T+0 or T+1h30m)");
        }
        if (input.charAt(i) != 'T' && input.charAt(i) != 't') {
            throw new CueOffsetFormatException(input, i + 1,
                    "must start with 'T' (as in T-1h or T+10m), found " + quote(input.charAt(i)));
        }
        i++;
        if (i == end) {
            throw new CueOffsetFormatException(input, i + 1, "needs '+' or '-' after 'T'");
        }
        char signChar = input.charAt(i);
        int sign;
        if (signChar == '+') {
            sign = 1;
        } else if (signChar == '-' || signChar == '\u2212') {
            sign = -1;
        } else {
            throw new CueOffsetFormatException(input, i + 1, "needs '+' or '-' after 'T', found " + quote(signChar));
        }
        i++;
        if (i == end) {
            throw new CueOffsetFormatException(input, i + 1, "needs an amount after the sign (e.g. 0, 10m or 1h30m)");
        }
        long total = 0;
        int lastUnit = -1;
        boolean first = true;
        while (i < end) {
            int numberStart = i;
            while (i < end && input.charAt(i) >= '0' && input.charAt(i) <= '9') {
                i++;
            }
            if (i == numberStart) {
                throw new CueOffsetFormatException(input, i + 1,
                        "expects a number, found " + quote(input.charAt(i)));
            }
            String digits = input.substring(numberStart, i);
            if (digits.length() > 9) {
                throw new CueOffsetFormatException(input, numberStart + 1, "has a number too large (" + digits + ")");
            }
            long amount = Long.parseLong(digits);
            if (i == end) {
                if (first && amount == 0) {
                    return Duration.ZERO;
                }
                throw new CueOffsetFormatException(input, i + 1,
                        "needs a unit after " + digits + " (d, h, m or s)");
            }
            char unitChar = Character.toLowerCase(input.charAt(i));
            int unit = UNITS.indexOf(unitChar);
            if (unit < 0) {
                throw new CueOffsetFormatException(input, i + 1,
                        "has an unknown unit " + quote(input.charAt(i)) + " (expected d, h, m or s)");
            }
            if (unit <= lastUnit) {
                throw new CueOffsetFormatException(input, i + 1,
                        "has unit '" + unitChar + "' after '" + UNITS.charAt(lastUnit)
                                + "' (write units from days to seconds, each once)");
            }
            lastUnit = unit;
            total += amount * SECONDS[unit];
            i++;
            first = false;
        }
        return Duration.ofSeconds(sign * total);
    }

    /** The text form: {@code T+0}, {@code T-1h}, {@code T+1d2h30m15s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "T+0";
        }
        StringBuilder out = new StringBuilder("T").append(duration.isNegative() ? '-' : '+');
        long rest = Math.abs(duration.getSeconds());
        for (int u = 0; u < SECONDS.length; u++) {
            long amount = rest / SECONDS[u];
            rest %= SECONDS[u];
            if (amount > 0) {
                out.append(amount).append(UNITS.charAt(u));
            }
        }
        return out.toString();
    }

    private static String quote(char c) {
        return Character.isWhitespace(c) ? "a space" : "'" + c + "'";
    }
}

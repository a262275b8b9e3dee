package io.cmkit.core.strategy.internal;

import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.BrandKitException;
import io.cmkit.core.strategy.BrandKitException.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads brand kits from files, streams and strings: the implementation behind
 * {@link io.cmkit.core.strategy.BrandKitLoader}. Enforces the size limit before any parsing and
 * decodes strictly as UTF-8.
 */
public final class BrandKitReader {

    /** The largest document accepted, in bytes of UTF-8. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 20;

    private BrandKitReader() {
    }

    /** See {@link io.cmkit.core.strategy.BrandKitLoader#load(Path)}. */
    public static Strategy load(Path file) throws BrandKitException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw Problems.single(source, "is a directory, not a brand kit file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(bytes(in, source), source);
        } catch (NoSuchFileException e) {
            throw Problems.single(source, "file not found");
        } catch (AccessDeniedException e) {
            throw Problems.single(source, "cannot be read: permission denied");
        } catch (IOException e) {
            throw Problems.single(source, "cannot be read: " + e.getMessage());
        }
    }

    /** See {@link io.cmkit.core.strategy.BrandKitLoader#load(InputStream, String)}. */
    public static Strategy load(InputStream in, String source) throws BrandKitException {
        try {
            return read(bytes(in, source), source);
        } catch (IOException e) {
            throw Problems.single(source, "cannot be read: " + e.getMessage());
        }
    }

    /** See {@link io.cmkit.core.strategy.BrandKitLoader#parse(String, String)}. */
    public static Strategy parse(String yaml, String source) throws BrandKitException {
        long size = utf8Length(yaml);
        if (size < 0 || size > MAX_BYTES) {
            throw tooLarge(source, size);
        }
        return map(stripBom(yaml), source);
    }

    private static byte[] bytes(InputStream in, String source) throws IOException, BrandKitException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, -1);
        }
        return bytes;
    }

    private static Strategy read(byte[] bytes, String source) throws BrandKitException {
        return map(stripBom(decode(bytes, source)), source);
    }

    private static Strategy map(String text, String source) throws BrandKitException {
        Problems problems = new Problems(source);
        Optional<Node> root = YamlTreeReader.read(text, problems);
        Optional<Strategy> strategy = root.flatMap(r -> new StrategyMapper(problems).map(r));
        problems.throwIfAny();
        return strategy.orElseThrow(() -> new IllegalStateException(
                "brand kit " + source + " produced neither a strategy nor a problem"));
    }

    /** Strict UTF-8: a byte that is not UTF-8 is reported with its line, not replaced. */
    private static String decode(byte[] bytes, String source) throws BrandKitException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new BrandKitException(List.of(new Problem(source, "", line, offset - lineStart + 1,
                    String.format("is not UTF-8 text (byte 0x%02X at offset %d); save the file as UTF-8",
                            bytes[offset] & 0xFF, offset))));
        }
        return out.flip().toString();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The UTF-8 length of the text; -1 when it is certainly above the limit (too long to count). */
    private static long utf8Length(String text) {
        if (text.length() > MAX_BYTES) {
            return -1;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static BrandKitException tooLarge(String source, long size) {
        return Problems.single(source, "is larger than the " + MAX_BYTES + " bytes (1 MiB) a brand kit may hold"
                + (size > 0 ? " (" + size + " bytes)" : ""));
    }
}

package io.cmkit.connectors.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Valid bodies for each platform, in {@code src/test/resources/contract-examples}: stubs start from these. */
public final class Examples {

    private Examples() {
    }

    /** The text of {@code contract-examples/<name>}, e.g. {@code mastodon/status.json}. */
    public static String text(String name) {
        String resource = "contract-examples/" + name;
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

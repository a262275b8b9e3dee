package io.cmkit.listening.monitor;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.text.Domains;
import io.cmkit.core.text.Token;
import io.cmkit.core.text.TokenType;
import io.cmkit.core.text.Tokenizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the monitor reads of a post: its text and the facts {@code lang:}, {@code from:},
 * {@code platform:} and {@code site:} look at. Build one from an {@link Interaction} with
 * {@link #of(Interaction)}, or from a bare text with {@link #text(String)}.
 *
 * @param text the post's text
 * @param platform where it was posted, if known
 * @param authorHandle the author's handle without {@code @}, if known
 * @param language its ISO 639 language code, lower case, if known
 * @param url where it can be seen, if known (its host counts for {@code site:})
 */
public record Mention(String text, Optional<Platform> platform, Optional<String> authorHandle,
                      Optional<String> language, Optional<URI> url) {

    public Mention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(url, "url");
        authorHandle = authorHandle.map(h -> h.startsWith("@") ? h.substring(1) : h);
        language = language.map(l -> l.toLowerCase(Locale.ROOT));
    }

    /** A mention known only by its text. */
    public static Mention text(String text) {
        return new Mention(text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The mention an inbox interaction carries. */
    public static Mention of(Interaction interaction) {
        return new Mention(interaction.text(), Optional.of(interaction.platform()),
                Optional.of(interaction.author().handle()), interaction.language().map(Locale::getLanguage)
                        .filter(l -> !l.isEmpty()), interaction.url());
    }

    /**
     * The lower-cased hosts of the links in the text (as cm-core's {@link Tokenizer} finds them)
     * and of {@link #url()}, in order: what {@code site:} looks at.
     */
    public List<String> hosts() {
        List<String> hosts = new ArrayList<>(2);
        if (text.indexOf('.') >= 0) {
            for (Token t : Tokenizer.standard().tokenize(text)) {
                if (t.type() == TokenType.URL) {
                    Domains.host(t.text()).ifPresent(hosts::add);
                }
            }
        }
        url.flatMap(u -> Domains.host(u.toString())).ifPresent(hosts::add);
        return hosts;
    }
}

package io.cmkit.moderation;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A saved reply, per language, with placeholders: {@code {author}} (the author's handle with its
 * {@code @}), {@code {brand}} (the brand's name), {@code {platform}}.
 *
 * @param id its name, used by rules
 * @param texts text per language code ({@code fr}, {@code en})
 * @param fallback the language used when the comment's is not among them
 */
public record ReplyTemplate(String id, Map<String, String> texts, String fallback) {

    public ReplyTemplate {
        Objects.requireNonNull(id, "id");
        texts = Map.copyOf(texts);
        Objects.requireNonNull(fallback, "fallback");
        if (!texts.containsKey(fallback)) {
            throw new IllegalArgumentException("template '" + id + "' has no text in its fallback language '" + fallback + "'");
        }
    }

    /** The text for a language, or the fallback's. */
    public String text(Locale language) {
        return texts.getOrDefault(language.getLanguage(), texts.get(fallback));
    }

    /** The text for a language with its placeholders filled. */
    public String render(Locale language, String author, String brand, String platform) {
        return text(language).replace("{author}", "@" + author).replace("{brand}", brand).replace("{platform}", platform);
    }
}

package io.cmkit.core.live;

import io.cmkit.core.model.InvalidModelException;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One line of a run of show: what goes out, on which platforms, how long before or after the start.
 *
 * <p>A cue goes out on every account of the event whose platform it has a variant for; an account
 * whose platform it has no variant for skips it.
 *
 * @param offset when, relative to the event's start
 * @param label a name for people ("teaser", "opening"), used in plans and error messages; optional
 * @param variants the text and media per platform, at least one, one per platform
 * @param postId the id of the {@link Post} the cue was made from, if it was made from one
 */
public record Cue(CueOffset offset, Optional<String> label, List<PostVariant> variants, Optional<String> postId) {

    public Cue {
        if (offset == null) {
            throw new InvalidModelException("Cue", "offset", "is required");
        }
        if (label == null) {
            throw new InvalidModelException("Cue", "label", "is required (Optional.empty() for none)");
        }
        label = label.map(String::strip).filter(s -> !s.isEmpty());
        if (variants == null || variants.isEmpty()) {
            throw new InvalidModelException("Cue", "variants", "must not be empty");
        }
        Set<Platform> seen = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            PostVariant v = variants.get(i);
            if (v == null) {
                throw new InvalidModelException("Cue", "variants[" + i + "]", "must not be null");
            }
            if (!seen.add(v.platform())) {
                throw new InvalidModelException("Cue", "variants[" + i + "]",
                        "duplicates variant for platform '" + v.platform() + "'");
            }
        }
        variants = List.copyOf(variants);
        if (postId == null) {
            throw new InvalidModelException("Cue", "postId", "is required (Optional.empty() for none)");
        }
    }

    /** A cue publishing a post's variants at an offset. */
    public static Cue post(CueOffset offset, Post post) {
        return new Cue(offset, Optional.empty(), post.variants(), Optional.of(post.id()));
    }

    /** A cue publishing a post's variants at an offset written as text ({@code "T+10m"}). */
    public static Cue post(String offset, Post post) {
        return post(CueOffset.parse(offset), post);
    }

    /** A text-only cue, one text per platform, in platform order. */
    public static Cue text(CueOffset offset, Map<Platform, String> texts) {
        if (texts == null) {
            throw new InvalidModelException("Cue", "variants", "must not be empty");
        }
        List<PostVariant> variants = new ArrayList<>();
        new TreeMap<>(texts).forEach((platform, text) -> variants.add(PostVariant.text(platform, text)));
        return new Cue(offset, Optional.empty(), variants, Optional.empty());
    }

    /** A text-only cue at an offset written as text ({@code "T-1h"}). */
    public static Cue text(String offset, Map<Platform, String> texts) {
        return text(CueOffset.parse(offset), texts);
    }

    /** The same cue with a label. */
    public Cue labelled(String newLabel) {
        return new Cue(offset, Optional.ofNullable(newLabel), variants, postId);
    }

    /** The same cue at another offset. */
    public Cue at(CueOffset newOffset) {
        return new Cue(newOffset, label, variants, postId);
    }

    /** The variant for a platform, if the cue has one. */
    public Optional<PostVariant> variantFor(Platform platform) {
        return variants.stream().filter(v -> v.platform().equals(platform)).findFirst();
    }

    /** The platforms it has variants for, in order. */
    public List<Platform> platforms() {
        return variants.stream().map(PostVariant::platform).toList();
    }
}

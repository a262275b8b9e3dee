package io.cmkit.core.model;

import java.util.List;
import java.util.Optional;

/**
 * One piece of content of the editorial calendar, in one variant per platform.
 *
 * @param id stable identifier, unique per brand; scheduling and idempotency keys derive from it
 * @param brandId the brand that publishes it
 * @param pillar the content pillar it belongs to, if any
 * @param campaign the campaign it is part of, if any
 * @param variants one per platform, at least one
 */
public record Post(String id, String brandId, Optional<String> pillar, Optional<String> campaign,
                   List<PostVariant> variants) {

    public Post {
        id = Checks.notBlank("Post", "id", id);
        brandId = Checks.notBlank("Post", "brandId", brandId);
        pillar = Checks.optional("Post", "pillar", pillar).map(String::strip).filter(s -> !s.isEmpty());
        campaign = Checks.optional("Post", "campaign", campaign).map(String::strip).filter(s -> !s.isEmpty());
        variants = Checks.nonEmptyList("Post", "variants", variants);
        Checks.unique("Post", "variants", variants, PostVariant::platform, "variant for platform");
    }

    /** The variant for a platform. */
    public Optional<PostVariant> variantFor(Platform platform) {
        return variants.stream().filter(v -> v.platform().equals(platform)).findFirst();
    }

    /** The platforms this post is written for, in the order of its variants. */
    public List<Platform> platforms() {
        return variants.stream().map(PostVariant::platform).toList();
    }

    /** A copy with one variant replaced or added. */
    public Post withVariant(PostVariant variant) {
        List<PostVariant> next = new java.util.ArrayList<>(variants.stream()
                .filter(v -> !v.platform().equals(variant.platform())).toList());
        next.add(variant);
        return new Post(id, brandId, pillar, campaign, next);
    }
}

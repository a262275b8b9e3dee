package io.cmkit.analytics.aggregate;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of the grouping dimensions for one row; a dimension not grouped by is empty. A
 * pillar or campaign grouped by but absent from the post is the empty string ("none").
 *
 * @param platform the platform, when grouped by platform or account
 * @param account the account, when grouped by account
 * @param pillar the pillar, when grouped by pillar
 * @param campaign the campaign, when grouped by campaign
 * @param post the post, when grouped by post
 */
public record GroupKey(Optional<Platform> platform, Optional<Account> account, Optional<String> pillar,
                       Optional<String> campaign, Optional<String> post) implements Comparable<GroupKey> {

    /** The key of the whole brand: no dimension. */
    public static final GroupKey BRAND =
            new GroupKey(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public GroupKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(post, "post");
    }

    /** The same key with only the given dimensions kept. */
    public GroupKey keep(java.util.Set<Dimension> dimensions) {
        return new GroupKey(
                dimensions.contains(Dimension.PLATFORM) || dimensions.contains(Dimension.ACCOUNT) ? platform : Optional.empty(),
                dimensions.contains(Dimension.ACCOUNT) ? account : Optional.empty(),
                dimensions.contains(Dimension.PILLAR) ? pillar : Optional.empty(),
                dimensions.contains(Dimension.CAMPAIGN) ? campaign : Optional.empty(),
                dimensions.contains(Dimension.POST) ? post : Optional.empty());
    }

    /** Platform, account, pillar, campaign, post; an empty value first. */
    @Override
    public int compareTo(GroupKey o) {
        return toString().compareTo(o.toString());
    }

    /** {@code "brand"} or the dimensions' values joined by {@code " / "}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        platform.ifPresent(p -> parts.add(p.id()));
        account.ifPresent(a -> parts.add(a.key()));
        pillar.ifPresent(p -> parts.add("pillar=" + p));
        campaign.ifPresent(c -> parts.add("campaign=" + c));
        post.ifPresent(p -> parts.add("post=" + p));
        return parts.isEmpty() ? "brand" : String.join(" / ", parts);
    }
}

package io.cmkit.analytics.kpi;

import io.cmkit.core.model.Account;
import java.time.Instant;
import java.util.Objects;

/**
 * The brand answering an interaction: which of its accounts, to which interaction, when.
 *
 * @param account the brand's account that replied
 * @param interactionId the platform id of the interaction answered ({@code Interaction.id()})
 * @param repliedAt when the reply was published
 */
public record BrandReply(Account account, String interactionId, Instant repliedAt) {

    public BrandReply {
        Objects.requireNonNull(account, "BrandReply.account");
        Objects.requireNonNull(interactionId, "BrandReply.interactionId");
        Objects.requireNonNull(repliedAt, "BrandReply.repliedAt");
        if (interactionId.isBlank()) {
            throw new io.cmkit.analytics.AnalyticsException("BrandReply.interactionId", "must not be blank");
        }
    }
}

package io.cmkit.listening.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a community manager looks at to judge an alert: the most visible mentions of the alerting
 * bucket, the most frequent terms, and the posts that gained the most engagement.
 *
 * @param topMentions up to five mentions of the bucket, the most followed authors first
 * @param topTerms up to ten matched query terms (and, for bad buzz, negative sentiment words), most frequent first
 * @param topPosts up to five posts by engagement gained in the bucket (competitor engagement alerts)
 */
public record Evidence(List<MentionSummary> topMentions, List<TermCount> topTerms, List<PostEngagement> topPosts) {

    public Evidence {
        topMentions = List.copyOf(topMentions);
        topTerms = List.copyOf(topTerms);
        topPosts = List.copyOf(topPosts);
    }

    /** Evidence with nothing in it (a spike seen by the detector alone). */
    public static Evidence none() {
        return new Evidence(List.of(), List.of(), List.of());
    }

    /**
     * One mention, as shown in an alert.
     *
     * @param key the interaction's {@code platform:id}
     * @param authorHandle its author's handle
     * @param authorFollowers the author's followers, when the platform says
     * @param text what was written
     * @param createdAt when
     * @param url where a person can see it, if known
     * @param sentimentScore its sentiment score in [-1, 1]
     */
    public record MentionSummary(String key, String authorHandle, Optional<Long> authorFollowers, String text,
                                 Instant createdAt, Optional<String> url, double sentimentScore) { }

    /** A term and how many mentions of the bucket carried it. */
    public record TermCount(String term, int count) { }

    /** A post and the engagement it gained in the bucket. */
    public record PostEngagement(String postId, long gained) { }
}

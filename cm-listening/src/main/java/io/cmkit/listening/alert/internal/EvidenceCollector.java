package io.cmkit.listening.alert.internal;

import io.cmkit.listening.alert.Evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence of one series' open bucket, bounded in memory: the five most followed mentions, the
 * counts of up to 200 distinct terms, the engagement gained by up to 200 posts. Cleared when the
 * series moves to a new bucket.
 */
public final class EvidenceCollector {

    static final int TOP_MENTIONS = 5;
    static final int TOP_TERMS = 10;
    static final int TOP_POSTS = 5;
    static final int MAX_DISTINCT = 200;

    private static final Comparator<Evidence.MentionSummary> MOST_FOLLOWED =
            Comparator.<Evidence.MentionSummary>comparingLong(m -> m.authorFollowers().orElse(-1L)).reversed()
                    .thenComparing(Evidence.MentionSummary::createdAt)
                    .thenComparing(Evidence.MentionSummary::key);

    private long bucket = Long.MIN_VALUE;
    private final List<Evidence.MentionSummary> mentions = new ArrayList<>(TOP_MENTIONS + 1);
    private final Map<String, Integer> terms = new HashMap<>();
    private final Map<String, Long> posts = new HashMap<>();

    /** Starts a new bucket if this one is later; returns false for an older bucket (late data, not collected). */
    public boolean moveTo(long newBucket) {
        if (newBucket < bucket) {
            return false;
        }
        if (newBucket > bucket) {
            bucket = newBucket;
            mentions.clear();
            terms.clear();
            posts.clear();
        }
        return true;
    }

    public void mention(Evidence.MentionSummary mention) {
        mentions.add(mention);
        mentions.sort(MOST_FOLLOWED);
        if (mentions.size() > TOP_MENTIONS) {
            mentions.remove(TOP_MENTIONS);
        }
    }

    public void term(String term) {
        if (terms.containsKey(term) || terms.size() < MAX_DISTINCT) {
            terms.merge(term, 1, Integer::sum);
        }
    }

    public void post(String postId, long gained) {
        if (posts.containsKey(postId) || posts.size() < MAX_DISTINCT) {
            posts.merge(postId, gained, Long::sum);
        }
    }

    public Evidence evidence() {
        List<Evidence.TermCount> topTerms = terms.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TERMS)
                .map(e -> new Evidence.TermCount(e.getKey(), e.getValue()))
                .toList();
        List<Evidence.PostEngagement> topPosts = posts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_POSTS)
                .map(e -> new Evidence.PostEngagement(e.getKey(), e.getValue()))
                .toList();
        return new Evidence(mentions, topTerms, topPosts);
    }
}

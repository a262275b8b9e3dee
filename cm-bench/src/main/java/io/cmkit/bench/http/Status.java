package io.cmkit.bench.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The small answer both clients parse, shaped like a Mastodon status. */
public record Status(String id, String content, String visibility,
                     @JsonProperty("replies_count") int repliesCount,
                     @JsonProperty("favourites_count") int favouritesCount,
                     String url) {
}

package io.cmkit.connectors.bluesky.internal;

import java.util.List;
import java.util.Map;

/** The XRPC JSON the connector reads, private to the package's implementation. */
final class Xrpc {

    private Xrpc() {
    }

    record SessionJson(String accessJwt, String refreshJwt, String handle, String did) {
    }

    record DidJson(String did) {
    }

    record RefJson(String uri, String cid) {
    }

    record RecordJson(String uri, String cid, Map<String, Object> value) {
    }

    record BlobJson(Map<String, Object> blob) {
    }

    record AuthorJson(String did, String handle, String displayName, String createdAt) {
    }

    record PostViewJson(String uri, String cid, AuthorJson author, Map<String, Object> record, Long replyCount,
                        Long repostCount, Long likeCount, Long quoteCount, String indexedAt) {
    }

    record ThreadJson(PostViewJson post, List<ThreadJson> replies) {
    }

    record ThreadOut(ThreadJson thread) {
    }

    record PostsOut(List<PostViewJson> posts) {
    }

    record NotificationJson(String uri, String cid, AuthorJson author, String reason, Map<String, Object> record,
                            String indexedAt) {
    }

    record NotificationsOut(String cursor, List<NotificationJson> notifications) {
    }

    record ProfileJson(String did, String handle, String displayName, String description, String website, String avatar,
                       Long followersCount) {
    }
}

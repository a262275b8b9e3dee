package io.cmkit.connectors.mastodon.internal;

import java.util.List;

/** Mastodon's JSON as cmkit reads it: only the fields it uses, never public. */
final class MastodonJson {

    private MastodonJson() {
    }

    record Status(String id, String created_at, String in_reply_to_id, String in_reply_to_account_id,
                  String language, String url, String content, Account account, Long replies_count,
                  Long reblogs_count, Long favourites_count) {
    }

    record ScheduledStatus(String id, String scheduled_at) {
    }

    record Account(String id, String username, String acct, String display_name, String note, String url,
                   String avatar, String created_at, Long followers_count, Boolean bot, List<Field> fields,
                   Source source) {
    }

    record Source(String note, List<Field> fields) {
    }

    record Field(String name, String value, String verified_at) {
    }

    record Media(String id, String type, String url) {
    }

    record Context(List<Status> ancestors, List<Status> descendants) {
    }

    record Notification(String id, String type, String created_at, Account account, Status status) {
    }

    record Instance(Configuration configuration) {
    }

    record Configuration(Statuses statuses, MediaAttachments media_attachments) {
    }

    record Statuses(Integer max_characters, Integer max_media_attachments, Integer characters_reserved_per_url) {
    }

    record MediaAttachments(Long image_size_limit, Long video_size_limit) {
    }
}

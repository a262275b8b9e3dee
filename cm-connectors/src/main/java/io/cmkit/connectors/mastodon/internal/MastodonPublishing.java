package io.cmkit.connectors.mastodon.internal;

import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.ApiResponse;
import io.cmkit.connectors.http.MultipartBody;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Publishing on Mastodon: media first ({@code POST /api/v2/media}, polled while the instance
 * processes it), then the status ({@code POST /api/v1/statuses}) with the request's key as
 * {@code Idempotency-Key}, so a retry after an ambiguous failure never posts twice.
 */
final class MastodonPublishing implements Publishing {

    /** Mastodon refuses a {@code scheduled_at} less than 5 minutes ahead. */
    static final Duration MIN_SCHEDULE_AHEAD = Duration.ofMinutes(5);
    /** Prefix of the ref of a natively scheduled status: its id is a scheduled status's, not a status's. */
    static final String SCHEDULED = "scheduled:";
    /** How long an upload may stay "processing" before the publication gives up (transiently). */
    static final Duration MEDIA_PROCESSING_LIMIT = Duration.ofMinutes(2);
    private static final int MAX_POLLS = 20;

    private final MastodonConnector connector;

    MastodonPublishing(MastodonConnector connector) {
        this.connector = connector;
    }

    @Override
    public PublishedPost publish(PublishRequest request) throws ConnectorException {
        PlatformLimits limits = connector.instanceLimits();
        List<LimitViolation> violations = limits.check(request.variant());
        if (!violations.isEmpty()) {
            throw new RejectedException(MastodonConnector.MASTODON, "this instance would refuse it: "
                    + violations.stream().map(LimitViolation::message).collect(Collectors.joining("; ")),
                    Optional.of("limits"));
        }
        Optional<Instant> scheduleAt = request.scheduleAt();
        if (scheduleAt.isPresent()) {
            Instant earliest = connector.clock().instant().plus(MIN_SCHEDULE_AHEAD);
            if (scheduleAt.get().isBefore(earliest)) {
                throw new RejectedException(MastodonConnector.MASTODON, "Mastodon schedules a status at least 5 minutes"
                        + " ahead; " + scheduleAt.get() + " is too soon (publish it now instead, or later than "
                        + earliest + ")", Optional.of("scheduled_at"));
            }
        }
        List<String> mediaIds = new ArrayList<>();
        for (MediaAsset asset : request.variant().media()) {
            mediaIds.add(upload(asset));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!request.variant().text().isBlank()) {
            body.put("status", request.variant().text());
        }
        if (!mediaIds.isEmpty()) {
            body.put("media_ids", mediaIds);
        }
        request.replyTo().ifPresent(parent -> body.put("in_reply_to_id", parent.id()));
        scheduleAt.ifPresent(at -> body.put("scheduled_at", at.toString()));
        ApiRequest post = ApiRequest.post("/api/v1/statuses").jsonBody(body)
                .idempotencyKey("Idempotency-Key", request.idempotencyKey());
        if (scheduleAt.isPresent()) {
            MastodonJson.ScheduledStatus scheduled = connector.api().send(post, MastodonJson.ScheduledStatus.class);
            if (scheduled == null || scheduled.id() == null) {
                throw new TransientException(MastodonConnector.MASTODON, "the scheduled status came back without an id",
                        Optional.empty(), null);
            }
            return new PublishedPost(PostRef.of(MastodonConnector.MASTODON, SCHEDULED + scheduled.id()),
                    MastodonConnector.instant(scheduled.scheduled_at()).orElse(scheduleAt.get()), request.idempotencyKey());
        }
        MastodonJson.Status status = connector.api().send(post, MastodonJson.Status.class);
        if (status == null || status.id() == null) {
            throw new TransientException(MastodonConnector.MASTODON, "the status came back without an id",
                    Optional.empty(), null);
        }
        if (status.account() != null) {
            connector.rememberOwnAccountId(status.account().id());
        }
        return new PublishedPost(ref(status), MastodonConnector.instant(status.created_at())
                .orElse(connector.clock().instant()), request.idempotencyKey());
    }

    static PostRef ref(MastodonJson.Status status) {
        return new PostRef(MastodonConnector.MASTODON, status.id(), Optional.empty(), MastodonConnector.uri(status.url()));
    }

    /**
     * Uploads one medium and waits until the instance has processed it (202, then
     * {@code GET /api/v1/media/:id} until it has a URL). An upload is safe to repeat: a medium
     * never attached to a status is discarded by the instance.
     */
    private String upload(MediaAsset asset) throws ConnectorException {
        byte[] bytes = read(connector, asset);
        MultipartBody.Builder multipart = MultipartBody.builder().file("file", filename(asset), asset.mimeType(), bytes);
        asset.altText().ifPresent(alt -> multipart.field("description", alt));
        MultipartBody body = multipart.build();
        Upload media = connector.api().send(ApiRequest.post("/api/v2/media")
                .body(body.contentType(), body.bytes()).idempotent().timeout(Duration.ofMinutes(2)), Upload::read);
        if (media.id() == null) {
            throw new TransientException(MastodonConnector.MASTODON, "the uploaded medium came back without an id",
                    Optional.empty(), null);
        }
        if (media.processed()) {
            return media.id();
        }
        Duration waited = Duration.ZERO;
        Duration pause = Duration.ofSeconds(1);
        for (int poll = 0; poll < MAX_POLLS && waited.compareTo(MEDIA_PROCESSING_LIMIT) < 0; poll++) {
            sleep(pause);
            waited = waited.plus(pause);
            if (connector.api().send(ApiRequest.get("/api/v1/media/" + media.id()), Upload::read).processed()) {
                return media.id();
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                    : pause.multipliedBy(2);
        }
        throw new TransientException(MastodonConnector.MASTODON, "medium " + media.id() + " (" + filename(asset)
                + ") was still being processed by the instance after " + waited.toSeconds() + " s; nothing was posted",
                Optional.empty(), null);
    }

    /** A medium as the instance answers it, read inside the attempt: processed once 200 with a URL. */
    private record Upload(String id, boolean processed) {
        static Upload read(ApiResponse response) throws ConnectorException {
            MastodonJson.Media media = response.json(MastodonJson.Media.class);
            return media == null ? new Upload(null, false)
                    : new Upload(media.id(), response.status() == 200 && media.url() != null);
        }
    }

    private void sleep(Duration d) throws TransientException {
        try {
            connector.foundation().sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(MastodonConnector.MASTODON, "interrupted while the instance processed a medium",
                    Optional.empty(), e);
        }
    }

    static byte[] read(MastodonConnector connector, MediaAsset asset) throws ConnectorException {
        URI source = asset.source();
        try {
            switch (source.getScheme().toLowerCase(java.util.Locale.ROOT)) {
                case "file":
                    return Files.readAllBytes(Path.of(source));
                case "http":
                case "https":
                    HttpResponse<byte[]> r = connector.foundation().httpClient().send(HttpRequest.newBuilder(source)
                            .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() / 100 != 2) {
                        throw new RejectedException(MastodonConnector.MASTODON, "the medium " + source
                                + " could not be fetched (HTTP " + r.statusCode() + ")", Optional.of("media"));
                    }
                    return r.body();
                default:
                    throw new RejectedException(MastodonConnector.MASTODON, "media from " + source.getScheme()
                            + ": URIs cannot be read; use file:, http: or https:", Optional.of("media"));
            }
        } catch (IOException e) {
            throw new RejectedException(MastodonConnector.MASTODON, "the medium " + source + " could not be read: "
                    + e.getMessage(), Optional.of("media"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(MastodonConnector.MASTODON, "interrupted while reading a medium",
                    Optional.empty(), e);
        }
    }

    static String filename(MediaAsset asset) {
        String path = asset.source().getPath();
        if (path != null && !path.isBlank() && !path.endsWith("/")) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return asset.kind().name().toLowerCase(java.util.Locale.ROOT) + "." + asset.mimeType().substring(asset.mimeType().indexOf('/') + 1);
    }

    /**
     * Deletes a status ({@code DELETE /api/v1/statuses/:id}) or, for the ref of a natively
     * scheduled one, the scheduled status ({@code DELETE /api/v1/scheduled_statuses/:id}). One
     * already gone (404) is not an error.
     */
    @Override
    public void delete(PostRef post) throws ConnectorException {
        String path = post.id().startsWith(SCHEDULED)
                ? "/api/v1/scheduled_statuses/" + post.id().substring(SCHEDULED.length())
                : "/api/v1/statuses/" + post.id();
        deleteIgnoringGone(connector, path);
    }

    static void deleteIgnoringGone(MastodonConnector connector, String path) throws ConnectorException {
        try {
            connector.api().send(ApiRequest.delete(path));
        } catch (RejectedException e) {
            if (!isGone(e)) {
                throw e;
            }
        }
    }

    static boolean isGone(RejectedException e) {
        return e.code().filter(c -> c.equals("404") || c.equals("410")).isPresent()
                || e.reason().contains("Record not found");
    }

    /** Mastodon honours {@code Idempotency-Key}: a repeat within about an hour returns the first status. */
    @Override
    public Idempotency idempotency() {
        return Idempotency.NATIVE;
    }

    /**
     * Always empty: Mastodon cannot look a status up by key. Its {@code Idempotency-Key} makes a
     * re-send with the same key return the status first made with it (for about an hour), so the
     * way to recover an unknown outcome is to publish again with the same key.
     */
    @Override
    public Optional<PublishedPost> findPublished(String idempotencyKey) {
        return Optional.empty();
    }

    @Override
    public boolean supportsNativeScheduling() {
        return true;
    }
}

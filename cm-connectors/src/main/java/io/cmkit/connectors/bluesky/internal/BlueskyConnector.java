package io.cmkit.connectors.bluesky.internal;

import io.cmkit.connectors.bluesky.BlueskyConfig;
import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiError;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.ErrorParser;
import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.http.LookupCache;
import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.MediaAsset;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.MetricSnapshot;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.Profile;
import io.cmkit.core.spi.ProfileUpdate;
import io.cmkit.core.spi.Profiles;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.PublishedPost;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TransientException;
import io.cmkit.core.spi.UnsupportedCapabilityException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Bluesky connector: endpoints and mapping over the HTTP foundation. Records, blobs and
 * sessions go to the PDS; {@code app.bsky.*} views go to the AppView (by default the PDS, which
 * proxies them).
 */
public final class BlueskyConnector implements Connector {

    static final Platform BLUESKY = Platform.BLUESKY;
    static final String POST = "app.bsky.feed.post";
    static final String THREADGATE = "app.bsky.feed.threadgate";
    static final String BLOCK = "app.bsky.graph.block";
    static final String PROFILE = "app.bsky.actor.profile";
    static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
    static final String PUT_RECORD = "/xrpc/com.atproto.repo.putRecord";
    static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    static final String DELETE_RECORD = "/xrpc/com.atproto.repo.deleteRecord";
    static final String UPLOAD_BLOB = "/xrpc/com.atproto.repo.uploadBlob";
    static final String RESOLVE_HANDLE = "/xrpc/com.atproto.identity.resolveHandle";
    static final String GET_POST_THREAD = "/xrpc/app.bsky.feed.getPostThread";
    static final String GET_POSTS = "/xrpc/app.bsky.feed.getPosts";
    static final String LIST_NOTIFICATIONS = "/xrpc/app.bsky.notification.listNotifications";
    static final String GET_PROFILE = "/xrpc/app.bsky.actor.getProfile";

    /** How many notification pages one mention read walks back at most. */
    static final int MAX_WALK = 50;
    private static final Instant EPOCH = Instant.EPOCH;

    private final Account account;
    private final Clock clock;
    private final PlatformLimits limits = PlatformLimits.defaultsFor(Platform.BLUESKY);
    private final Sessions sessions;
    private final Authenticator authenticator;
    private final ApiClient pds;
    private final ApiClient appView;
    private final int pageSize;
    private final LookupCache<String, Optional<String>> handles;
    private final LookupCache<String, String> cids;

    public BlueskyConnector(BlueskyConfig config, Clock clock) {
        this.account = config.account();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pageSize = config.pageSize();
        HttpFoundation foundation = config.foundation().orElseGet(HttpFoundation::shared);
        this.sessions = new Sessions(config.identifier(), config.appPassword());
        this.authenticator = Authenticator.refreshing(sessions, Sessions::expired, foundation.clock());
        this.pds = client(foundation, config.pds());
        this.sessions.pds(pds);
        this.appView = config.appView().isPresent() ? client(foundation, config.appView().get()) : pds;
        this.handles = LookupCache.expiringAfter(Duration.ofMinutes(10), 10_000, foundation.clock());
        this.cids = LookupCache.expiringAfter(Duration.ofHours(1), 10_000, foundation.clock());
    }

    private ApiClient client(HttpFoundation foundation, URI base) {
        return foundation.client(account, base)
                .rateLimitHeaders(RateLimitHeaders.ietfDraft())
                .errorParser(ErrorParser.standard())
                .authenticator(authenticator)
                .build();
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public PlatformLimits limits() {
        return limits;
    }

    @Override
    public Optional<Publishing> publishing() {
        return Optional.of(publishing);
    }

    @Override
    public Optional<CommentModeration> commentModeration() {
        return Optional.of(moderation);
    }

    @Override
    public Optional<MentionFeed> mentionFeed() {
        return Optional.of(this::mentions);
    }

    @Override
    public Optional<Metrics> metrics() {
        return Optional.of(metrics);
    }

    @Override
    public Optional<Profiles> profiles() {
        return Optional.of(profiles);
    }

    @Override
    public String toString() {
        return "BlueskyConnector[" + account + ", " + pds + "]";
    }

    // ----------------------------------------------------------------------------- internal hooks

    /** The account's DID, creating the session if there is none yet. */
    public String did() throws ConnectorException {
        Optional<String> known = sessions.did();
        if (known.isPresent()) {
            return known.get();
        }
        authenticator.authorization(pds);
        return sessions.did().orElseThrow(() -> new TransientException(BLUESKY,
                "createSession answered without a DID", Optional.empty(), null));
    }

    /** Renews the session now through refreshSession, as after an ExpiredToken (tests). */
    public void refreshSession() throws ConnectorException {
        did();
        authenticator.refresh(pds, new ApiError(400, Optional.of("ExpiredToken"), Optional.of("forced by cmkit")));
    }

    /** The client for records, blobs and sessions. */
    public ApiClient pdsClient() {
        return pds;
    }

    /** Publishes without the local limit check, to see the server's own refusal (tests). */
    public PublishedPost publishUnchecked(PublishRequest request) throws ConnectorException {
        return publishChecked(request);
    }

    /** The record key a publication with this idempotency key is written under. */
    public static String postRecordKey(String idempotencyKey) {
        return RecordKeys.forKey("post", idempotencyKey);
    }

    // ----------------------------------------------------------------------------- publishing

    private final Publishing publishing = new Publishing() {
        @Override
        public PublishedPost publish(PublishRequest request) throws ConnectorException {
            if (request.scheduleAt().isPresent()) {
                throw new UnsupportedCapabilityException(BLUESKY, "schedule a post",
                        "Bluesky has no native scheduling; the cmkit scheduler publishes it when it is due");
            }
            List<LimitViolation> violations = limits.check(request.variant());
            if (!violations.isEmpty()) {
                throw new RejectedException(BLUESKY, violations.stream().map(LimitViolation::message)
                        .collect(Collectors.joining("; ")) + " (checked before sending)", Optional.of("LimitExceeded"));
            }
            return publishChecked(request);
        }

        @Override
        public void delete(PostRef post) throws ConnectorException {
            AtUri uri = atUri(post.id());
            deleteRecord(uri);
        }

        @Override
        public Idempotency idempotency() {
            return Idempotency.LOOKUP;
        }

        @Override
        public Optional<PublishedPost> findPublished(String idempotencyKey) throws ConnectorException {
            AtUri uri = new AtUri(did(), POST, postRecordKey(idempotencyKey));
            return getRecord(uri).map(r -> published(r.uri(), r.cid(), createdAt(r.value()), idempotencyKey));
        }

        @Override
        public boolean supportsNativeScheduling() {
            return false;
        }
    };

    private PublishedPost publishChecked(PublishRequest request) throws ConnectorException {
        String did = did();
        String key = request.idempotencyKey();
        String rkey = postRecordKey(key);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("$type", POST);
        String text = request.variant().text();
        record.put("text", text);
        record.put("createdAt", now.toString());
        List<Map<String, Object>> facets = Facets.of(text, this::resolveHandle);
        if (!facets.isEmpty()) {
            record.put("facets", facets);
        }
        if (request.replyTo().isPresent()) {
            record.put("reply", replyRefs(request.replyTo().get()));
        }
        if (!request.variant().media().isEmpty()) {
            record.put("embed", images(request.variant().media()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", did);
        body.put("collection", POST);
        body.put("rkey", rkey);
        body.put("record", record);
        try {
            // safe to repeat: a second write under the same key fails instead of posting twice
            Xrpc.RefJson ref = pds.send(ApiRequest.post(CREATE_RECORD).idempotent().jsonBody(body), Xrpc.RefJson.class);
            cids.put(ref.uri(), ref.cid());
            return published(ref.uri(), ref.cid(), now, key);
        } catch (RejectedException | TransientException e) {
            Optional<Xrpc.RecordJson> existing;
            try {
                existing = getRecord(new AtUri(did, POST, rkey));
            } catch (ConnectorException lookup) {
                e.addSuppressed(lookup);
                throw e;
            }
            if (existing.isPresent()) {
                Xrpc.RecordJson r = existing.get();
                return published(r.uri(), r.cid(), createdAt(r.value()), key);
            }
            throw e;
        }
    }

    private PublishedPost published(String uri, String cid, Instant at, String key) {
        AtUri at2 = AtUri.parse(uri);
        URI web = URI.create("https://bsky.app/profile/" + at2.repo() + "/post/" + at2.rkey());
        return new PublishedPost(new PostRef(BLUESKY, uri, Optional.ofNullable(cid), Optional.of(web)), at, key);
    }

    private Optional<String> resolveHandle(String handle) throws ConnectorException {
        String h = handle.toLowerCase(Locale.ROOT);
        return handles.get(h, k -> {
            try {
                return Optional.ofNullable(pds.send(ApiRequest.get(RESOLVE_HANDLE).query("handle", k),
                        Xrpc.DidJson.class).did());
            } catch (RejectedException e) {
                return Optional.empty();   // unknown handle: left as plain text
            }
        });
    }

    private Map<String, Object> replyRefs(PostRef parent) throws ConnectorException {
        AtUri parentUri = atUri(parent.id());
        Xrpc.RecordJson record = getRecord(parentUri).orElseThrow(() -> new RejectedException(BLUESKY,
                "the post to reply to is gone: " + parent.id(), Optional.of("RecordNotFound")));
        Map<String, Object> parentRef = strongRef(record.uri(), record.cid());
        Map<String, Object> root = parentRef;
        Object reply = record.value() == null ? null : record.value().get("reply");
        if (reply instanceof Map<?, ?> r && r.get("root") instanceof Map<?, ?> rootRef
                && rootRef.get("uri") instanceof String u && rootRef.get("cid") instanceof String c) {
            root = strongRef(u, c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("root", root);
        out.put("parent", parentRef);
        return out;
    }

    private static Map<String, Object> strongRef(String uri, String cid) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("uri", uri);
        ref.put("cid", cid);
        return ref;
    }

    private Map<String, Object> images(List<MediaAsset> media) throws ConnectorException {
        List<Map<String, Object>> images = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            MediaAsset asset = media.get(i);
            byte[] bytes = read(asset, i);
            if (bytes.length > limits.maxImageBytes()) {
                throw new RejectedException(BLUESKY, new LimitViolation(BLUESKY, "image size", limits.maxImageBytes(),
                        bytes.length, "bytes", "media[" + i + "]").message() + " (checked before sending)",
                        Optional.of("LimitExceeded"));
            }
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("image", uploadBlob(asset.mimeType(), bytes));
            image.put("alt", asset.altText().orElse(""));
            images.add(image);
        }
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("$type", "app.bsky.embed.images");
        embed.put("images", images);
        return embed;
    }

    private Map<String, Object> uploadBlob(String mimeType, byte[] bytes) throws ConnectorException {
        // blobs are addressed by content: uploading the same bytes twice is harmless
        return pds.send(ApiRequest.post(UPLOAD_BLOB).idempotent().body(mimeType, bytes).timeout(Duration.ofMinutes(2)),
                Xrpc.BlobJson.class).blob();
    }

    private static byte[] read(MediaAsset asset, int index) throws RejectedException {
        URI source = asset.source();
        try (InputStream in = "classpath".equals(source.getScheme())
                ? BlueskyConnector.class.getClassLoader().getResourceAsStream(
                        source.getSchemeSpecificPart().replaceFirst("^/+", ""))
                : source.toURL().openStream()) {
            if (in == null) {
                throw new IOException("not found");
            }
            return in.readAllBytes();
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedException(BLUESKY, "media[" + index + "] could not be read from " + source + ": "
                    + e.getMessage(), Optional.of("MediaUnreadable"));
        }
    }

    // ----------------------------------------------------------------------------- records

    private Optional<Xrpc.RecordJson> getRecord(AtUri uri) throws ConnectorException {
        try {
            return Optional.of(pds.send(ApiRequest.get(GET_RECORD).query("repo", uri.repo())
                    .query("collection", uri.collection()).query("rkey", uri.rkey()), Xrpc.RecordJson.class));
        } catch (RejectedException e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean notFound(RejectedException e) {
        String code = e.code().orElse("");
        String reason = e.reason().toLowerCase(Locale.ROOT);
        return code.equals("RecordNotFound") || code.equals("404") || reason.contains("could not locate record")
                || reason.contains("not found");
    }

    private void deleteRecord(AtUri uri) throws ConnectorException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", uri.repo());
        body.put("collection", uri.collection());
        body.put("rkey", uri.rkey());
        try {
            pds.send(ApiRequest.post(DELETE_RECORD).idempotent().jsonBody(body));
        } catch (RejectedException e) {
            if (!notFound(e)) {
                throw e;
            }   // already gone: not an error
        }
    }

    private Xrpc.RefJson putRecord(String collection, String rkey, Map<String, Object> record, Optional<String> swap)
            throws ConnectorException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repo", did());
        body.put("collection", collection);
        body.put("rkey", rkey);
        body.put("record", record);
        swap.ifPresent(cid -> body.put("swapRecord", cid));
        return pds.send(ApiRequest.post(PUT_RECORD).idempotent().jsonBody(body), Xrpc.RefJson.class);
    }

    private static AtUri atUri(String id) throws RejectedException {
        try {
            return AtUri.parse(id);
        } catch (IllegalArgumentException e) {
            throw new RejectedException(BLUESKY, e.getMessage(), Optional.of("InvalidUri"));
        }
    }

    private static Instant createdAt(Map<String, Object> value) {
        Object at = value == null ? null : value.get("createdAt");
        return at instanceof String s ? instant(s).orElse(EPOCH) : EPOCH;
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    // ----------------------------------------------------------------------------- feeds

    /** A position in a feed: items are ordered by indexedAt, then URI. */
    record Position(Instant at, String uri) implements Comparable<Position> {

        static final Position START = new Position(EPOCH, "");

        static Position parse(Cursor cursor) throws RejectedException {
            String v = cursor.value();
            int space = v.indexOf(' ');
            Optional<Instant> at = instant(space < 0 ? v : v.substring(0, space));
            if (at.isEmpty()) {
                throw new RejectedException(BLUESKY, "not a Bluesky feed cursor: " + v, Optional.of("InvalidCursor"));
            }
            return new Position(at.get(), space < 0 ? "" : v.substring(space + 1));
        }

        Cursor cursor() {
            return Cursor.of(uri.isEmpty() ? at.toString() : at + " " + uri);
        }

        @Override
        public int compareTo(Position o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : uri.compareTo(o.uri);
        }
    }

    private record Positioned(Position position, Interaction interaction) {
    }

    /** Mentions and quotes from notifications; see docs/connectors.md for the forward polling. */
    private Page<Interaction> mentions(Optional<Cursor> from) throws ConnectorException {
        Position mark = from.isPresent() ? Position.parse(from.get()) : Position.START;
        String did = did();
        List<Positioned> fresh = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Optional<String> token = Optional.empty();
        for (int walked = 0; walked < MAX_WALK; walked++) {
            ApiRequest request = ApiRequest.get(LIST_NOTIFICATIONS).query("limit", Math.min(100, Math.max(pageSize, 25)))
                    .query("reasons", "mention").query("reasons", "quote");
            if (token.isPresent()) {
                request = request.query("cursor", token.get());
            }
            Xrpc.NotificationsOut out = appView.send(request, Xrpc.NotificationsOut.class);
            List<Xrpc.NotificationJson> items = out.notifications() == null ? List.of() : out.notifications();
            boolean reachedMark = false;
            for (Xrpc.NotificationJson n : items) {
                Position p = new Position(instant(n.indexedAt()).orElse(EPOCH), n.uri());
                if (p.compareTo(mark) <= 0) {
                    reachedMark = true;
                    continue;
                }
                if (("mention".equals(n.reason()) || "quote".equals(n.reason())) && seen.add(n.uri())) {
                    fresh.add(new Positioned(p, mention(n, did)));
                }
            }
            if (reachedMark || items.isEmpty() || out.cursor() == null || out.cursor().isBlank()) {
                break;
            }
            token = Optional.of(out.cursor());
        }
        return page(fresh, mark);
    }

    private Page<Interaction> page(List<Positioned> fresh, Position mark) {
        fresh.sort(Comparator.comparing(Positioned::position));
        List<Positioned> taken = fresh.subList(0, Math.min(pageSize, fresh.size()));
        Position next = taken.isEmpty() ? mark : taken.get(taken.size() - 1).position();
        return Page.of(taken.stream().map(Positioned::interaction).toList(), next.cursor());
    }

    private Interaction mention(Xrpc.NotificationJson n, String brandDid) {
        Map<String, Object> record = n.record() == null ? Map.of() : n.record();
        ThreadPosition thread = ThreadPosition.standalone();
        Optional<String[]> refs = replyUris(record);
        if (refs.isPresent()) {
            String root = refs.get()[0];
            String parent = refs.get()[1];
            boolean toBrand = parent.startsWith("at://" + brandDid + "/");
            thread = new ThreadPosition(Optional.of(root), Optional.of(parent), root.equals(parent) ? 1 : 2, toBrand);
        }
        if (n.cid() != null) {
            cids.put(n.uri(), n.cid());
        }
        return interaction(n.uri(), "quote".equals(n.reason()) ? Interaction.Kind.QUOTE : Interaction.Kind.MENTION,
                n.author(), record, n.indexedAt(), thread);
    }

    private static Optional<String[]> replyUris(Map<String, Object> record) {
        if (record.get("reply") instanceof Map<?, ?> reply && reply.get("root") instanceof Map<?, ?> root
                && reply.get("parent") instanceof Map<?, ?> parent
                && root.get("uri") instanceof String r && parent.get("uri") instanceof String p) {
            return Optional.of(new String[] {r, p});
        }
        return Optional.empty();
    }

    private Interaction interaction(String uri, Interaction.Kind kind, Xrpc.AuthorJson a, Map<String, Object> record,
                                    String indexedAt, ThreadPosition thread) {
        Author author = new Author(a.did(), a.handle(),
                Optional.ofNullable(a.displayName()).filter(s -> !s.isBlank()),
                instant(a.createdAt()), OptionalLong.empty(), false);
        String text = record.get("text") instanceof String s ? s : "";
        Instant created = record.get("createdAt") instanceof String s ? instant(s).orElse(EPOCH)
                : instant(indexedAt).orElse(EPOCH);
        Optional<Locale> language = record.get("langs") instanceof List<?> langs && !langs.isEmpty()
                && langs.get(0) instanceof String l ? Optional.of(Locale.forLanguageTag(l)) : Optional.empty();
        AtUri at = AtUri.parse(uri);
        URI web = URI.create("https://bsky.app/profile/" + a.handle() + "/post/" + at.rkey());
        return new Interaction(uri, account, kind, author, text, created, thread, language, Optional.of(web));
    }

    // ----------------------------------------------------------------------------- moderation

    private final CommentModeration moderation = new CommentModeration() {
        @Override
        public Set<ModerationOperation> supportedOperations() {
            // REPORT: com.atproto.moderation.createReport is not in the carried lexicons, so it is left out
            return EnumSet.of(ModerationOperation.HIDE, ModerationOperation.UNHIDE, ModerationOperation.DELETE,
                    ModerationOperation.REPLY, ModerationOperation.BLOCK_AUTHOR);
        }

        @Override
        public Page<Interaction> comments(PostRef post, Optional<Cursor> from) throws ConnectorException {
            Position mark = from.isPresent() ? Position.parse(from.get()) : Position.START;
            String did = did();
            Xrpc.ThreadOut out = appView.send(ApiRequest.get(GET_POST_THREAD).query("uri", post.id())
                    .query("depth", 1000).query("parentHeight", 0), Xrpc.ThreadOut.class);
            List<Positioned> fresh = new ArrayList<>();
            if (out.thread() != null && out.thread().post() != null) {
                Xrpc.PostViewJson top = out.thread().post();
                collect(out.thread(), top.uri(), top.author() == null ? "" : top.author().did(), 1, did, mark, fresh);
            }
            return page(fresh, mark);
        }

        @Override
        public void hide(Interaction comment) throws ConnectorException {
            gate(comment, true);
        }

        @Override
        public void unhide(Interaction comment) throws ConnectorException {
            gate(comment, false);
        }

        @Override
        public void delete(Interaction comment) throws ConnectorException {
            AtUri uri = atUri(comment.id());
            String did = did();
            if (!uri.repo().equals(did) || !comment.author().id().equals(did)) {
                throw new RejectedException(BLUESKY, "Bluesky lets an account delete only its own posts; this reply"
                        + " is @" + comment.author().handle() + "'s. Hide it instead (threadgate) or block its author.",
                        Optional.of("NotOwnRecord"));
            }
            deleteRecord(uri);
        }

        @Override
        public PublishedPost reply(Interaction comment, String text, String idempotencyKey) throws ConnectorException {
            PostRef parent = new PostRef(BLUESKY, comment.id(), cids.getIfPresent(comment.id()), comment.url());
            return publishing.publish(PublishRequest.reply(io.cmkit.core.model.PostVariant.text(BLUESKY, text),
                    idempotencyKey, parent));
        }

        @Override
        public void blockAuthor(Author author) throws ConnectorException {
            String did = did();
            String rkey = RecordKeys.forKey("block", author.id());
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("$type", BLOCK);
            record.put("subject", author.id());
            record.put("createdAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("repo", did);
            body.put("collection", BLOCK);
            body.put("rkey", rkey);
            body.put("record", record);
            try {
                pds.send(ApiRequest.post(CREATE_RECORD).idempotent().jsonBody(body));
            } catch (RejectedException e) {
                if (getRecord(new AtUri(did, BLOCK, rkey)).isEmpty()) {
                    throw e;
                }   // already blocked
            }
        }

        @Override
        public void report(Interaction comment, String reason) {
            throw new UnsupportedCapabilityException(BLUESKY, "report a reply",
                    "cmkit does not carry com.atproto.moderation.createReport yet; hide the reply or block its author");
        }
    };

    private void collect(Xrpc.ThreadJson node, String parentUri, String parentDid, int depth, String brandDid,
                         Position mark, List<Positioned> out) {
        if (node.replies() == null) {
            return;
        }
        for (Xrpc.ThreadJson reply : node.replies()) {
            Xrpc.PostViewJson p = reply.post();
            if (p == null || p.uri() == null || p.author() == null) {
                continue;   // notFoundPost, blockedPost
            }
            Map<String, Object> record = p.record() == null ? Map.of() : p.record();
            Optional<String[]> refs = replyUris(record);
            String root = refs.map(r -> r[0]).orElse(parentUri);
            String parent = refs.map(r -> r[1]).orElse(parentUri);
            int d = root.equals(parent) ? 1 : Math.max(2, depth);
            ThreadPosition thread = new ThreadPosition(Optional.of(root), Optional.of(parent), d,
                    parentDid.equals(brandDid));
            Position pos = new Position(instant(p.indexedAt()).orElse(EPOCH), p.uri());
            if (p.cid() != null) {
                cids.put(p.uri(), p.cid());
            }
            if (pos.compareTo(mark) > 0) {
                out.add(new Positioned(pos, interaction(p.uri(), d == 1 ? Interaction.Kind.COMMENT
                        : Interaction.Kind.REPLY, p.author(), record, p.indexedAt(), thread)));
            }
            collect(reply, p.uri(), p.author().did(), depth + 1, brandDid, mark, out);
        }
    }

    /** Adds the reply to, or removes it from, the hiddenReplies of its thread's threadgate. */
    private void gate(Interaction comment, boolean hide) throws ConnectorException {
        String did = did();
        String rootUri = comment.thread().rootId().orElseThrow(() -> new RejectedException(BLUESKY,
                "Bluesky hides only replies in a thread (through the threadgate of its first post); this "
                        + comment.kind().name().toLowerCase(Locale.ROOT) + " is not in one", Optional.of("NotAReply")));
        AtUri root = atUri(rootUri);
        if (!root.repo().equals(did)) {
            throw new RejectedException(BLUESKY, "Bluesky hides a reply through the threadgate of the thread's first"
                    + " post, which only its author can write; this thread was started by " + root.repo(),
                    Optional.of("NotThreadAuthor"));
        }
        Optional<Xrpc.RecordJson> existing = getRecord(new AtUri(did, THREADGATE, root.rkey()));
        Map<String, Object> record = new LinkedHashMap<>();
        if (existing.isPresent() && existing.get().value() != null) {
            record.putAll(existing.get().value());   // keeps the allow rules and anything else
        } else {
            if (!hide) {
                return;   // no threadgate: nothing is hidden
            }
            record.put("$type", THREADGATE);
            record.put("post", rootUri);
            record.put("createdAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        List<String> hidden = new ArrayList<>();
        if (record.get("hiddenReplies") instanceof List<?> list) {
            list.forEach(u -> hidden.add(String.valueOf(u)));
        }
        boolean changed = hide ? !hidden.contains(comment.id()) && hidden.add(comment.id()) : hidden.remove(comment.id());
        if (!changed) {
            return;
        }
        if (hidden.size() > 300) {
            throw new RejectedException(BLUESKY, "a threadgate hides at most 300 replies; this thread already hides 300",
                    Optional.of("LimitExceeded"));
        }
        record.put("hiddenReplies", hidden);
        putRecord(THREADGATE, root.rkey(), record, existing.map(Xrpc.RecordJson::cid));
    }

    // ----------------------------------------------------------------------------- metrics

    private final Metrics metrics = new Metrics() {
        @Override
        public Set<Metric> postMetrics() {
            return Set.of(Metric.LIKES, Metric.SHARES, Metric.COMMENTS, Metric.QUOTES);
        }

        @Override
        public Set<Metric> accountMetrics() {
            return Set.of(Metric.FOLLOWERS);
        }

        @Override
        public MetricSnapshot snapshot(PostRef post) throws ConnectorException {
            did();
            Xrpc.PostsOut out = appView.send(ApiRequest.get(GET_POSTS).query("uris", post.id()), Xrpc.PostsOut.class);
            Xrpc.PostViewJson p = out.posts() == null ? null : out.posts().stream()
                    .filter(v -> post.id().equals(v.uri())).findFirst().orElse(null);
            if (p == null) {
                throw new RejectedException(BLUESKY, "no such post: " + post.id(), Optional.of("NotFound"));
            }
            Map<Metric, Long> values = new LinkedHashMap<>();
            put(values, Metric.LIKES, p.likeCount());
            put(values, Metric.SHARES, p.repostCount());
            put(values, Metric.COMMENTS, p.replyCount());
            put(values, Metric.QUOTES, p.quoteCount());
            return new MetricSnapshot(account, Optional.of(post.id()), clock.instant(), values);
        }

        @Override
        public MetricSnapshot accountSnapshot() throws ConnectorException {
            Xrpc.ProfileJson p = profileView();
            Map<Metric, Long> values = new LinkedHashMap<>();
            put(values, Metric.FOLLOWERS, p.followersCount());
            return new MetricSnapshot(account, Optional.empty(), clock.instant(), values);
        }

        private void put(Map<Metric, Long> values, Metric metric, Long value) {
            if (value != null) {
                values.put(metric, value);
            }
        }
    };

    private Xrpc.ProfileJson profileView() throws ConnectorException {
        return appView.send(ApiRequest.get(GET_PROFILE).query("actor", did()), Xrpc.ProfileJson.class);
    }

    // ----------------------------------------------------------------------------- profiles

    private final Profiles profiles = new Profiles() {
        @Override
        public Profile profile() throws ConnectorException {
            Xrpc.ProfileJson p = profileView();
            return new Profile(account, p.displayName() == null ? "" : p.displayName(),
                    p.description() == null ? "" : p.description(), uri(p.website()), uri(p.avatar()));
        }

        @Override
        public Profile update(ProfileUpdate update) throws ConnectorException {
            String did = did();
            Optional<Xrpc.RecordJson> existing = getRecord(new AtUri(did, PROFILE, "self"));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("$type", PROFILE);
            existing.map(Xrpc.RecordJson::value).ifPresent(record::putAll);
            update.displayName().ifPresent(v -> record.put("displayName", v));
            update.bio().ifPresent(v -> record.put("description", v));
            update.website().ifPresent(v -> record.put("website", v.toString()));
            if (update.avatar().isPresent()) {
                MediaAsset avatar = update.avatar().get();
                byte[] bytes = read(avatar, 0);
                if (bytes.length > 1_000_000) {
                    throw new RejectedException(BLUESKY, new LimitViolation(BLUESKY, "avatar size", 1_000_000,
                            bytes.length, "bytes", "avatar").message() + " (checked before sending)",
                            Optional.of("LimitExceeded"));
                }
                record.put("avatar", uploadBlob(avatar.mimeType(), bytes));
            }
            putRecord(PROFILE, "self", record, existing.map(Xrpc.RecordJson::cid));
            return profile();
        }

        private Optional<URI> uri(String s) {
            if (s == null || s.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(URI.create(s));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    };
}

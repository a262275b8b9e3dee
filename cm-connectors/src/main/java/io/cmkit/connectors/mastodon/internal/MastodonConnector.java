package io.cmkit.connectors.mastodon.internal;

import io.cmkit.connectors.http.ApiClient;
import io.cmkit.connectors.http.ApiRequest;
import io.cmkit.connectors.http.Authenticator;
import io.cmkit.connectors.http.ErrorParser;
import io.cmkit.connectors.http.HttpFoundation;
import io.cmkit.connectors.http.LookupCache;
import io.cmkit.connectors.http.RateLimitHeaders;
import io.cmkit.connectors.http.Secret;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Author;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.ThreadPosition;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Metrics;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.Profiles;
import io.cmkit.core.spi.Publishing;
import io.cmkit.core.spi.RejectedException;
import io.cmkit.core.spi.TextCounting;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mastodon connector: one account on one instance, on the HTTP foundation. Each capability
 * is a small class of its own; this one holds what they share (the client, the brand's own
 * account id, the instance's limits) and the mapping of statuses to interactions.
 */
public final class MastodonConnector implements Connector {

    private static final Logger LOG = LoggerFactory.getLogger(MastodonConnector.class);
    static final Platform MASTODON = Platform.MASTODON;
    /** How long the instance's limits and the brand's own account id are kept. */
    static final Duration CACHE_TTL = Duration.ofHours(1);

    /** Status ids are snowflakes: numeric, so a longer id is a newer one. */
    static final Comparator<String> BY_ID = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Account account;
    private final URI instance;
    private final HttpFoundation foundation;
    private final Clock clock;
    private final ApiClient api;
    private final LookupCache<String, PlatformLimits> limits;
    private final LookupCache<String, String> ownId;
    private final MastodonPublishing publishing;
    private final MastodonModeration moderation;
    private final MastodonMentions mentions;
    private final MastodonMetrics metrics;
    private final MastodonProfiles profiles;

    public MastodonConnector(Account account, URI instance, Secret accessToken, HttpFoundation foundation, Clock clock) {
        this.account = account;
        this.instance = instance;
        this.foundation = foundation;
        this.clock = clock;
        this.api = foundation.client(account, instance)
                .rateLimitHeaders(RateLimitHeaders.mastodon())
                .errorParser(ErrorParser.standard())
                .authenticator(Authenticator.bearer(accessToken))
                .build();
        this.limits = LookupCache.expiringAfter(CACHE_TTL, 1, foundation.clock());
        this.ownId = LookupCache.expiringAfter(CACHE_TTL, 1, foundation.clock());
        this.publishing = new MastodonPublishing(this);
        this.moderation = new MastodonModeration(this);
        this.mentions = new MastodonMentions(this);
        this.metrics = new MastodonMetrics(this);
        this.profiles = new MastodonProfiles(this);
    }

    ApiClient api() {
        return api;
    }

    HttpFoundation foundation() {
        return foundation;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public Account account() {
        return account;
    }

    /**
     * The instance's own limits ({@code GET /api/v2/instance}), cached for an hour. When the
     * instance cannot be reached, the published defaults, not cached, so the next call asks again.
     */
    @Override
    public PlatformLimits limits() {
        try {
            return instanceLimits();
        } catch (ConnectorException e) {
            LOG.warn("{}: could not read the limits of {}, using Mastodon's defaults for now: {}", account, instance,
                    e.getMessage());
            return PlatformLimits.defaultsFor(MASTODON);
        }
    }

    /** The instance's own limits, or the failure to read them. */
    PlatformLimits instanceLimits() throws ConnectorException {
        return limits.get("instance", k -> fromInstance(api.send(ApiRequest.get("/api/v2/instance"),
                MastodonJson.Instance.class)));
    }

    /** Each limit the instance states; Mastodon's published default for each it does not. */
    static PlatformLimits fromInstance(MastodonJson.Instance instance) {
        PlatformLimits defaults = PlatformLimits.defaultsFor(MASTODON);
        MastodonJson.Configuration c = instance == null ? null : instance.configuration();
        MastodonJson.Statuses s = c == null ? null : c.statuses();
        MastodonJson.MediaAttachments m = c == null ? null : c.media_attachments();
        int maxText = s != null && s.max_characters() != null && s.max_characters() > 0
                ? s.max_characters() : defaults.maxTextLength();
        int urlLength = s != null && s.characters_reserved_per_url() != null && s.characters_reserved_per_url() > 0
                ? s.characters_reserved_per_url() : 23;
        int maxMedia = s != null && s.max_media_attachments() != null && s.max_media_attachments() >= 0
                ? s.max_media_attachments() : defaults.maxMedia();
        long image = m != null && m.image_size_limit() != null && m.image_size_limit() > 0
                ? m.image_size_limit() : defaults.maxImageBytes();
        long video = m != null && m.video_size_limit() != null && m.video_size_limit() > 0
                ? m.video_size_limit() : defaults.maxVideoBytes();
        return new PlatformLimits(MASTODON, maxText, TextCounting.mastodon(urlLength), maxMedia, image, video,
                defaults.maxHashtags(), defaults.mediaKinds());
    }

    /** The brand's own account id on the instance ({@code verify_credentials}), cached. */
    String ownAccountId() throws ConnectorException {
        return ownId.get("self", k -> api.send(ApiRequest.get("/api/v1/accounts/verify_credentials"),
                MastodonJson.Account.class).id());
    }

    void rememberOwnAccountId(String id) {
        if (id != null && !id.isBlank()) {
            ownId.put("self", id);
        }
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
        return Optional.of(mentions);
    }

    @Override
    public Optional<Metrics> metrics() {
        return Optional.of(metrics);
    }

    @Override
    public Optional<Profiles> profiles() {
        return Optional.of(profiles);
    }

    // ---- mapping shared by the capabilities

    Interaction interaction(MastodonJson.Status status, Interaction.Kind kind, ThreadPosition thread)
            throws ConnectorException {
        if (status == null || status.id() == null || status.account() == null) {
            throw new RejectedException(MASTODON, "a status without id or account in the answer", Optional.empty());
        }
        return new Interaction(status.id(), account, kind, author(status.account()), Html.toText(status.content()),
                instant(status.created_at()).orElse(clock.instant()), thread, language(status.language()),
                uri(status.url()));
    }

    static Author author(MastodonJson.Account a) {
        String handle = a.acct() != null && !a.acct().isBlank() ? a.acct()
                : a.username() != null && !a.username().isBlank() ? a.username() : a.id();
        Optional<String> name = Optional.ofNullable(a.display_name()).map(String::strip).filter(s -> !s.isEmpty());
        OptionalLong followers = a.followers_count() == null || a.followers_count() < 0 ? OptionalLong.empty()
                : OptionalLong.of(a.followers_count());
        return new Author(a.id(), handle, name, instant(a.created_at()), followers, false);
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static Optional<URI> uri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(text);
            return u.isAbsolute() ? Optional.of(u) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Locale> language(String tag) {
        return tag == null || tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "MastodonConnector[" + account + " on " + instance + "]";
    }
}

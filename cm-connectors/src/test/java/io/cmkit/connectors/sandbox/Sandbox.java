package io.cmkit.connectors.sandbox;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.CommentModeration;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.MentionFeed;
import io.cmkit.core.spi.Page;
import io.cmkit.core.spi.PageFetcher;
import io.cmkit.core.spi.Pager;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.spi.PublishRequest;
import io.cmkit.core.spi.Publishing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared fixtures for the sandbox tests: accounts, a clock on a Monday morning, publishing and reading helpers. */
final class Sandbox {

    /** Monday 3 March 2025, 08:00 in Paris. */
    static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T07:00:00Z");

    static final Account MASTODON = new Account(Platform.MASTODON, "cafe_lumiere@mastodon.social");
    static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    static final Account X = new Account(Platform.X, "cafe_lumiere");
    static final Account FACEBOOK = new Account(Platform.FACEBOOK, "cafelumiere");
    static final Account INSTAGRAM = new Account(Platform.INSTAGRAM, "cafe.lumiere");

    static final String FRENCH_POST = "Nouvelle carte de printemps chez nous : venez goûter nos tartes ! #printemps";
    static final String ENGLISH_POST = "Our spring menu is here: come and taste the new tarts! #spring";

    private Sandbox() {
    }

    static SimulatedClock clock() {
        return SimulatedClock.at(MONDAY_MORNING);
    }

    static SandboxWorld world(long seed, SimulatedClock clock) {
        return SandboxWorld.builder().seed(seed).clock(clock).build();
    }

    static PostRef publish(Connector connector, String text, String key) throws ConnectorException {
        return connector.require(Publishing.class)
                .publish(PublishRequest.now(PostVariant.text(connector.platform(), text), key)).ref();
    }

    /**
     * A week of two posts a day (08:00 and 19:00 in Paris), alternating French and English, with
     * the clock advancing in between; ends the next Monday morning.
     */
    static List<PostRef> publishWeek(Connector connector, SimulatedClock clock) throws ConnectorException {
        List<PostRef> posts = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            posts.add(publish(connector, day % 2 == 0 ? FRENCH_POST : ENGLISH_POST, "week/" + day + "/morning"));
            clock.advance(Duration.ofHours(11));
            posts.add(publish(connector, day % 2 == 0 ? ENGLISH_POST : FRENCH_POST, "week/" + day + "/evening"));
            clock.advance(Duration.ofHours(13));
        }
        return posts;
    }

    /** Every item from a cursor on, page by page, until the feed says it is caught up. */
    static List<Interaction> readAll(Optional<Cursor> from, PageFetcher<Interaction> fetcher) throws ConnectorException {
        return read(Pager.from(from, fetcher));
    }

    /** Every remaining item of a pager. */
    static List<Interaction> read(Pager<Interaction> pager) throws ConnectorException {
        List<Interaction> out = new ArrayList<>();
        for (Optional<Page<Interaction>> page = pager.next(); page.isPresent(); page = pager.next()) {
            out.addAll(page.get().items());
        }
        return out;
    }

    static List<Interaction> comments(Connector connector, PostRef post) throws ConnectorException {
        CommentModeration moderation = connector.require(CommentModeration.class);
        return readAll(Optional.empty(), cursor -> moderation.comments(post, cursor));
    }

    static List<Interaction> comments(Connector connector, List<PostRef> posts) throws ConnectorException {
        List<Interaction> out = new ArrayList<>();
        for (PostRef post : posts) {
            out.addAll(comments(connector, post));
        }
        return out;
    }

    static List<Interaction> mentions(Connector connector) throws ConnectorException {
        MentionFeed feed = connector.require(MentionFeed.class);
        return readAll(Optional.empty(), feed::mentions);
    }

    static Intent intentOf(SandboxWorld world, Interaction interaction) {
        return world.facts(interaction).orElseThrow().intent().orElseThrow();
    }
}

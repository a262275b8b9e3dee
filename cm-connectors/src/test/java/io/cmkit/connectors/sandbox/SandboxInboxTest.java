package io.cmkit.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.inbox.Delivery;
import io.cmkit.core.inbox.FeedReport;
import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.InboxOptions;
import io.cmkit.core.inbox.InteractionHandler;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.inbox.jdbc.JdbcInboxStore;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.schedule.ConnectorLookup;
import io.cmkit.core.schedule.PostKey;
import io.cmkit.core.schedule.PostWorkflow;
import io.cmkit.core.schedule.Publication;
import io.cmkit.core.schedule.ScheduleStore;
import io.cmkit.core.schedule.Scheduler;
import io.cmkit.core.schedule.SchedulerConfig;
import io.cmkit.core.spi.Capability;
import io.cmkit.core.spi.Connector;
import io.cmkit.core.spi.ConnectorException;
import io.cmkit.core.spi.PostRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The inbox against the sandbox world over simulated days: posts published by the scheduler, an
 * audience that comments and mentions, faults on the way, an inbox polling every half hour into a
 * JDBC store, and a restart in the middle.
 */
@DisplayName("The inbox polling the sandbox over simulated days")
class SandboxInboxTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");
    private static final Account MASTODON = new Account(Platform.MASTODON, "cafelumiere@piaille.fr");
    private static final Account BLUESKY = new Account(Platform.BLUESKY, "cafelumiere.bsky.social");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Records every delivery; the Nth one of every 40 throws, to exercise retries. */
    private static final class Recorder implements InteractionHandler {
        final List<String> keys = new ArrayList<>();
        final Map<Interaction.Kind, Integer> kinds = new EnumMap<>(Interaction.Kind.class);
        int calls;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void handle(Interaction interaction, Delivery delivery) {
            if (++calls % 40 == 0) {
                throw new IllegalStateException("the host's database blinked");
            }
            assertThat(delivery.connector().account()).isEqualTo(interaction.account());
            keys.add(interaction.account().key() + "|" + interaction.id());
            kinds.merge(interaction.kind(), 1, Integer::sum);
        }
    }

    @Test
    @DisplayName("every comment and mention the world produced reaches the handler exactly once, through faults and a restart")
    void exactlyOnce() throws ConnectorException {
        SimulatedClock clock = SimulatedClock.at(MONDAY);
        SandboxWorld world = SandboxWorld.builder().seed(2026).clock(clock).zone(ZoneId.of("Europe/Paris"))
                .mentionsPerDay(30).pageSize(7).build();
        Connector mastodon = world.connector(MASTODON);
        Connector bluesky = world.connector(BLUESKY);
        ScheduleStore schedule = ScheduleStore.inMemory();
        ConnectorLookup connectors = ConnectorLookup.of(List.of(mastodon, bluesky));
        PostWorkflow workflow = PostWorkflow.of(schedule, connectors, clock);
        Scheduler scheduler = Scheduler.of("scheduler", schedule, connectors, SchedulerConfig.ofDefaults(), clock);
        Recorder recorder = new Recorder();
        String database = "sandbox-inbox-" + DATABASES.incrementAndGet();
        InboxOptions options = InboxOptions.custom().watchCommentsFor(Duration.ofDays(14)).build();

        JdbcInboxStore store = JdbcInboxStore.h2InMemory(database);
        Inbox inbox = inbox(mastodon, bluesky, schedule, store, recorder, clock, options);
        List<PollReport> reports = new ArrayList<>();
        int days = 6;
        for (int halfHour = 0; halfHour < days * 48; halfHour++) {
            if (halfHour % 48 == 4) { // 09:00 in Paris: schedule today's post for 09:30
                schedulePost(workflow, halfHour / 48, clock.instant().plus(Duration.ofMinutes(30)));
            }
            if (halfHour % 48 == 5) {
                scheduler.runOnce();
            }
            if (halfHour == 60) {
                world.faults(MASTODON).failNext(1, Fault.rateLimited(Duration.ofMinutes(45)), Capability.MENTION_FEED);
            }
            if (halfHour == 100) {
                world.faults(BLUESKY).failNext(2, Fault.transientFailure(), Capability.COMMENT_MODERATION);
            }
            if (halfHour == 150) {
                world.faults(BLUESKY).failNext(1, Fault.authenticationFailure(), Capability.MENTION_FEED);
            }
            if (halfHour == 144) { // a restart: a new inbox on the same database
                store.close();
                store = JdbcInboxStore.h2InMemory(database);
                inbox = inbox(mastodon, bluesky, schedule, store, recorder, clock, options);
            }
            reports.add(inbox.poll());
            clock.advance(Duration.ofMinutes(30));
        }
        for (int i = 0; i < 3; i++) { // the last failed deliveries are retried
            reports.add(inbox.poll());
        }

        Set<String> produced = new HashSet<>();
        List<PostRef> posts = new ArrayList<>();
        for (Account account : List.of(MASTODON, BLUESKY)) {
            for (PostKey key : postKeys(days)) {
                schedule.publications(key).stream().filter(p -> p.account().equals(account))
                        .map(Publication::published).flatMap(Optional::stream).forEach(p -> posts.add(p.ref()));
            }
        }
        assertThat(posts).hasSize(2 * days);
        for (PostRef post : posts) {
            Connector c = post.platform().equals(Platform.MASTODON) ? mastodon : bluesky;
            Sandbox.comments(c, post).forEach(i -> produced.add(i.account().key() + "|" + i.id()));
        }
        for (Connector c : List.of(mastodon, bluesky)) {
            Sandbox.mentions(c).forEach(i -> produced.add(i.account().key() + "|" + i.id()));
        }

        assertThat(recorder.keys).doesNotHaveDuplicates();
        assertThat(new HashSet<>(recorder.keys)).isEqualTo(produced);
        assertThat(produced).hasSizeGreaterThan(300);
        assertThat(recorder.kinds).containsKeys(Interaction.Kind.COMMENT, Interaction.Kind.MENTION);
        assertThat(reports).flatMap(PollReport::feeds).extracting(FeedReport::outcome)
                .contains(FeedReport.Outcome.RATE_LIMITED, FeedReport.Outcome.WAITING, FeedReport.Outcome.TRANSIENT_FAILURE,
                        FeedReport.Outcome.AUTHENTICATION_FAILED);
        assertThat(reports.stream().mapToInt(PollReport::recovered).sum()).isGreaterThan(0);
        assertThat(reports.stream().mapToInt(PollReport::abandoned).sum()).isZero();
        assertThat(store.pending(10)).isEmpty();
        System.out.printf("sandbox inbox: %d interactions over %d days, %d polls, %d duplicates skipped, %d retried%n",
                produced.size(), days, reports.size(), reports.stream().mapToInt(PollReport::duplicates).sum(),
                reports.stream().mapToInt(PollReport::retried).sum());
        store.close();
    }

    private static Inbox inbox(Connector mastodon, Connector bluesky, ScheduleStore schedule, JdbcInboxStore store,
                               Recorder recorder, SimulatedClock clock, InboxOptions options) {
        return Inbox.builder().account(mastodon).account(bluesky).watchedPosts(WatchedPosts.publishedBy(schedule))
                .store(store).handler(recorder).clock(clock).options(options).build();
    }

    private static List<PostKey> postKeys(int days) {
        List<PostKey> keys = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            keys.add(new PostKey("cafe-lumiere", "day-" + day));
        }
        return keys;
    }

    private static void schedulePost(PostWorkflow workflow, int day, Instant at) {
        Post post = new Post("day-" + day, "cafe-lumiere", Optional.of("Le café du jour"), Optional.empty(),
                List.of(PostVariant.text(Platform.MASTODON, "Le café du jour n°" + day + " : un Guji d'Éthiopie ☕"),
                        PostVariant.text(Platform.BLUESKY, "Today's coffee #" + day + ": an Ethiopian Guji ☕")));
        PostKey key = workflow.create(post, List.of(MASTODON, BLUESKY), "camille").key();
        workflow.submit(key, "camille");
        workflow.approve(key, "lea");
        workflow.schedule(key, at, "camille");
    }
}

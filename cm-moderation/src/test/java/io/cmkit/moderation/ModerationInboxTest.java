package io.cmkit.moderation;

import static io.cmkit.moderation.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cmkit.core.inbox.Inbox;
import io.cmkit.core.inbox.PollReport;
import io.cmkit.core.inbox.WatchedPost;
import io.cmkit.core.inbox.WatchedPosts;
import io.cmkit.core.jdbc.JdbcStoreConfig;
import io.cmkit.core.jdbc.StoreDatabase;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.PostRef;
import io.cmkit.core.testing.FakeFeeds;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.audit.AuditLog;
import io.cmkit.moderation.jdbc.JdbcAuditLog;
import io.cmkit.moderation.jdbc.JdbcReviewQueueStore;
import io.cmkit.moderation.review.ReviewItem;
import io.cmkit.moderation.review.ReviewQueue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Moderation as an inbox handler, end to end")
class ModerationInboxTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Account BRAND = new Account(Platform.MASTODON, "cafe_lumiere");

    private final Comments.TestClock clock = new Comments.TestClock();
    private final StoreDatabase db = StoreDatabase.h2InMemory("moderation-inbox-" + DATABASES.incrementAndGet());
    private final List<Interaction> alerts = new ArrayList<>();
    private final RuleSet rules = RuleSet.builder()
            .template(new ReplyTemplate("calm", Map.of("fr", "{author}, restons courtois.", "en", "{author}, let's keep it civil."), "en"))
            .rule(Rule.builder("threats").category("threat").priority(100).when(Condition.category("threat"))
                    .then(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE).build())
            .rule(Rule.builder("insults").category("insult").priority(50).when(Condition.category("insult"))
                    .then(Action.HIDE, Action.REPLY).reply("calm").build())
            .build();

    @AfterEach
    void close() {
        db.close();
    }

    private Moderator moderator(ModerationConfig config) {
        AuditLog audit = JdbcAuditLog.open(db, JdbcStoreConfig.ofDefaults());
        ReviewQueue queue = new ReviewQueue(JdbcReviewQueueStore.open(db, JdbcStoreConfig.ofDefaults()), audit, clock);
        return Moderator.builder(Comments.engine(rules, clock, config)).reviewQueue(queue).alertSink((i, d) -> alerts.add(i))
                .clock(clock).build();
    }

    private Inbox inbox(FakeFeeds connector, ModerationInteractionHandler handler) {
        return Inbox.builder().account(connector).handler(handler).clock(clock)
                .watchedPosts(WatchedPosts.of(List.of(new WatchedPost(BRAND, PostRef.of(Platform.MASTODON, "post1"),
                        Comments.NOW.minusSeconds(3600))))).build();
    }

    @Test
    @DisplayName("comments collected by the inbox are decided, carried out on the account's own connector, degraded where "
            + "the platform cannot, audited, and FLAGs queued for review; nothing is decided twice")
    void endToEnd() {
        FakeCommentModeration mastodon = FakeCommentModeration.mastodonLike();
        Interaction insult = comment("quel idiot").by("x").in(Locale.ENGLISH).build();
        Interaction threat = comment("I will kill you").by("t").build();
        Interaction kind = comment("the new roast is lovely").by("k").build();
        Interaction mention = comment("@cafe_lumiere idiot").mention().by("m").build();
        FakeFeeds connector = new FakeFeeds(BRAND).actions(mastodon).addComment("post1", insult).addComment("post1", threat)
                .addComment("post1", kind).addMention(mention);
        Moderator moderator = moderator(ModerationConfig.ofDefaults());
        List<Decision> decisions = new ArrayList<>();
        Inbox inbox = inbox(connector, ModerationInteractionHandler.of(moderator).onDecision(decisions::add));

        PollReport report = inbox.poll();
        int auditedAfterFirstPoll = moderator.auditLog().entries().size();
        inbox.poll();

        assertThat(report.fresh()).isEqualTo(4);
        assertThat(decisions).extracting(Decision::interactionKey).containsExactly(insult.key(), threat.key(), kind.key());
        Decision onInsult = decisions.get(0);
        assertThat(onInsult.actions()).containsExactly(Action.FLAG, Action.REPLY);
        assertThat(onInsult.adjustments()).singleElement().isEqualTo(new Adjustment(Adjustment.Kind.DEGRADED, Action.HIDE,
                java.util.Optional.of(Action.FLAG), "Mastodon cannot HIDE"));
        assertThat(decisions.get(1).actions()).containsExactly(Action.FLAG, Action.BLOCK_AUTHOR, Action.ESCALATE);
        assertThat(decisions.get(2).matched()).isFalse();
        assertThat(mastodon.calls).containsExactly("reply " + insult.id() + " @user_x, let's keep it civil.", "block t");
        assertThat(alerts).containsExactly(threat);
        assertThat(moderator.reviewQueue().pending()).extracting(ReviewItem::interaction).containsExactly(insult, threat);
        assertThat(moderator.reviewQueue().pending().get(0).decision()).isEqualTo(onInsult);
        assertThat(moderator.auditLog().forInteraction(insult.key())).extracting(AuditEntry::action, AuditEntry::result)
                .containsExactly(tuple("DECIDE", AuditEntry.Result.DECIDED), tuple("HIDE", AuditEntry.Result.DEGRADED),
                        tuple("REPLY", AuditEntry.Result.DONE), tuple("FLAG", AuditEntry.Result.DONE));
        assertThat(moderator.auditLog().forInteraction(kind.key())).extracting(AuditEntry::action).containsExactly("DECIDE");
        assertThat(moderator.auditLog().forInteraction(mention.key())).as("mentions are not moderated by default").isEmpty();
        assertThat(moderator.auditLog().entries()).hasSize(auditedAfterFirstPoll);
    }

    @Test
    @DisplayName("with mentions among its kinds it moderates them too, on a platform that can hide")
    void mentions() {
        FakeCommentModeration canHide = FakeCommentModeration.everything(Platform.MASTODON);
        Interaction mention = comment("@cafe_lumiere idiot").mention().by("m").in(Locale.ENGLISH).build();
        Moderator moderator = moderator(ModerationConfig.ofDefaults());
        ModerationInteractionHandler handler = ModerationInteractionHandler.of(moderator,
                EnumSet.of(Interaction.Kind.COMMENT, Interaction.Kind.REPLY, Interaction.Kind.MENTION));

        inbox(new FakeFeeds(BRAND).actions(canHide).addMention(mention), handler).poll();

        assertThat(canHide.calls).containsExactly("hide " + mention.id(), "reply " + mention.id() + " @user_m, let's keep it civil.");
        assertThat(moderator.reviewQueue().pending()).isEmpty();
        assertThat(handler.kinds()).contains(Interaction.Kind.MENTION);
    }

    @Test
    @DisplayName("in a dry run nothing is carried out nor queued, and the audit log says what would have been")
    void dryRun() {
        FakeCommentModeration mastodon = FakeCommentModeration.everything(Platform.MASTODON);
        Interaction insult = comment("idiot").by("x").in(Locale.ENGLISH).build();
        Moderator moderator = moderator(ModerationConfig.custom().dryRun(true).build());

        inbox(new FakeFeeds(BRAND).actions(mastodon).addComment("post1", insult), ModerationInteractionHandler.of(moderator)).poll();

        assertThat(mastodon.calls).isEmpty();
        assertThat(moderator.reviewQueue().pending()).isEmpty();
        assertThat(moderator.auditLog().forInteraction(insult.key())).extracting(AuditEntry::action, AuditEntry::result)
                .containsExactly(tuple("DECIDE", AuditEntry.Result.DECIDED), tuple("HIDE", AuditEntry.Result.DRY_RUN),
                        tuple("REPLY", AuditEntry.Result.DRY_RUN));
    }

    @Test
    @DisplayName("a connector without comment moderation degrades every platform action to review")
    void noModerationCapability() {
        Interaction insult = comment("@cafe_lumiere idiot").mention().by("x").in(Locale.ENGLISH).build();
        Moderator moderator = moderator(ModerationConfig.ofDefaults());
        FakeFeeds feeds = new FakeFeeds(BRAND).actions(FakeCommentModeration.mastodonLike()).addMention(insult);
        io.cmkit.core.spi.Connector mentionsOnly = new io.cmkit.core.spi.Connector() {
            @Override
            public Account account() {
                return BRAND;
            }

            @Override
            public io.cmkit.core.spi.PlatformLimits limits() {
                return feeds.limits();
            }

            @Override
            public java.util.Optional<io.cmkit.core.spi.MentionFeed> mentionFeed() {
                return feeds.mentionFeed();
            }
        };
        List<Decision> decisions = new ArrayList<>();
        Inbox inbox = Inbox.builder().account(mentionsOnly).clock(clock)
                .handler(ModerationInteractionHandler.of(moderator, Set.of(Interaction.Kind.MENTION)).onDecision(decisions::add))
                .build();

        PollReport report = inbox.poll();

        assertThat(report.handlerFailures()).as(inbox.store().pending(1).toString()).isZero();
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.actions()).containsExactly(Action.FLAG);
            assertThat(d.adjustments()).extracting(Adjustment::reason)
                    .containsExactly("no connector for Mastodon can HIDE", "no connector for Mastodon can REPLY");
        });
        assertThat(moderator.reviewQueue().pending()).hasSize(1);
    }

    @Test
    @DisplayName("it must moderate some kind, and has a name")
    void building() {
        Moderator moderator = moderator(ModerationConfig.ofDefaults());
        assertThatThrownBy(() -> ModerationInteractionHandler.of(moderator, Set.of()))
                .hasMessage("kinds must name at least one interaction kind to moderate");
        assertThat(ModerationInteractionHandler.of(moderator).name()).isEqualTo("moderation");
        assertThat(ModerationInteractionHandler.of(moderator).named("brand-b").name()).isEqualTo("brand-b");
        assertThat(ModerationInteractionHandler.DEFAULT_KINDS).containsExactlyInAnyOrder(Interaction.Kind.COMMENT,
                Interaction.Kind.REPLY);
    }
}

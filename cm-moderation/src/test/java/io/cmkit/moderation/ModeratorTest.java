package io.cmkit.moderation;

import io.cmkit.core.model.Interaction;
import io.cmkit.core.model.Platform;
import io.cmkit.core.spi.ModerationOperation;
import io.cmkit.moderation.audit.AuditEntry;
import io.cmkit.moderation.event.ModerationEvent;
import io.cmkit.moderation.review.ReviewItem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.cmkit.moderation.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The moderator carries decisions out through the connector SPI")
class ModeratorTest {

    private final Comments.TestClock clock = new Comments.TestClock();

    private final RuleSet rules = RuleSet.builder()
            .template(new ReplyTemplate("calm", Map.of("fr", "{author}, restons courtois.", "en", "{author}, let's keep it civil."), "en"))
            .rule(Rule.builder("threats").category("threat").priority(100).when(Condition.category("threat"))
                    .then(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE).build())
            .rule(Rule.builder("insults").category("insult").priority(50).when(Condition.category("insult"))
                    .then(Action.HIDE, Action.REPLY).reply("calm").build())
            .rule(Rule.builder("defamation").category("defamation").when(Condition.category("defamation"))
                    .then(Action.FLAG, Action.ESCALATE).build())
            .build();

    private final List<Interaction> alerts = new ArrayList<>();

    private Moderator moderator(ModerationConfig config, FakeCommentModeration... platforms) {
        Moderator.Builder b = Moderator.builder(Comments.engine(rules, clock, config)).clock(clock).alertSink((i, d) -> alerts.add(i));
        for (FakeCommentModeration p : platforms) {
            b.platform(p == platforms[0] ? Platform.MASTODON : Platform.BLUESKY, p);
        }
        return b.build();
    }

    @Test
    @DisplayName("a platform that can do everything carries out every action, and events follow")
    void everything() {
        FakeCommentModeration bluesky = FakeCommentModeration.everything(Platform.BLUESKY);
        Moderator m = moderator(ModerationConfig.ofDefaults(), FakeCommentModeration.mastodonLike(), bluesky);
        List<String> events = new ArrayList<>();
        m.getEventPublisher().onDecision(e -> events.add("decision")).onHidden(e -> events.add("hidden"))
                .onDeleted(e -> events.add("deleted")).onEscalated(e -> events.add("escalated"))
                .onReplied(e -> events.add("replied " + e.text())).onBlocked(e -> events.add("blocked"));
        Interaction insult = comment("quel idiot").on(Platform.BLUESKY).by("b").in(Locale.ENGLISH).build();
        Decision d = m.handle(insult);
        assertThat(d.actions()).containsExactly(Action.HIDE, Action.REPLY);
        assertThat(d.adjustments()).isEmpty();
        assertThat(bluesky.calls).containsExactly("hide " + insult.id(), "reply " + insult.id() + " @user_b, let's keep it civil.");
        Interaction threat = comment("I will kill you").on(Platform.BLUESKY).by("t").build();
        m.handle(threat);
        assertThat(bluesky.calls).contains("delete " + threat.id(), "block t");
        assertThat(alerts).containsExactly(threat);
        assertThat(events).containsExactly("decision", "hidden", "replied @user_b, let's keep it civil.",
                "decision", "deleted", "blocked", "escalated");
    }

    @Test
    @DisplayName("Escalated and Flagged list a decision's actions in the same order: the decision's")
    void eventsListActionsInTheDecisionsOrder() {
        Moderator m = moderator(ModerationConfig.ofDefaults(), FakeCommentModeration.everything(Platform.MASTODON));
        List<ModerationEvent> events = new ArrayList<>();
        m.getEventPublisher().onEscalated(events::add).onFlagged(events::add);

        Decision d = m.handle(comment("Cette boutique est une arnaque").in(Locale.FRENCH).build());

        assertThat(d.requested()).containsExactly(Action.FLAG, Action.ESCALATE);
        assertThat(d.actions()).containsExactly(Action.FLAG, Action.ESCALATE);
        assertThat(events).hasExactlyElementsOfTypes(ModerationEvent.Escalated.class, ModerationEvent.Flagged.class);
        assertThat(events).allSatisfy(e -> assertThat(e.decision().actions()).containsExactly(Action.FLAG, Action.ESCALATE));
    }

    @Test
    @DisplayName("a degraded action's replacement keeps its place in the order, in the decision and in every event")
    void replacementsKeepTheirPlace() {
        Moderator m = moderator(ModerationConfig.ofDefaults(), FakeCommentModeration.mastodonLike());
        List<ModerationEvent> events = new ArrayList<>();
        m.getEventPublisher().onEvent(events::add);

        Decision d = m.handle(comment("I will kill you").build());

        assertThat(d.requested()).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE);
        assertThat(d.actions()).containsExactly(Action.FLAG, Action.BLOCK_AUTHOR, Action.ESCALATE);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DecisionMade", "Degraded", "Blocked", "Escalated", "Flagged");
        assertThat(events).filteredOn(e -> !(e instanceof ModerationEvent.DecisionMade))
                .allSatisfy(e -> assertThat(e.decision().actions()).isEqualTo(d.actions()));
    }

    @Test
    @DisplayName("HIDE on a platform that cannot hide becomes FLAG, and the decision says so")
    void hideBecomesFlag() {
        FakeCommentModeration mastodon = FakeCommentModeration.mastodonLike();
        Moderator m = moderator(ModerationConfig.ofDefaults(), mastodon);
        List<ModerationEvent.Degraded> degraded = new ArrayList<>();
        List<ModerationEvent.Flagged> flagged = new ArrayList<>();
        m.getEventPublisher().onDegraded(degraded::add).onFlagged(flagged::add);
        Interaction insult = comment("quel idiot").by("x").in(Locale.ENGLISH).build();

        Decision d = m.handle(insult);

        assertThat(d.requested()).containsExactly(Action.HIDE, Action.REPLY);
        assertThat(d.actions()).containsExactly(Action.FLAG, Action.REPLY);
        assertThat(d.adjustments()).singleElement().isEqualTo(new Adjustment(Adjustment.Kind.DEGRADED, Action.HIDE,
                Optional.of(Action.FLAG), "Mastodon cannot HIDE"));
        assertThat(d.explain(Locale.ENGLISH)).endsWith("HIDE → FLAG (Mastodon cannot HIDE).");
        assertThat(d.explain(Locale.FRENCH)).endsWith("masquer → signaler pour revue (impossible sur Mastodon).");
        assertThat(mastodon.calls).containsExactly("reply " + insult.id() + " @user_x, let's keep it civil.");
        assertThat(m.reviewQueue().pending()).singleElement().satisfies(item -> assertThat(item.decision()).isEqualTo(d));
        assertThat(degraded).hasSize(1);
        assertThat(flagged).hasSize(1);
        assertThat(m.auditLog().forInteraction(insult.key())).extracting(AuditEntry::action, AuditEntry::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DECIDE", AuditEntry.Result.DECIDED),
                org.assertj.core.groups.Tuple.tuple("HIDE", AuditEntry.Result.DEGRADED),
                org.assertj.core.groups.Tuple.tuple("REPLY", AuditEntry.Result.DONE),
                org.assertj.core.groups.Tuple.tuple("FLAG", AuditEntry.Result.DONE));
    }

    @Test
    @DisplayName("DELETE of someone else's comment becomes HIDE where the platform can hide, else FLAG")
    void deleteDegrades() {
        FakeCommentModeration hideOnly = new FakeCommentModeration(Platform.MASTODON,
                java.util.EnumSet.of(ModerationOperation.HIDE, ModerationOperation.BLOCK_AUTHOR));
        Moderator m = moderator(ModerationConfig.ofDefaults(), hideOnly);
        Decision d = m.handle(comment("I will kill you").build());
        assertThat(d.actions()).containsExactly(Action.HIDE, Action.BLOCK_AUTHOR, Action.ESCALATE);
        Decision onMastodon = moderator(ModerationConfig.ofDefaults(), FakeCommentModeration.mastodonLike())
                .handle(comment("I will kill you").build());
        assertThat(onMastodon.actions()).containsExactly(Action.FLAG, Action.BLOCK_AUTHOR, Action.ESCALATE);
    }

    @Test
    @DisplayName("the degradation policy is configurable")
    void policy() {
        ModerationConfig config = ModerationConfig.custom()
                .degradation(DegradationPolicy.defaults().with(Action.HIDE, Action.BLOCK_AUTHOR, Action.FLAG)).build();
        Decision d = moderator(config, FakeCommentModeration.mastodonLike()).handle(comment("idiot").in(Locale.ENGLISH).build());
        assertThat(d.actions()).containsExactly(Action.BLOCK_AUTHOR, Action.REPLY);
    }

    @Test
    @DisplayName("a platform without a connector degrades every platform action to review, nothing is dropped")
    void noConnector() {
        Moderator m = Moderator.builder(Comments.engine(rules, clock, ModerationConfig.ofDefaults())).clock(clock).build();
        Decision d = m.handle(comment("idiot").on(Platform.X).build());
        assertThat(d.actions()).containsExactly(Action.FLAG);
        assertThat(d.adjustments()).extracting(Adjustment::reason)
                .containsExactly("no connector for X can HIDE", "no connector for X can REPLY");
    }

    @Test
    @DisplayName("a failing connector call is recorded, published, and the comment goes to review")
    void failure() {
        FakeCommentModeration failing = FakeCommentModeration.everything(Platform.MASTODON).failing(ModerationOperation.HIDE);
        Moderator m = moderator(ModerationConfig.ofDefaults(), failing);
        List<ModerationEvent.ActionFailed> failed = new ArrayList<>();
        m.getEventPublisher().onActionFailed(failed::add);
        Interaction insult = comment("idiot").in(Locale.ENGLISH).build();

        Decision d = m.handle(insult);

        assertThat(d.actions()).containsExactly(Action.REPLY, Action.FLAG);
        assertThat(d.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Adjustment.Kind.FAILED);
            assertThat(a.requested()).isEqualTo(Action.HIDE);
            assertThat(a.reason()).isEqualTo("Mastodon: request rejected (platform said: the platform refused)");
        });
        assertThat(failed).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo(Action.HIDE));
        assertThat(m.reviewQueue().pending()).extracting(ReviewItem::interaction).containsExactly(insult);
        assertThat(m.auditLog().forInteraction(insult.key()))
                .filteredOn(e -> e.result() == AuditEntry.Result.FAILED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("the platform refused").endsWith("; sent to review"));
    }

    @Test
    @DisplayName("a dry run carries nothing out, queues nothing, and the audit log says what would have been done")
    void dryRun() {
        FakeCommentModeration bluesky = FakeCommentModeration.everything(Platform.BLUESKY);
        Moderator m = moderator(ModerationConfig.custom().dryRun(true).build(), FakeCommentModeration.mastodonLike(), bluesky);
        List<ModerationEvent> actions = new ArrayList<>();
        m.getEventPublisher().onEvent(e -> {
            if (!(e instanceof ModerationEvent.DecisionMade)) {
                actions.add(e);
            }
        });
        Interaction threat = comment("I will kill you").on(Platform.BLUESKY).build();
        Decision d = m.handle(threat);
        assertThat(d.dryRun()).isTrue();
        assertThat(d.actions()).containsExactly(Action.DELETE, Action.BLOCK_AUTHOR, Action.ESCALATE);
        assertThat(bluesky.calls).isEmpty();
        assertThat(alerts).isEmpty();
        assertThat(actions).isEmpty();
        assertThat(m.reviewQueue().pending()).isEmpty();
        assertThat(m.auditLog().forInteraction(threat.key())).extracting(AuditEntry::result)
                .containsExactly(AuditEntry.Result.DECIDED, AuditEntry.Result.DRY_RUN, AuditEntry.Result.DRY_RUN, AuditEntry.Result.DRY_RUN);
    }

    @Test
    @DisplayName("a comment no rule matches is recorded and left alone")
    void noMatch() {
        FakeCommentModeration mastodon = FakeCommentModeration.mastodonLike();
        Moderator m = moderator(ModerationConfig.ofDefaults(), mastodon);
        Interaction fine = comment("très bon café").build();
        assertThat(m.handle(fine).matched()).isFalse();
        assertThat(mastodon.calls).isEmpty();
        assertThat(m.auditLog().forInteraction(fine.key())).extracting(AuditEntry::result).containsExactly(AuditEntry.Result.DECIDED);
    }

    @Test
    @DisplayName("the counter-speech downgrade is written to the audit log")
    void safetyAudited() {
        Moderator m = moderator(ModerationConfig.ofDefaults(), FakeCommentModeration.everything(Platform.MASTODON));
        Interaction reported = comment("He said I will kill you, can you believe it").build();
        Decision d = m.handle(reported);
        assertThat(d.actions()).containsExactly(Action.ESCALATE, Action.FLAG);
        assertThat(m.auditLog().forInteraction(reported.key())).extracting(AuditEntry::detail)
                .anyMatch(s -> s.startsWith("SAFETY: DELETE -> FLAG"));
    }
}

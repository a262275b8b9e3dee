package io.cmkit.core.schedule;

import io.cmkit.core.live.Cue;
import io.cmkit.core.live.LiveEvent;
import io.cmkit.core.live.LivePlan;
import io.cmkit.core.live.PlannedPost;
import io.cmkit.core.live.RunOfShow;
import io.cmkit.core.live.Threading;
import io.cmkit.core.model.Account;
import io.cmkit.core.model.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Live shows of the café brand for the scheduling tests: an event at 18:00 UTC on 2 March 2026. */
final class LiveShows {

    static final Instant START = Instant.parse("2026-03-02T18:00:00Z");

    private LiveShows() {
    }

    static LiveEvent event(String id, List<Account> accounts) {
        return new LiveEvent(id, "Lancement du latte lavande", Samples.BRAND, START, ZoneId.of("Europe/Paris"),
                List.of("#CaféLumièreLive"), accounts, Duration.ofHours(1));
    }

    /** The 4 cues of the docs: teaser T-1h, opening T+0, tasting T+10m, Q&A T+45m, on every platform given. */
    static RunOfShow fourCues(String id, Threading threading, Account... accounts) {
        List<Cue> cues = List.of(
                cue("T-1h", "Dans une heure, on lance le latte lavande en direct !", accounts).labelled("teaser"),
                cue("T+0", "C'est parti ! Posez vos questions avec #CaféLumièreLive", accounts).labelled("opening"),
                cue("T+10m", "Première dégustation", accounts).labelled("tasting"),
                cue("T+45m", "Questions-réponses maintenant", accounts).labelled("Q&A"));
        return new RunOfShow(event(id, List.of(accounts)), cues, threading);
    }

    /** {@code n} cues a minute apart from T+0. */
    static RunOfShow cues(String id, int n, Threading threading, Account... accounts) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cues.add(cue("T+" + i + "m", "Moment " + (i + 1) + " du direct", accounts).labelled("moment " + (i + 1)));
        }
        return new RunOfShow(event(id, List.of(accounts)), cues, threading);
    }

    static Cue cue(String offset, String text, Account... accounts) {
        Map<Platform, String> texts = new HashMap<>();
        for (Account a : accounts) {
            texts.put(a.platform(), text);
        }
        return Cue.text(offset, texts);
    }

    /** Drafts, submits, approves and schedules the whole show. */
    static LiveShowReport approveAndSchedule(LiveScheduling live, LivePlan plan) {
        live.submit(plan, "camille");
        live.approve(plan, "lea");
        return live.schedule(plan, "lea");
    }

    static LiveScheduling live(ScheduleStore store, ConnectorLookup connectors, Clock clock) {
        return LiveScheduling.of(PostWorkflow.of(store, connectors, clock), clock);
    }

    /** The publications of one account, in cue order. */
    static List<PlannedPost> thread(LivePlan plan, Account account) {
        return plan.on(account);
    }

    /**
     * Checks that each account's thread of each plan went out in cue order, exactly once, each cue
     * replying to the post of the cue before it on the account.
     */
    static void assertPublishedInOrderOnce(List<LivePlan> plans, List<FakePlatform> platforms) {
        for (FakePlatform platform : platforms) {
            List<io.cmkit.core.spi.PublishRequest> calls = platform.calls();
            for (LivePlan plan : plans) {
                List<PlannedPost> thread = plan.on(platform.account());
                List<String> keys = thread.stream().map(PlannedPost::key).toList();
                List<io.cmkit.core.spi.PublishRequest> mine = calls.stream()
                        .filter(r -> keys.contains(r.idempotencyKey())).toList();
                org.assertj.core.api.Assertions.assertThat(mine).extracting(io.cmkit.core.spi.PublishRequest::idempotencyKey)
                        .as("%s on %s", plan.event().id(), platform.account()).containsExactlyElementsOf(keys);
                org.assertj.core.api.Assertions.assertThat(mine.get(0).replyTo()).isEmpty();
                for (int i = 1; i < mine.size(); i++) {
                    org.assertj.core.api.Assertions.assertThat(mine.get(i).replyTo())
                            .as("%s cue %d on %s", plan.event().id(), i, platform.account())
                            .contains(platform.postFor(keys.get(i - 1)).orElseThrow().ref());
                }
                keys.forEach(k -> org.assertj.core.api.Assertions.assertThat(platform.createdPerKey().get(k))
                        .as(k).isEqualTo(1));
            }
        }
    }
}

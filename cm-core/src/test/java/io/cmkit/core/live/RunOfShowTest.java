package io.cmkit.core.live;

import static io.cmkit.core.live.LiveFixtures.BLUESKY;
import static io.cmkit.core.live.LiveFixtures.MASTODON;
import static io.cmkit.core.live.LiveFixtures.PARIS;
import static io.cmkit.core.live.LiveFixtures.START;
import static io.cmkit.core.live.LiveFixtures.clockAt;
import static io.cmkit.core.live.LiveFixtures.cue;
import static io.cmkit.core.live.LiveFixtures.launch;
import static io.cmkit.core.live.LiveFixtures.launchAt;
import static io.cmkit.core.live.LiveFixtures.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.spi.LimitViolation;
import io.cmkit.core.spi.PlatformLimits;
import io.cmkit.core.spi.TextCounting;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A run of show")
class RunOfShowTest {

    private static LocalTime localTime(Instant instant) {
        return instant.atZone(PARIS).toLocalTime();
    }

    @Nested
    @DisplayName("resolves to instants")
    class Instants {

        @Test
        @DisplayName("each cue goes out at the start plus its offset, on every account it has a variant for")
        void cuesFromTheStart() {
            LivePlan plan = RunOfShow.of(launch(), show()).plan(clockAt(START.minus(Duration.ofDays(1))));

            assertThat(plan.posts()).extracting(p -> p.label().orElseThrow() + "@" + p.account().platform()
                            + " " + p.localAt(PARIS).toLocalTime())
                    .containsExactly(
                            "teaser@mastodon 17:00", "teaser@bluesky 17:00",
                            "opening@mastodon 18:00", "opening@bluesky 18:00",
                            "tasting@mastodon 18:10", "tasting@bluesky 18:10",
                            "Q&A@mastodon 18:45", "Q&A@bluesky 18:45",
                            "closing@mastodon 19:30", "closing@bluesky 19:30");
            assertThat(plan.posts().get(0).at()).isEqualTo(Instant.parse("2027-03-04T16:00:00Z"));
        }

        @Test
        @DisplayName("a cue written for one platform only goes out on that platform's accounts only")
        void onePlatformCue() {
            Cue blueskyOnly = Cue.text("T+5m", Map.of(Platform.BLUESKY, "Fil Bluesky seulement"));

            LivePlan plan = RunOfShow.of(launch(), List.of(cue("T+0", "Go"), blueskyOnly)).plan(clockAt(START));

            assertThat(plan.posts()).extracting(p -> p.offset() + " " + p.account().platform())
                    .containsExactly("T+0 mastodon", "T+0 bluesky", "T+5m bluesky");
        }

        @Test
        @DisplayName("a cue made from a Post keeps its variants and the post's id")
        void fromPost() {
            Post post = new Post("post-7", "cafe-lumiere", Optional.empty(), Optional.of("spring"),
                    List.of(PostVariant.text(Platform.BLUESKY, "Le latte lavande arrive"),
                            PostVariant.text(Platform.MASTODON, "Le latte lavande arrive, en direct")));

            Cue cue = Cue.post("T+0", post).labelled("opening");

            assertThat(cue.postId()).contains("post-7");
            assertThat(cue.platforms()).containsExactly(Platform.BLUESKY, Platform.MASTODON);
            assertThat(RunOfShow.of(launch(), List.of(cue)).plan(clockAt(START)).on(MASTODON))
                    .singleElement()
                    .satisfies(p -> assertThat(p.variant().text()).isEqualTo("Le latte lavande arrive, en direct"));
        }

        @Test
        @DisplayName("in March in Paris, offsets are real durations: T+1h after 01:30 is 03:30 on the wall clock")
        void springForward() {
            // Sunday 28 March 2027: at 02:00 CET the clocks jump to 03:00 CEST.
            Instant start = LocalDateTime.of(2027, 3, 28, 1, 30).atZone(PARIS).toInstant();
            RunOfShow night = RunOfShow.of(launchAt(start), List.of(
                    cue("T-1h", "J-1h"), cue("T+0", "Go"), cue("T+1h", "+1h"), cue("T+2h", "+2h")));

            LivePlan plan = night.plan(clockAt(start.minus(Duration.ofDays(1))));

            assertThat(plan.on(MASTODON)).extracting(p -> localTime(p.at()))
                    .containsExactly(LocalTime.of(0, 30), LocalTime.of(1, 30), LocalTime.of(3, 30), LocalTime.of(4, 30));
            assertThat(plan.on(MASTODON)).extracting(PlannedPost::at).containsExactly(
                    Instant.parse("2027-03-27T23:30:00Z"), Instant.parse("2027-03-28T00:30:00Z"),
                    Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-03-28T02:30:00Z"));
        }

        @Test
        @DisplayName("in October in Paris, T+1h and T+2h after 01:30 both read 02:30, an hour apart")
        void fallBack() {
            // Sunday 31 October 2027: at 03:00 CEST the clocks go back to 02:00 CET.
            Instant start = LocalDateTime.of(2027, 10, 31, 1, 30).atZone(PARIS).toInstant();
            RunOfShow night = RunOfShow.of(launchAt(start), List.of(cue("T+1h", "+1h"), cue("T+2h", "+2h")));

            List<PlannedPost> posts = night.plan(clockAt(start)).on(MASTODON);

            assertThat(posts).extracting(p -> p.localAt(PARIS)).containsExactly(
                    ZonedDateTime.parse("2027-10-31T02:30+02:00[Europe/Paris]"),
                    ZonedDateTime.parse("2027-10-31T02:30+01:00[Europe/Paris]"));
            assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isEqualTo(Duration.ofHours(1));
        }
    }

    @Nested
    @DisplayName("moving the start")
    class Moving {

        @Test
        @DisplayName("moves every cue by the same amount and leaves the original show as it was")
        void movesEveryCue() {
            RunOfShow show = RunOfShow.threaded(launch(), show());
            Duration delay = Duration.ofMinutes(20);

            RunOfShow moved = show.withStart(START.plus(delay));

            for (int i = 0; i < show.cues().size(); i++) {
                assertThat(moved.instantOf(i)).isEqualTo(show.instantOf(i).plus(delay));
            }
            assertThat(moved.cues()).isEqualTo(show.cues());
            assertThat(moved.threading()).isEqualTo(Threading.THREAD_BRIDGING_GAPS);
            assertThat(show.event().start()).isEqualTo(START);
        }

        @Test
        @DisplayName("keeps the idempotency keys, so a scheduler reschedules the same publications")
        void keepsKeys() {
            Instant now = START.minus(Duration.ofDays(1));
            RunOfShow show = RunOfShow.of(launch(), show());

            LivePlan before = show.plan(clockAt(now));
            LivePlan after = show.withStart(START.plus(Duration.ofDays(7))).plan(clockAt(now));

            assertThat(after.posts()).extracting(PlannedPost::key)
                    .containsExactlyElementsOf(before.posts().stream().map(PlannedPost::key).toList())
                    .contains("live:spring-launch:T+10m:mastodon:cafe_lumiere@mastodon.social")
                    .doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("across the March change keeps real durations: T-1h of an 18:00 start is 17:00 on both sides")
        void acrossDst() {
            RunOfShow show = RunOfShow.of(launchAt(LocalDateTime.of(2027, 3, 26, 18, 0).atZone(PARIS).toInstant()),
                    show());

            RunOfShow moved = show.withStart(LocalDateTime.of(2027, 3, 29, 18, 0).atZone(PARIS).toInstant());

            assertThat(localTime(show.instantOf(0))).isEqualTo(LocalTime.of(17, 0));
            assertThat(localTime(moved.instantOf(0))).isEqualTo(LocalTime.of(17, 0));
            assertThat(Duration.between(show.instantOf(0), moved.instantOf(0))).isEqualTo(Duration.ofHours(71));
        }
    }

    @Nested
    @DisplayName("planned when some cues are already past")
    class Late {

        @Test
        @DisplayName("reports them as late instead of dropping them; a cue due exactly now is upcoming")
        void reportsLate() {
            LivePlan plan = RunOfShow.of(launch(), show()).plan(clockAt(START.plus(Duration.ofMinutes(10))));

            assertThat(plan.plannedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
            assertThat(plan.posts()).hasSize(10);
            assertThat(plan.late()).extracting(p -> p.label().orElseThrow())
                    .containsExactly("teaser", "teaser", "opening", "opening");
            assertThat(plan.upcoming()).extracting(p -> p.label().orElseThrow())
                    .containsExactly("tasting", "tasting", "Q&A", "Q&A", "closing", "closing");
        }
    }

    @Nested
    @DisplayName("is refused, naming the cue, and nothing is built or changed")
    class Validation {

        @Test
        @DisplayName("when it has no cue")
        void noCue() {
            RunOfShowException e = catchThrowableOfType(RunOfShowException.class,
                    () -> RunOfShow.of(launch(), List.of()));

            assertThat(e).hasMessage("run of show for \"Lancement du latte lavande\" has 1 problem:\n"
                    + " - it has no cue: add at least one");
            assertThat(e.problems()).singleElement()
                    .satisfies(p -> assertThat(p.kind()).isEqualTo(ShowProblem.Kind.NO_CUES))
                    .satisfies(p -> assertThat(p.cueIndex()).isEmpty());
        }

        @Test
        @DisplayName("when a cue is listed after a later one")
        void outOfOrder() {
            List<Cue> cues = List.of(cue("T+0", "Go").labelled("opening"), cue("T+45m", "Q&A").labelled("Q&A"),
                    cue("T+10m", "Tasting").labelled("tasting"));

            RunOfShowException e = catchThrowableOfType(RunOfShowException.class, () -> RunOfShow.of(launch(), cues));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ShowProblem.Kind.OUT_OF_ORDER);
                assertThat(p.cueIndex()).isEqualTo(OptionalInt.of(2));
                assertThat(p.cueLabel()).contains("tasting");
                assertThat(p.message()).isEqualTo("cues[2] \"tasting\" (T+10m) is listed after cues[1] \"Q&A\" (T+45m),"
                        + " which goes out later: list cues in time order");
            });
        }

        @Test
        @DisplayName("when two cues go out at the same offset on the same account; on different accounts they may")
        void duplicateOffset() {
            Cue both = cue("T+0", "Go").labelled("opening");
            Cue mastodonToo = Cue.text("T+0", Map.of(Platform.MASTODON, "Encore")).labelled("bis");
            Cue blueskyOnly = Cue.text("T+5m", Map.of(Platform.BLUESKY, "Bluesky"));
            Cue mastodonOnly = Cue.text("T+5m", Map.of(Platform.MASTODON, "Mastodon"));

            RunOfShowException e = catchThrowableOfType(RunOfShowException.class,
                    () -> RunOfShow.of(launch(), List.of(both, mastodonToo)));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ShowProblem.Kind.DUPLICATE_OFFSET);
                assertThat(p.cueIndex()).isEqualTo(OptionalInt.of(1));
                assertThat(p.platform()).contains(Platform.MASTODON);
                assertThat(p.account()).contains(MASTODON);
                assertThat(p.message()).isEqualTo("cues[1] \"bis\" (T+0) goes out at the same offset as"
                        + " cues[0] \"opening\" (T+0) on mastodon:cafe_lumiere@mastodon.social: one post per offset and account");
            });
            assertThat(RunOfShow.of(launch(), List.of(both, blueskyOnly, mastodonOnly)).cues()).hasSize(3);
        }

        @Test
        @DisplayName("when a cue has a variant for a platform the event does not cover")
        void uncoveredPlatform() {
            Cue onX = Cue.text("T+0", Map.of(Platform.X, "Live!", Platform.MASTODON, "En direct !")).labelled("opening");

            RunOfShowException e = catchThrowableOfType(RunOfShowException.class,
                    () -> RunOfShow.of(launch(), List.of(onX)));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ShowProblem.Kind.PLATFORM_NOT_COVERED);
                assertThat(p.platform()).contains(Platform.X);
                assertThat(p.message()).isEqualTo(
                        "cues[0] \"opening\" (T+0) has a variant for X, but none of the event's accounts is on X");
            });
        }

        @Test
        @DisplayName("when a variant breaks its platform's limits: platform, limit, allowed, actual and excess")
        void overLimit() {
            String tooLong = "é".repeat(312);
            RunOfShow show = RunOfShow.of(launch(), List.of(cue("T-1h", "Teaser").labelled("teaser"),
                    Cue.text("T+0", Map.of(Platform.BLUESKY, tooLong, Platform.MASTODON, "Go")).labelled("opening")));

            RunOfShowException e = catchThrowableOfType(RunOfShowException.class, () -> show.plan(clockAt(START)));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ShowProblem.Kind.OVER_LIMIT);
                assertThat(p.cueIndex()).isEqualTo(OptionalInt.of(1));
                assertThat(p.cueLabel()).contains("opening");
                assertThat(p.platform()).contains(Platform.BLUESKY);
                assertThat(p.account()).contains(BLUESKY);
                LimitViolation v = p.violation().orElseThrow();
                assertThat(v.limit()).isEqualTo("text length");
                assertThat(v.allowed()).isEqualTo(300);
                assertThat(v.actual()).isEqualTo(312);
                assertThat(v.excess()).isEqualTo(12);
                assertThat(p.message()).isEqualTo("cues[1] \"opening\" (T+0) on bluesky:cafelumiere.bsky.social:"
                        + " Bluesky: text length is 312 graphemes, limit 300 (12 over)");
            });
            assertThat(show.cues()).hasSize(2);
        }

        @Test
        @DisplayName("against the limits of each account: a Mastodon instance may allow more")
        void perAccountLimits() {
            String long600 = "a".repeat(600);
            RunOfShow show = RunOfShow.of(launch(), List.of(Cue.text("T+0", Map.of(Platform.MASTODON, long600))));
            PlatformLimits roomy = new PlatformLimits(Platform.MASTODON, 1000, TextCounting.codePoints(), 4, 1, 1,
                    Integer.MAX_VALUE, Set.of());

            assertThatThrownBy(() -> show.plan(clockAt(START))).isInstanceOf(RunOfShowException.class)
                    .hasMessageContaining("Mastodon: text length is 600 characters (URLs count 23), limit 500 (100 over)");
            assertThat(show.plan(clockAt(START), account -> account.platform().equals(Platform.MASTODON)
                    ? roomy : PlatformLimits.defaultsFor(account.platform())).posts()).hasSize(1);
        }

        @Test
        @DisplayName("with every problem at once")
        void everyProblem() {
            List<Cue> cues = List.of(cue("T+10m", "A").labelled("a"), cue("T+0", "B").labelled("b"),
                    Cue.text("T+0", Map.of(Platform.LINKEDIN, "C")).labelled("c"));

            RunOfShowException e = catchThrowableOfType(RunOfShowException.class, () -> RunOfShow.of(launch(), cues));

            assertThat(e.problems()).extracting(ShowProblem::kind)
                    .containsExactly(ShowProblem.Kind.OUT_OF_ORDER, ShowProblem.Kind.OUT_OF_ORDER,
                            ShowProblem.Kind.PLATFORM_NOT_COVERED);
            assertThat(e).hasMessageStartingWith("run of show for \"Lancement du latte lavande\" has 3 problems:\n - cues[1]");
        }

        @Test
        @DisplayName("adding a clashing cue leaves the show as it was; a fitting one is placed in time order")
        void withCue() {
            RunOfShow show = RunOfShow.of(launch(), show());
            List<Cue> before = show.cues();

            assertThatThrownBy(() -> show.withCue(cue("T+10m", "Encore une dégustation")))
                    .isInstanceOf(RunOfShowException.class)
                    .hasMessageContaining("cues[3] (T+10m) goes out at the same offset as cues[2] \"tasting\" (T+10m)");
            assertThat(show.cues()).isEqualTo(before);

            RunOfShow added = show.withCue(cue("T+20m", "Recette").labelled("recipe"));
            assertThat(added.cues()).extracting(c -> c.label().orElseThrow())
                    .containsExactly("teaser", "opening", "tasting", "recipe", "Q&A", "closing");
            assertThat(show.cues()).isEqualTo(before);
        }
    }
}

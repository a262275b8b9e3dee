package io.cmkit.core.calendar;

import static io.cmkit.core.calendar.CalendarFixtures.BLUESKY;
import static io.cmkit.core.calendar.CalendarFixtures.MASTODON;
import static io.cmkit.core.calendar.CalendarFixtures.MASTODON_SUPPORT;
import static io.cmkit.core.calendar.CalendarFixtures.MONDAY_MARCH_2;
import static io.cmkit.core.calendar.CalendarFixtures.PARIS;
import static io.cmkit.core.calendar.CalendarFixtures.clockAt;
import static io.cmkit.core.calendar.CalendarFixtures.post;
import static io.cmkit.core.calendar.CalendarFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Account;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import io.cmkit.core.model.Strategy;
import io.cmkit.core.strategy.BrandKitLoader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("EditorialCalendar")
class EditorialCalendarTest {

    private final EditorialCalendar calendar = EditorialCalendar.of(strategy(), clockAt(MONDAY_MARCH_2));

    private static List<LocalDateTime> localTimes(List<CalendarEntry> entries) {
        return entries.stream().map(e -> e.start().toLocalDateTime()).toList();
    }

    @Nested
    @DisplayName("slots")
    class Slots {

        @Test
        @DisplayName("come from the brand kit's cadence for each platform, in the brand's time zone")
        void fromBrandKit() throws Exception {
            Strategy kit = BrandKitLoader.load(Path.of("src/test/resources/brand-kits/cafe-lumiere.fr.yaml"));
            EditorialCalendar lumiere = EditorialCalendar.of(kit, clockAt(MONDAY_MARCH_2));
            DateRange week = DateRange.parse("2026-03-02..2026-03-08");

            assertThat(lumiere.slots(Platform.INSTAGRAM, week)).extracting(s -> s.start().toLocalDateTime())
                    .containsExactly(LocalDateTime.parse("2026-03-03T08:30"), LocalDateTime.parse("2026-03-05T08:30"),
                            LocalDateTime.parse("2026-03-07T08:30"), LocalDateTime.parse("2026-03-08T08:30"));
            assertThat(lumiere.slotPlan(Platform.INSTAGRAM).orElseThrow().derivation())
                    .isEqualTo(SlotPlan.Derivation.SPREAD);
            assertThat(lumiere.slots(Platform.MASTODON, week)).hasSize(5)
                    .allSatisfy(s -> assertThat(s.start().toLocalTime()).isEqualTo(LocalTime.of(9, 0)))
                    .allSatisfy(s -> assertThat(s.start().getZone()).isEqualTo(PARIS));
            assertThat(lumiere.slotPlan(Platform.MASTODON).orElseThrow().derivation())
                    .isEqualTo(SlotPlan.Derivation.EXACT);
        }

        @Test
        @DisplayName("can be queried between two instants, end excluded")
        void betweenInstants() {
            assertThat(calendar.slots(Platform.BLUESKY, Instant.parse("2026-03-02T11:30:00Z"),
                    Instant.parse("2026-03-06T11:30:00Z"))).extracting(Slot::instant).containsExactly(
                    Instant.parse("2026-03-02T11:30:00Z"), Instant.parse("2026-03-04T11:30:00Z"));
        }

        @Test
        @DisplayName("a platform with an account but no cadence has none")
        void noCadence() {
            assertThat(calendar.slots(Platform.INSTAGRAM, DateRange.parse("2026-03"))).isEmpty();
            assertThat(calendar.slotPlan(Platform.INSTAGRAM)).isEmpty();
        }

        @Test
        @DisplayName("a platform's plan can be replaced when the calendar is built")
        void override() {
            EditorialCalendar custom = EditorialCalendar.builder(strategy(), clockAt(MONDAY_MARCH_2))
                    .slotPlan(SlotPlan.of(Platform.INSTAGRAM, PARIS,
                            List.of(new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(10, 0)))))
                    .build();

            assertThat(custom.slots(Platform.INSTAGRAM, DateRange.parse("2026-03-02..2026-03-08")))
                    .extracting(s -> s.start().toLocalDateTime()).containsExactly(LocalDateTime.parse("2026-03-07T10:00"));
        }
    }

    @Nested
    @DisplayName("as a queue")
    class Queue {

        @Test
        @DisplayName("fills the next free slots in order, from now on")
        void fillsInOrder() {
            // now is Monday 08:00: Monday's 09:00 Mastodon slot is still ahead.
            for (int i = 1; i <= 6; i++) {
                calendar.enqueue(post("p" + i), Platform.MASTODON);
            }

            assertThat(localTimes(calendar.entries())).containsExactly(
                    LocalDateTime.parse("2026-03-02T09:00"), LocalDateTime.parse("2026-03-03T09:00"),
                    LocalDateTime.parse("2026-03-04T09:00"), LocalDateTime.parse("2026-03-05T09:00"),
                    LocalDateTime.parse("2026-03-06T09:00"), LocalDateTime.parse("2026-03-09T09:00"));
            assertThat(calendar.entries()).extracting(CalendarEntry::id).startsWith("p1/" + MASTODON.key())
                    .allMatch(id -> id.endsWith(MASTODON.key()));
            assertThat(calendar.entries()).extracting(CalendarEntry::placement)
                    .containsOnly(CalendarEntry.Placement.QUEUED);
        }

        @Test
        @DisplayName("skips slots already taken and fills a slot freed by a removal")
        void skipsTaken() {
            calendar.place(post("fixed"), MASTODON, Instant.parse("2026-03-03T08:00:00Z")); // Tuesday 09:00
            CalendarEntry first = calendar.enqueue(post("a"), Platform.MASTODON);
            CalendarEntry second = calendar.enqueue(post("b"), Platform.MASTODON);

            assertThat(first.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-02T09:00"));
            assertThat(second.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-04T09:00"));

            calendar.remove(first.id());
            CalendarEntry third = calendar.enqueue(post("c"), Platform.MASTODON);

            assertThat(third.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-02T09:00"));
        }

        @Test
        @DisplayName("skips slots that have already passed")
        void skipsPast() {
            EditorialCalendar later = EditorialCalendar.of(strategy(), clockAt(Instant.parse("2026-03-02T08:00:00Z")));

            assertThat(later.enqueue(post("a"), Platform.MASTODON).start().toLocalDateTime())
                    .isEqualTo(LocalDateTime.parse("2026-03-03T09:00"));
        }

        @Test
        @DisplayName("keeps one queue per account: two accounts on a platform may share a slot")
        void perAccount() {
            CalendarEntry main = calendar.enqueue(post("a"), MASTODON);
            CalendarEntry support = calendar.enqueue(post("b"), MASTODON_SUPPORT);
            CalendarEntry mainAgain = calendar.enqueue(post("c"), MASTODON);

            assertThat(support.start()).isEqualTo(main.start());
            assertThat(mainAgain.start()).isAfter(main.start());
            assertThat(calendar.freeSlots(MASTODON, MONDAY_MARCH_2, Instant.parse("2026-03-05T00:00:00Z")))
                    .extracting(s -> s.start().toLocalDateTime()).containsExactly(LocalDateTime.parse("2026-03-04T09:00"));
        }

        @Test
        @DisplayName("keeps 09:00 Paris time when the queue runs across the March change")
        void acrossDst() {
            EditorialCalendar friday = EditorialCalendar.of(strategy(), clockAt(Instant.parse("2026-03-27T06:00:00Z")));

            List<CalendarEntry> queued = List.of(friday.enqueue(post("fri"), Platform.MASTODON),
                    friday.enqueue(post("mon"), Platform.MASTODON));

            assertThat(localTimes(queued)).containsExactly(LocalDateTime.parse("2026-03-27T09:00"),
                    LocalDateTime.parse("2026-03-30T09:00"));
            assertThat(queued).extracting(CalendarEntry::instant).containsExactly(
                    Instant.parse("2026-03-27T08:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
        }

        @Test
        @DisplayName("accepts an account whose handle differs only in case, as the same account")
        void handleCase() {
            CalendarEntry entry = calendar.enqueue(post("a"), new Account(Platform.MASTODON, "CafeLumiere@Piaille.fr"));

            assertThat(entry.account()).isEqualTo(MASTODON);
            assertThat(calendar.freeSlots(new Account(Platform.MASTODON, "CAFELUMIERE@piaille.fr"), MONDAY_MARCH_2,
                    Instant.parse("2026-03-03T00:00:00Z"))).isEmpty();
        }

        @Test
        @DisplayName("queues one post on several platforms independently")
        void severalPlatforms() {
            Post both = post("both");
            CalendarEntry onMastodon = calendar.enqueue(both, Platform.MASTODON);
            CalendarEntry onBluesky = calendar.enqueue(both, Platform.BLUESKY);

            assertThat(onMastodon.variant().platform()).isEqualTo(Platform.MASTODON);
            assertThat(onBluesky.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-02T12:30"));
            assertThat(calendar.entries()).hasSize(2);
        }
    }

    @Nested
    @DisplayName("placing, moving and removing")
    class Editing {

        @Test
        @DisplayName("places a post at a chosen time, slot or not")
        void place() {
            CalendarEntry entry = calendar.place(post("a"), MASTODON, Instant.parse("2026-03-02T16:45:00Z"));

            assertThat(entry.start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-02T17:45"));
            assertThat(entry.placement()).isEqualTo(CalendarEntry.Placement.FIXED);
            assertThat(calendar.entry(entry.id())).contains(entry);
        }

        @Test
        @DisplayName("places a post at a local time, applying the DST gap rule")
        void placeLocal() {
            CalendarEntry entry = calendar.place(post("night"), MASTODON, LocalDateTime.parse("2026-03-29T02:30"));

            assertThat(entry.instant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
            assertThat(entry.start().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        }

        @Test
        @DisplayName("moves an entry, which then keeps its chosen time")
        void move() {
            CalendarEntry queued = calendar.enqueue(post("a"), Platform.MASTODON);
            CalendarEntry moved = calendar.move(queued.id(), Instant.parse("2026-03-05T17:00:00Z"));

            assertThat(moved.id()).isEqualTo(queued.id());
            assertThat(moved.placement()).isEqualTo(CalendarEntry.Placement.FIXED);
            assertThat(calendar.entries()).containsExactly(moved);
            assertThat(calendar.enqueue(post("b"), Platform.MASTODON).start()).isEqualTo(queued.start());
        }

        @Test
        @DisplayName("updates an entry's post, keeping its time")
        void update() {
            CalendarEntry entry = calendar.enqueue(post("a"), Platform.MASTODON);
            Post edited = post("a").withVariant(PostVariant.text(Platform.MASTODON, "Nouvelle version"));

            CalendarEntry updated = calendar.update(entry.id(), edited);

            assertThat(updated.start()).isEqualTo(entry.start());
            assertThat(updated.variant().text()).isEqualTo("Nouvelle version");
        }

        @Test
        @DisplayName("removes an entry and returns it")
        void remove() {
            CalendarEntry entry = calendar.enqueue(post("a"), Platform.MASTODON);

            assertThat(calendar.remove(entry.id())).isEqualTo(entry);
            assertThat(calendar.entries()).isEmpty();
            assertThat(calendar.entry(entry.id())).isEmpty();
        }

        @Test
        @DisplayName("lists entries between two instants and on the days of a period, in time order")
        void listing() {
            calendar.place(post("late"), MASTODON, Instant.parse("2026-03-31T22:30:00Z")); // 1 April 00:30 Paris
            calendar.place(post("early"), BLUESKY, Instant.parse("2026-03-02T10:00:00Z"));

            assertThat(calendar.entries(DateRange.parse("2026-03"))).extracting(e -> e.post().id())
                    .containsExactly("early");
            assertThat(calendar.entries(DateRange.parse("2026-04"))).extracting(e -> e.post().id())
                    .containsExactly("late");
            assertThat(calendar.entries(MONDAY_MARCH_2, Instant.parse("2026-04-30T00:00:00Z")))
                    .extracting(e -> e.post().id()).containsExactly("early", "late");
        }
    }

    @Nested
    @DisplayName("refuses bad input, says what and where, and changes nothing")
    class BadInput {

        private final Post other = new Post("x1", "autre-marque", Optional.empty(), Optional.empty(),
                List.of(PostVariant.text(Platform.MASTODON, "Bonjour")));

        private void assertRefused(ThrowingCallable call, String message) {
            if (calendar.entries().isEmpty()) {
                calendar.enqueue(post("existing"), Platform.MASTODON);
            }
            List<CalendarEntry> before = calendar.entries();

            assertThatThrownBy(call).isInstanceOf(CalendarException.class).hasMessage(message);
            assertThat(calendar.entries()).isEqualTo(before);
        }

        @Test
        @DisplayName("a time in the past when placing")
        void pastPlace() {
            assertRefused(() -> calendar.place(post("a"), MASTODON, Instant.parse("2026-03-01T09:00:00Z")),
                    "cannot plan post 'a' on mastodon:cafelumiere@piaille.fr at 2026-03-01T10:00+01:00[Europe/Paris]:"
                            + " that is not after now (2026-03-02T08:00+01:00[Europe/Paris])");
        }

        @Test
        @DisplayName("a move to the past")
        void pastMove() {
            assertRefused(() -> calendar.move("existing/" + MASTODON.key(), Instant.parse("2026-03-02T06:59:00Z")),
                    "cannot plan entry 'existing/mastodon:cafelumiere@piaille.fr' at"
                            + " 2026-03-02T07:59+01:00[Europe/Paris]: that is not after now"
                            + " (2026-03-02T08:00+01:00[Europe/Paris])");
        }

        @Test
        @DisplayName("a post with no variant for the platform")
        void noVariant() {
            assertRefused(() -> calendar.enqueue(post("a", "Hello", null, Platform.BLUESKY), Platform.MASTODON),
                    "post 'a' has no variant for Mastodon (it has [bluesky]), so it cannot go on"
                            + " mastodon:cafelumiere@piaille.fr");
        }

        @Test
        @DisplayName("a platform the brand has no account on")
        void unknownPlatform() {
            assertRefused(() -> calendar.enqueue(post("a", "Hi", null, Platform.TIKTOK), Platform.TIKTOK),
                    "brand 'cafe-lumiere' has no account on TikTok (its platforms: [mastodon, bluesky, instagram])");
        }

        @Test
        @DisplayName("an account that is not the brand's")
        void foreignAccount() {
            assertRefused(() -> calendar.enqueue(post("a"), new Account(Platform.MASTODON, "someone@else.social")),
                    "account mastodon:someone@else.social is not one of brand 'cafe-lumiere' (its accounts on"
                            + " Mastodon: [mastodon:cafelumiere@piaille.fr, mastodon:aide_cafelumiere@piaille.fr])");
        }

        @Test
        @DisplayName("another brand's post")
        void otherBrand() {
            assertRefused(() -> calendar.enqueue(other, Platform.MASTODON),
                    "post 'x1' belongs to brand 'autre-marque', not to 'cafe-lumiere'");
        }

        @Test
        @DisplayName("queueing on a platform without a cadence")
        void noCadence() {
            assertRefused(() -> calendar.enqueue(post("a", "Hi", null, Platform.INSTAGRAM), Platform.INSTAGRAM),
                    "cannot queue post 'a' on instagram:cafe.lumiere.lyon: Instagram has no posting cadence;"
                            + " place it at a time instead");
        }

        @Test
        @DisplayName("the same post twice on one account")
        void twice() {
            assertRefused(() -> calendar.enqueue(post("existing"), Platform.MASTODON),
                    "post 'existing' is already on mastodon:cafelumiere@piaille.fr at"
                            + " 2026-03-02T09:00+01:00[Europe/Paris] (entry 'existing/mastodon:cafelumiere@piaille.fr');"
                            + " move that entry instead");
        }

        @Test
        @DisplayName("a second post at the very time of another on the same account")
        void sameInstant() {
            assertRefused(() -> calendar.place(post("a"), MASTODON, Instant.parse("2026-03-02T08:00:00Z")),
                    "cannot plan post 'a' on mastodon:cafelumiere@piaille.fr at 2026-03-02T09:00+01:00[Europe/Paris]:"
                            + " entry 'existing/mastodon:cafelumiere@piaille.fr' already goes out on"
                            + " mastodon:cafelumiere@piaille.fr at that time");
        }

        @Test
        @DisplayName("an entry that does not exist")
        void unknownEntry() {
            assertRefused(() -> calendar.remove("nope"), "no entry 'nope' on the calendar of brand 'cafe-lumiere'");
            assertRefused(() -> calendar.move("nope", Instant.parse("2026-04-01T00:00:00Z")),
                    "no entry 'nope' on the calendar of brand 'cafe-lumiere'");
        }

        @Test
        @DisplayName("an end before a start")
        void endBeforeStart() {
            assertRefused(() -> calendar.entries(Instant.parse("2026-03-05T00:00:00Z"), MONDAY_MARCH_2),
                    "the end 2026-03-02T07:00:00Z is before the start 2026-03-05T00:00:00Z when listing entries");
            assertRefused(() -> calendar.slots(Platform.MASTODON, Instant.parse("2026-03-05T00:00:00Z"), MONDAY_MARCH_2),
                    "the end 2026-03-02T07:00:00Z is before the start 2026-03-05T00:00:00Z when listing Mastodon slots");
        }

        @Test
        @DisplayName("moving an entry whose time has passed")
        void movePassed() {
            // A calendar whose clock moves on past Monday 09:00.
            MutableClock clock = new MutableClock(MONDAY_MARCH_2);
            EditorialCalendar moving = EditorialCalendar.of(strategy(), clock);
            CalendarEntry due = moving.enqueue(post("a"), Platform.MASTODON);
            clock.now = Instant.parse("2026-03-02T08:30:00Z");

            assertThatThrownBy(() -> moving.move(due.id(), Instant.parse("2026-03-03T10:00:00Z")))
                    .isInstanceOf(CalendarException.class)
                    .hasMessage("cannot move entry 'a/mastodon:cafelumiere@piaille.fr': it was due at"
                            + " 2026-03-02T09:00+01:00[Europe/Paris], which is not after now"
                            + " (2026-03-02T09:30+01:00[Europe/Paris])");
            assertThat(moving.entries()).containsExactly(due);
        }

        @Test
        @DisplayName("an update with another post, or one without the entry's platform")
        void badUpdate() {
            String id = "existing/" + MASTODON.key();
            assertRefused(() -> calendar.update(id, post("other")),
                    "cannot update entry 'existing/mastodon:cafelumiere@piaille.fr' with post 'other':"
                            + " it holds post 'existing'");
            assertRefused(() -> calendar.update(id, post("existing", "Hi", null, Platform.BLUESKY)),
                    "post 'existing' has no variant for Mastodon (it has [bluesky]), so it cannot go on"
                            + " mastodon:cafelumiere@piaille.fr");
        }

        @Test
        @DisplayName("more than ten years of slots at once")
        void hugeSpan() {
            assertRefused(() -> calendar.slots(Platform.MASTODON, MONDAY_MARCH_2, Instant.parse("2100-01-01T00:00:00Z")),
                    "cannot list Mastodon slots from 2026-03-02T07:00:00Z to 2100-01-01T00:00:00Z:"
                            + " at most 3660 days (about ten years) at a time");
        }

        @Test
        @DisplayName("an entry whose id does not match its post and account")
        void entryId() {
            assertThatThrownBy(() -> new CalendarEntry("p1", post("p1"), MASTODON, MONDAY_MARCH_2.atZone(PARIS),
                    CalendarEntry.Placement.FIXED))
                    .isInstanceOf(CalendarException.class)
                    .hasMessage("entry id 'p1' must be 'p1/mastodon:cafelumiere@piaille.fr' (post id / account key)");
        }

        @Test
        @DisplayName("a negative minimum gap when building")
        void negativeGap() {
            assertThatThrownBy(() -> EditorialCalendar.builder(strategy(), clockAt(MONDAY_MARCH_2))
                    .minimumGap(Platform.X, java.time.Duration.ofMinutes(-5)))
                    .isInstanceOf(CalendarException.class)
                    .hasMessage("minimumGap(x) must not be negative (got PT-5M)");
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return PARIS;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

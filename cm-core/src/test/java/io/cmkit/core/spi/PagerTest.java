package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmkit.core.model.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Pager")
class PagerTest {

    /**
     * A paginated read kept in memory: the page each cursor leads to ("" for the first page), a
     * log of every cursor asked for, and failures to inject.
     */
    static final class Feed implements PageFetcher<String> {
        final Map<String, Page<String>> pages = new HashMap<>();
        final List<String> fetched = new ArrayList<>();
        int failuresToCome;

        Feed page(String at, List<String> items, String next) {
            pages.put(at, next == null ? Page.last(items) : Page.of(items, Cursor.of(next)));
            return this;
        }

        @Override
        public Page<String> fetch(Optional<Cursor> from) throws ConnectorException {
            String at = from.map(Cursor::value).orElse("");
            fetched.add(at);
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new TransientException(Platform.MASTODON, "timeout", Optional.empty(), null);
            }
            Page<String> page = pages.get(at);
            if (page == null) {
                throw new IllegalStateException("no page at '" + at + "'");
            }
            return page;
        }
    }

    /** Three pages of a finished list: a, b | c, d | e. */
    private static Feed threePages() {
        return new Feed()
                .page("", List.of("a", "b"), "c2")
                .page("c2", List.of("c", "d"), "c3")
                .page("c3", List.of("e"), null);
    }

    /** A growing feed that is caught up: two pages, then an empty page that still gives a cursor. */
    private static Feed caughtUpFeed() {
        return new Feed()
                .page("", List.of("m1", "m2"), "after-m2")
                .page("after-m2", List.of("m3"), "after-m3")
                .page("after-m3", List.of(), "after-m3");
    }

    @Nested
    @DisplayName("walking pages")
    class Walking {

        @Test
        @DisplayName("is lazy: building a pager reads nothing, each next() reads one page")
        void lazy() throws Exception {
            Feed feed = threePages();
            Pager<String> pager = Pager.from(Optional.empty(), feed);

            assertThat(feed.fetched).isEmpty();
            assertThat(pager.next()).hasValueSatisfying(page -> assertThat(page.items()).containsExactly("a", "b"));
            assertThat(feed.fetched).containsExactly("");
            assertThat(pager.next()).hasValueSatisfying(page -> assertThat(page.items()).containsExactly("c", "d"));
            assertThat(feed.fetched).containsExactly("", "c2");
        }

        @Test
        @DisplayName("stops after a page without a next cursor, and reads nothing more")
        void stopsAtLastPage() throws Exception {
            Feed feed = threePages();
            Pager<String> pager = Pager.from(Optional.empty(), feed);

            pager.next();
            pager.next();
            assertThat(pager.next()).hasValueSatisfying(page -> assertThat(page.hasNext()).isFalse());

            assertThat(pager.next()).isEmpty();
            assertThat(pager.next()).isEmpty();
            assertThat(feed.fetched).containsExactly("", "c2", "c3");
        }

        @Test
        @DisplayName("stops at an empty page, which is how a growing feed says it is caught up")
        void stopsAtEmptyPage() throws Exception {
            Feed feed = caughtUpFeed();
            Pager<String> pager = Pager.from(Optional.empty(), feed);

            pager.next();
            pager.next();
            assertThat(pager.next()).hasValueSatisfying(page -> assertThat(page.items()).isEmpty());

            assertThat(pager.next()).isEmpty();
            assertThat(feed.fetched).containsExactly("", "after-m2", "after-m3");
        }
    }

    @Nested
    @DisplayName("resuming")
    class Resuming {

        @Test
        @DisplayName("resumeFrom() starts where the pager started, then follows each page read")
        void position() throws Exception {
            Pager<String> pager = Pager.from(Optional.of(Cursor.of("c2")), threePages());

            assertThat(pager.resumeFrom()).contains(Cursor.of("c2"));
            pager.next();
            assertThat(pager.resumeFrom()).contains(Cursor.of("c3"));
        }

        @Test
        @DisplayName("a new pager built from resumeFrom() carries on without reading a page twice")
        void resumeAfterRestart() throws Exception {
            Feed feed = threePages();
            Pager<String> first = Pager.from(Optional.empty(), feed);
            first.next();
            String stored = first.resumeFrom().orElseThrow().value();

            Pager<String> afterRestart = Pager.from(Optional.of(Cursor.of(stored)), feed);
            List<String> rest = afterRestart.collect(100);

            assertThat(rest).containsExactly("c", "d", "e");
            assertThat(feed.fetched).containsExactly("", "c2", "c3");
        }

        @Test
        @DisplayName("on a caught-up feed, the stored cursor reads only what arrived since")
        void growingFeed() throws Exception {
            Feed feed = caughtUpFeed();
            Pager<String> pager = Pager.from(Optional.empty(), feed);
            assertThat(pager.collect(100)).containsExactly("m1", "m2", "m3");
            Optional<Cursor> stored = pager.resumeFrom();
            assertThat(stored).contains(Cursor.of("after-m3"));

            feed.page("after-m3", List.of("m4"), "after-m4").page("after-m4", List.of(), "after-m4");

            assertThat(Pager.from(stored, feed).collect(100)).containsExactly("m4");
        }

        @Test
        @DisplayName("after a last page without a cursor, it stays at that page's start to re-read it for anything new")
        void afterLastPage() throws Exception {
            Pager<String> pager = Pager.from(Optional.empty(), threePages());

            pager.collect(100);

            assertThat(pager.resumeFrom()).contains(Cursor.of("c3"));
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        @Test
        @DisplayName("a failed fetch leaves the position unchanged, and the next call retries the same page")
        void failedFetch() throws Exception {
            Feed feed = threePages();
            Pager<String> pager = Pager.from(Optional.empty(), feed);
            pager.next();

            feed.failuresToCome = 1;
            assertThatThrownBy(pager::next).isInstanceOf(TransientException.class);

            assertThat(pager.resumeFrom()).contains(Cursor.of("c2"));
            assertThat(pager.next()).hasValueSatisfying(page -> assertThat(page.items()).containsExactly("c", "d"));
            assertThat(feed.fetched).containsExactly("", "c2", "c2");
        }

        @Test
        @DisplayName("a failure on the very first page leaves the pager at its start")
        void failedFirstFetch() {
            Feed feed = threePages();
            feed.failuresToCome = 1;
            Pager<String> pager = Pager.from(Optional.empty(), feed);

            assertThatThrownBy(pager::next).isInstanceOf(ConnectorException.class);
            assertThat(pager.resumeFrom()).isEmpty();
        }
    }

    @Nested
    @DisplayName("collect(limit)")
    class Collect {

        @Test
        @DisplayName("reads across pages until the read ends")
        void everything() throws Exception {
            assertThat(Pager.from(Optional.empty(), threePages()).collect(100)).containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        @DisplayName("stops reading once it has enough")
        void stopsEarly() throws Exception {
            Feed feed = threePages();

            assertThat(Pager.from(Optional.empty(), feed).collect(4)).containsExactly("a", "b", "c", "d");
            assertThat(feed.fetched).containsExactly("", "c2");
        }

        @Test
        @DisplayName("returns at most the limit, and a page it cuts short is read again on resume so nothing is lost")
        void cutPage() throws Exception {
            Feed feed = threePages();
            Pager<String> pager = Pager.from(Optional.empty(), feed);

            assertThat(pager.collect(3)).containsExactly("a", "b", "c");
            assertThat(pager.resumeFrom()).contains(Cursor.of("c2"));

            assertThat(Pager.from(pager.resumeFrom(), feed).collect(100)).containsExactly("c", "d", "e");
            assertThat(pager.collect(100)).containsExactly("c", "d", "e");
        }

        @Test
        @DisplayName("a limit of zero reads nothing, a negative one is refused")
        void zeroAndNegative() throws Exception {
            Feed feed = threePages();
            Pager<String> pager = Pager.from(Optional.empty(), feed);

            assertThat(pager.collect(0)).isEmpty();
            assertThat(feed.fetched).isEmpty();
            assertThatThrownBy(() -> pager.collect(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must not be negative (got -1)");
        }
    }

    @Test
    @DisplayName("needs a start and a fetcher")
    void required() {
        assertThatThrownBy(() -> Pager.from(null, threePages())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Pager.from(Optional.empty(), null)).isInstanceOf(NullPointerException.class);
    }
}

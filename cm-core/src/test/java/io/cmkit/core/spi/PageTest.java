package io.cmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Page and Cursor")
class PageTest {

    @Test
    @DisplayName("a page with a next cursor says another page follows; the last one does not")
    void hasNext() {
        Page<String> first = Page.of(List.of("a", "b"), Cursor.of("max_id=113"));
        Page<String> last = Page.last(List.of("c"));

        assertThat(first.hasNext()).isTrue();
        assertThat(first.next()).contains(Cursor.of("max_id=113"));
        assertThat(last.hasNext()).isFalse();
        assertThat(last.next()).isEmpty();
    }

    @Test
    @DisplayName("a page keeps its own copy of the items")
    void defensiveCopy() {
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = Page.last(items);

        items.add("b");

        assertThat(page.items()).containsExactly("a");
        assertThatThrownBy(() -> page.items().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a cursor is plain text: stored as its value and restored from it")
    void cursorRoundTrip() {
        Cursor cursor = Cursor.of("eyJvZmZzZXQiOjQwfQ==");

        assertThat(Cursor.of(cursor.value())).isEqualTo(cursor);
    }

    @Test
    @DisplayName("a cursor cannot be blank, and a page needs its parts")
    void rejects() {
        assertThatThrownBy(() -> Cursor.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cursor.value must not be blank");
        assertThatThrownBy(() -> Cursor.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Page<String>(null, java.util.Optional.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Page<>(List.of("a"), null)).isInstanceOf(NullPointerException.class);
    }
}

package io.cmkit.moderation.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the CSV reader and text decodings of the tools")
class CsvAndDecodingTest {

    private static Csv csv(String text) throws IOException {
        return Csv.read(new StringReader(text), "test.csv");
    }

    @Test
    @DisplayName("reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM")
    void rfc4180() throws IOException {
        Csv c = csv("\uFEFFid,text,label\r\n1,\"hello, \"\"world\"\"\",0\r\n2,\"two\nlines\",1\n3,,0\n\n4,last,1");
        assertThat(c.header()).containsExactly("id", "text", "label");
        assertThat(c.rows()).containsExactly(
                List.of("1", "hello, \"world\"", "0"),
                List.of("2", "two\nlines", "1"),
                List.of("3", "", "0"),
                List.of("4", "last", "1"));
        assertThat(c.column("label")).isEqualTo(2);
        assertThatThrownBy(() -> c.column("Label")).hasMessageContaining("[id, text, label]");
    }

    @Test
    @DisplayName("names the line of an unclosed quote or of text after a closing quote")
    void errors() {
        assertThatThrownBy(() -> csv("a,b\n1,\"open\n")).isInstanceOf(IOException.class).hasMessageContaining("test.csv:2");
        assertThatThrownBy(() -> csv("a,b\n1,\"x\"y\n")).isInstanceOf(IOException.class).hasMessageContaining("after a closing quote");
    }

    @Test
    @DisplayName("decodes the Kaggle file's Python escapes: wrapping quotes, \\n, \\xa0, UTF-8 byte runs, \\u")
    void python() throws IOException {
        Csv c = csv("Insult,Date,Comment\n1,20120618192155Z,\"\"\"You fuck your dad.\"\"\"\n"
                + "0,,\"\"\"one\\xa0two\\nthree \\xc2\\xa0 caf\\xc3\\xa9 \\u1ea1 it\\'s \\\\n\"\"\"\n");
        assertThat(TextDecoding.PYTHON.decode(c.rows().get(0).get(2))).isEqualTo("You fuck your dad.");
        assertThat(TextDecoding.PYTHON.decode(c.rows().get(1).get(2)))
                .isEqualTo("one\u00A0two\nthree \u00A0 café \u1EA1 it's \n");
    }

    @Test
    @DisplayName("decodes TubeSpam's HTML references")
    void html() {
        assertThat(TextDecoding.HTML.decode("everyday i&#39;m subscribe\uFEFF")).isEqualTo("everyday i'm subscribe");
        assertThat(TextDecoding.HTML.decode("a &amp; b<br />c &#x27;d&#x27; &unknown; &")).isEqualTo("a & b\nc 'd' &unknown; &");
    }

    @Test
    @DisplayName("counts precision, recall and F1")
    void confusion() {
        Confusion c = Confusion.of(new boolean[] {true, true, false, false, true}, new boolean[] {true, false, true, false, true});
        assertThat(c).isEqualTo(new Confusion(2, 1, 1, 1));
        assertThat(c.precision()).isEqualTo(2.0 / 3);
        assertThat(c.recall()).isEqualTo(2.0 / 3);
        assertThat(c.f1()).isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new Confusion(0, 0, 0, 5).f1()).isZero();
    }
}

package io.cmkit.core.calendar;

import static io.cmkit.core.calendar.CalendarFixtures.BLUESKY;
import static io.cmkit.core.calendar.CalendarFixtures.MASTODON;
import static io.cmkit.core.calendar.CalendarFixtures.MONDAY_MARCH_2;
import static io.cmkit.core.calendar.CalendarFixtures.clockAt;
import static io.cmkit.core.calendar.CalendarFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.Platform;
import io.cmkit.core.model.Post;
import io.cmkit.core.model.PostVariant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Export")
class ExportTest {

    private static final DateRange MARCH = DateRange.parse("2026-03");
    private static final String TRICKY = "Atelier ouvert : latte, cappuccino; flat white \\ cortado.\n"
            + "Réservez au \"Café Lumière\" — le samedi 14 à 10 h, places limitées ☕ https://cafe-lumiere.fr/atelier";

    private final EditorialCalendar calendar = EditorialCalendar.of(strategy(), clockAt(MONDAY_MARCH_2));

    @BeforeEach
    void plan() {
        Post tricky = new Post("p-42", "cafe-lumiere", Optional.of("Recettes"), Optional.of("Printemps, 2026"),
                List.of(PostVariant.text(Platform.MASTODON, TRICKY), PostVariant.text(Platform.BLUESKY, "Court")));
        calendar.place(tricky, MASTODON, Instant.parse("2026-03-29T07:00:00Z")); // 09:00 summer time
        calendar.place(tricky, BLUESKY, Instant.parse("2026-03-02T11:30:00Z")); // 12:30 winter time
        calendar.place(CalendarFixtures.post("april"), MASTODON, Instant.parse("2026-04-02T07:00:00Z"));
    }

    @Nested
    @DisplayName("as iCalendar (RFC 5545)")
    class ICalendar {

        private String ics() {
            return calendar.toICalendar(MARCH);
        }

        /** Unfolds the content lines: a CRLF followed by one space continues the line before. */
        private List<String> unfolded() {
            return Arrays.asList(ics().replace("\r\n ", "").split("\r\n"));
        }

        private List<Map<String, String>> events() {
            List<Map<String, String>> events = new ArrayList<>();
            Map<String, String> current = null;
            for (String line : unfolded()) {
                if (line.equals("BEGIN:VEVENT")) {
                    current = new LinkedHashMap<>();
                } else if (line.equals("END:VEVENT")) {
                    events.add(current);
                    current = null;
                } else if (current != null) {
                    int colon = line.indexOf(':');
                    current.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return events;
        }

        @Test
        @DisplayName("is one VCALENDAR with VERSION and PRODID, CRLF line ends and one VEVENT per entry of the period")
        void structure() {
            List<String> lines = unfolded();

            assertThat(ics()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
            assertThat(ics().replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
            assertThat(lines).filteredOn("BEGIN:VEVENT"::equals).hasSize(2);
            assertThat(events()).allSatisfy(e -> assertThat(e).containsKeys("UID", "DTSTAMP", "DTSTART", "SUMMARY",
                    "DESCRIPTION"));
        }

        @Test
        @DisplayName("gives DTSTART in UTC with Z, DTSTAMP from the clock and a stable UID per entry")
        void times() {
            List<Map<String, String>> events = events();

            assertThat(events).extracting(e -> e.get("DTSTART")).containsExactly("20260302T113000Z", "20260329T070000Z");
            assertThat(events).extracting(e -> e.get("DTSTAMP")).containsOnly("20260302T070000Z");
            assertThat(events).extracting(e -> e.get("UID")).containsExactly(
                    "p-42/bluesky:cafelumiere.bsky.social@cafe-lumiere.cmkit",
                    "p-42/mastodon:cafelumiere@piaille.fr@cafe-lumiere.cmkit");
            assertThat(ics()).isEqualTo(calendar.toICalendar(MARCH));
        }

        @Test
        @DisplayName("escapes backslash, semicolon, comma and line breaks in text")
        void escaping() {
            Map<String, String> mastodon = events().get(1);

            assertThat(mastodon.get("SUMMARY")).isEqualTo(
                    "Mastodon: Atelier ouvert : latte\\, cappuccino\\; flat white \\\\ cortado.");
            assertThat(mastodon.get("DESCRIPTION")).startsWith("Atelier ouvert : latte\\, cappuccino\\; flat white"
                    + " \\\\ cortado.\\nRéservez au \"Café Lumière\"")
                    .contains("\\n\\nPost: p-42\\nAccount: mastodon:cafelumiere@piaille.fr")
                    .contains("\\nLocal time: 2026-03-29T09:00 Europe/Paris")
                    .contains("\\nCampaign: Printemps\\, 2026");
            assertThat(mastodon.get("CATEGORIES")).isEqualTo("Recettes");
        }

        @Test
        @DisplayName("folds lines longer than 75 octets, never inside a UTF-8 character, and unfolds to the original")
        void folding() {
            byte[] bytes = ics().getBytes(StandardCharsets.UTF_8);
            String reread = new String(bytes, StandardCharsets.UTF_8);
            List<String> physical = Arrays.asList(reread.split("\r\n"));

            assertThat(physical).allSatisfy(line ->
                    assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
            assertThat(physical).anySatisfy(line -> assertThat(line).startsWith(" "));
            assertThat(reread).doesNotContain("\uFFFD");
            String description = events().get(1).get("DESCRIPTION");
            assertThat(description).contains("places limitées ☕ https://cafe-lumiere.fr/atelier");
        }
    }

    @Nested
    @DisplayName("as CSV (RFC 4180)")
    class Csv {

        /** A strict RFC 4180 reader: fields quoted with ", quotes doubled, records ended by CRLF. */
        private List<List<String>> parse(String csv) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < csv.length(); i++) {
                char c = csv.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    assertThat(field).as("a quote may only open a field").isEmpty();
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else {
                    assertThat(c).as("bare line break outside quotes").isNotIn('\r', '\n');
                    field.append(c);
                }
            }
            assertThat(field).as("the last record ends with CRLF").isEmpty();
            return records;
        }

        @Test
        @DisplayName("has a header row and one row per entry of the period, in time order")
        void rows() {
            List<List<String>> rows = parse(calendar.toCsv(MARCH));

            assertThat(rows.get(0)).containsExactly("date", "local_time", "time_zone", "utc", "platform", "account",
                    "post_id", "pillar", "campaign", "placement", "text");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).containsExactly("2026-03-02", "12:30", "Europe/Paris", "2026-03-02T11:30:00Z",
                    "bluesky", "cafelumiere.bsky.social", "p-42", "Recettes", "Printemps, 2026", "fixed", "Court");
            assertThat(rows.get(2).subList(0, 5)).containsExactly("2026-03-29", "09:00", "Europe/Paris",
                    "2026-03-29T07:00:00Z", "mastodon");
        }

        @Test
        @DisplayName("quotes fields holding commas, quotes and line breaks, doubling the quotes, and reads back exactly")
        void quoting() {
            String csv = calendar.toCsv(MARCH);

            assertThat(csv).contains(",\"Printemps, 2026\",");
            assertThat(csv).contains("\"Atelier ouvert : latte, cappuccino; flat white \\ cortado.\nRéservez au"
                    + " \"\"Café Lumière\"\"");
            assertThat(parse(csv).get(2).get(10)).isEqualTo(TRICKY);
        }
    }
}

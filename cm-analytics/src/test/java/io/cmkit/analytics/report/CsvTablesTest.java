package io.cmkit.analytics.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTablesTest {

    private static String csv(ClientReport report, ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer().csv(report, table, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes.length).isGreaterThan(2);
        assertThat(Arrays.copyOf(bytes, 3)).as("no byte order mark").isNotEqualTo(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("KPIs: stable headers, CRLF, machine numbers whatever the language, empty field when not available")
    void kpis() throws IOException {
        String fr = csv(SampleReports.full(Locale.FRANCE, 7), ReportTable.KPIS);
        assertThat(fr).startsWith("kpi,metric,unit,value,change\r\n")
                .contains("\r\nPortée,reach,COUNT,12345.6,0.034\r\n")
                .contains("\r\nImpressions,impressions,COUNT,,\r\n")
                .contains("\r\nCPC,cpc,MONEY,0.37,\r\n")
                .contains(",MINUTES,42.5,-0.08\r\n");
        assertThat(fr.replace("\r\n", "")).doesNotContain("\n", "\r");
        String en = csv(SampleReports.full(Locale.ENGLISH, 7), ReportTable.KPIS);
        assertThat(en).contains("\r\nReach,reach,COUNT,12345.6,0.034\r\n");
    }

    @Test
    @DisplayName("text with commas and quotes is quoted the RFC 4180 way; formulas are defused")
    void quoting() throws IOException {
        String csv = csv(SampleReports.full(Locale.FRANCE, 7), ReportTable.BOTTOM_POSTS);
        assertThat(csv).startsWith("rank,published_on,platform,pillar,excerpt,engagements,engagement_rate,post_id\r\n")
                .contains("\r\n1,2026-11-06,instagram,Communauté,\"Atelier latte art samedi, places limitées\",12,,post-200\r\n")
                .contains(",\"'=HYPERLINK(\"\"x\"\") <b>pas du HTML</b>\",")
                .contains(",\"Menu d'hiver : chocolat chaud \"\"à l'ancienne\"\", cannelle\",22,0.008,post-202\r\n");
    }

    @Test
    @DisplayName("objectives: codes and ISO dates next to the reader's words; no value is an empty field")
    void objectives() throws IOException {
        List<String> lines = csv(SampleReports.full(Locale.FRANCE, 7), ReportTable.OBJECTIVES).lines().toList();
        assertThat(lines.get(0)).isEqualTo("objective,metric,target,actual,forecast,completion,pacing,objective_id,"
                + "direction,period_start,period_end,platform");
        assertThat(lines.get(2)).isEqualTo("Notoriété à Lyon,engagement_rate,0.045,0.031,0.036,0.6888888888888889,"
                + "BEHIND,notoriete,AT_LEAST,2026-11-01,2026-11-30,");
        assertThat(lines.get(3)).isEqualTo("Service client réactif,response_time_median_minutes,60,,,,NOT_AVAILABLE,"
                + "service,AT_MOST,2026-11-01,2026-11-30,");
    }

    @Test
    @DisplayName("series: one row per day and platform, in order")
    void series() throws IOException {
        List<String> engagement = csv(SampleReports.full(Locale.ENGLISH, 7), ReportTable.ENGAGEMENT).lines().toList();
        assertThat(engagement).hasSize(1 + 30 * 3);
        assertThat(engagement.get(1)).startsWith("2026-11-01,bluesky,");
        List<String> sentiment = csv(SampleReports.full(Locale.ENGLISH, 7), ReportTable.SENTIMENT).lines().toList();
        assertThat(sentiment.get(0)).isEqualTo("day,positive,neutral,negative,mentions,net_sentiment");
        assertThat(sentiment).hasSize(31);
        List<String> heat = csv(SampleReports.full(Locale.ENGLISH, 7), ReportTable.BEST_TIMES).lines().toList();
        assertThat(heat.get(0)).isEqualTo("weekday,hour,engagement_rate,samples,confidence,trusted");
        assertThat(heat.get(1)).startsWith("MONDAY,");
    }

    @Test
    @DisplayName("every table goes to its own file; an empty section is its header row alone")
    void directory(@TempDir Path dir) throws IOException {
        List<Path> files = new ReportRenderer().csv(SampleReports.empty(Locale.FRANCE), dir.resolve("rapport"));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("kpis.csv", "objectives.csv",
                "engagement.csv", "pillar-mix.csv", "best-times.csv", "top-posts.csv", "bottom-posts.csv", "sentiment.csv",
                "moderation.csv");
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).endsWith("\r\n");
            assertThat(text.split("\r\n")).as(file.toString()).hasSize(1);
        }
        assertThat(Files.list(dir.resolve("rapport"))).hasSize(9);
    }
}

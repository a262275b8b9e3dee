package io.cmkit.analytics.report;

import org.apache.batik.svggen.SVGGraphics2D;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;

import java.io.ByteArrayOutputStream;
import io.cmkit.analytics.kpi.Unavailability;
import io.cmkit.core.model.DateRange;
import io.cmkit.core.model.KpiTarget;
import io.cmkit.core.model.Metric;
import io.cmkit.core.model.Objective;
import io.cmkit.core.model.Platform;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlDashboardTest {

    private final ReportRenderer renderer = new ReportRenderer();

    static String html(ClientReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer().html(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the dashboard references nothing outside itself: no URL, no script, no stylesheet link")
    void selfContained() throws IOException {
        String html = html(SampleReports.full(Locale.FRANCE, 7));
        // SVG namespace declarations name a namespace; they are never fetched. url(#id) is a local clip path.
        String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=(\"[^\"]*\"|'[^']*')", "");
        assertThat(withoutNamespaces).doesNotContainPattern("(?i)(https?:|ftp:|file:|//[a-z0-9.-]+\\.[a-z]{2,})");
        assertThat(withoutNamespaces).doesNotContainPattern("(?i)(src|href|xlink:href|action|poster)\\s*=");
        assertThat(withoutNamespaces).doesNotContainPattern("(?i)url\\((?!#)|@import|<script|<link|<iframe|<img|<object|<embed");
    }

    @Test
    @DisplayName("every chart is an inline SVG with drawn shapes, each with its own defs prefix")
    void chartsInline() throws IOException {
        String html = html(SampleReports.full(Locale.ENGLISH, 7));
        Matcher svg = Pattern.compile("<svg id=['\"]([a-zA-Z]+)-svg['\"]").matcher(html);
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (svg.find()) {
            ids.add(svg.group(1));
        }
        assertThat(ids).containsExactly("objectives", "engagement", "pillars", "bestTimes", "sentiment", "moderation");
        assertThat(Pattern.compile("<path [^>]*d=['\"]M[^'\"]+['\"]").matcher(html).results().count()).isGreaterThan(10);
        assertThat(html).containsPattern("clip-path=['\"]url\\(#engagement-");
    }

    @Test
    @DisplayName("ids are unique across the page: each chart's clip paths and defs carry its prefix")
    void uniqueIds() throws IOException {
        String html = html(SampleReports.full(Locale.FRANCE, 7));
        List<String> ids = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        assertThat(ids).doesNotHaveDuplicates().contains("engagement-clipPath1", "sentiment-clipPath1");
        Matcher svg = Pattern.compile("<svg id=\"(\\w+)-svg\".*?</svg>", Pattern.DOTALL).matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
            String prefix = svg.group(1) + "-";
            assertThat(Pattern.compile("\\sid=\"([^\"]+)\"").matcher(svg.group()).results().map(m -> m.group(1)))
                    .as("ids in %s", svg.group(1)).allMatch(id -> id.startsWith(prefix));
            assertThat(Pattern.compile("url\\(#([^)]+)\\)").matcher(svg.group()).results().map(m -> m.group(1)))
                    .as("references in %s", svg.group(1)).isNotEmpty().allMatch(id -> id.startsWith(prefix) && ids.contains(id));
        }
        assertThat(charts).isEqualTo(6);
    }

    @Test
    @DisplayName("each chart is well-formed SVG on its own, text in a generic font family, no prolog, no font file")
    void chartsAreWellFormedSvg() throws Exception {
        String html = html(SampleReports.full(Locale.FRANCE, 7));
        assertThat(html).doesNotContain("<?xml", "<!DOCTYPE svg", "<font", "@font-face", "<!--");
        Matcher svg = Pattern.compile("<svg id=\"(\\w+)-svg\".*?</svg>", Pattern.DOTALL).matcher(html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        while (svg.find()) {
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg.group())));
            Element root = document.getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 960 380");
            assertThat(root.hasAttribute("width")).as("no fixed width: the chart scales with the page").isFalse();
            assertThat(document.getElementsByTagNameNS("*", "text").getLength()).as("texts in %s", svg.group(1)).isPositive();
        }
        assertThat(Pattern.compile("font-family=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)))
                .isNotEmpty().allMatch("sans-serif"::equals);
    }

    @Test
    @DisplayName("every chart is labelled for screen readers with its section's heading")
    void chartsLabelled() throws IOException {
        String html = html(SampleReports.full(Locale.FRANCE, 7));
        assertThat(html).contains("<figure class=\"chart\" id=\"objectives-chart\" role=\"img\" aria-label=\"Objectifs\"><svg id=\"objectives-svg\"",
                "<figure class=\"chart\" id=\"pillars-chart\" role=\"img\" aria-label=\"Piliers éditoriaux : prévu et réalisé\"><svg id=\"pillars-svg\"");
        assertThat(Pattern.compile("<figure class=\"chart\" id=\"\\w+-chart\" role=\"img\" aria-label=\"[^\"]+\"><svg ")
                .matcher(html).results().count()).isEqualTo(6);
    }

    @Test
    @DisplayName("Batik draws into the JDK's own DOM: no xml-apis jar nor Batik DOM on the class path")
    void jdkDom() throws IOException {
        assertThat(Document.class.getModule().getName()).isEqualTo("java.xml");
        ClassLoader loader = HtmlDashboardTest.class.getClassLoader();
        // A jar holding org.w3c.dom (xml-apis) would be listed here next to the JDK's run-time image.
        assertThat(Collections.list(loader.getResources("org/w3c/dom/Document.class")))
                .isNotEmpty().allMatch(url -> url.getProtocol().equals("jrt"));
        assertThat(loader.getResource("META-INF/maven/xml-apis/xml-apis/pom.properties")).isNull();
        assertThat(SVGGraphics2D.class.getProtectionDomain().getCodeSource().getLocation().getPath()).contains("batik-svggen-");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName("org.apache.batik.dom.GenericDOMImplementation"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    @DisplayName("numbers, percentages and dates read the French way in French")
    void french() throws IOException {
        String html = html(SampleReports.full(Locale.FRANCE, 7));
        assertThat(html).contains("<html lang=\"fr\">", "Chiffres clés", "Période : du 1 nov. 2026 au 30 nov. 2026",
                "12\u202f345,6", "+3,4\u00a0%", "-12,0\u00a0%", "n.d.", "pas de comparaison", "0,37\u00a0€",
                "42,5 min", "Dans les temps", "En retard", "Pas encore de données", "au moins 120\u202f000",
                "Masqués", "Meilleurs créneaux : ");
        // Metrics by their French names, and why a value is missing, in French, from the typed reason.
        assertThat(html).contains("<td>portée</td>", "<td>temps de réponse médian</td>",
                "<p class=\"note\">n.d. pour temps de réponse médian — aucun message reçu</p>")
                .doesNotContain("response_time_median_minutes", "no interaction received");
        // cmkit's moderation categories in French; a category of the host's own ("question") keeps its name.
        assertThat(html).contains("<td>insulte</td>", "<td>diffamation</td>", "<td>question</td>")
                .doesNotContain("<td>insult</td>", "<td>defamation</td>");
    }

    @Test
    @DisplayName("numbers, percentages and dates read the English way in English")
    void english() throws IOException {
        String html = html(SampleReports.full(Locale.ENGLISH, 7));
        assertThat(html).contains("<html lang=\"en\">", "Key figures", "Period: Nov 1, 2026 to Nov 30, 2026",
                "12,345.6", "+3.4%", "-12.0%", "n/a", "no comparison", "€0.37", "On track", "Behind", "at least 120,000",
                "Hidden", "Best slots: ");
        assertThat(html).contains("<p class=\"note\">n/a for median response time — no interaction received</p>",
                "<td>insult</td>", "<td>defamation</td>", "<td>question</td>");
    }

    @Test
    @DisplayName("in English too, why a figure is not available names metrics, platforms and dates in words, never by their ids")
    void englishReasonsInWords() throws IOException {
        DateRange period = SampleReports.NOVEMBER;
        KpiTarget ctr = new KpiTarget(Metric.CLICK_THROUGH_RATE, 0.02, KpiTarget.Direction.AT_LEAST, period,
                Optional.of(Platform.INSTAGRAM));
        KpiTarget views = KpiTarget.atLeast(Metric.VIDEO_VIEWS, 5_000, period);
        KpiTarget engagements = KpiTarget.atLeast(Metric.ENGAGEMENTS, 900, period);
        KpiTarget followers = KpiTarget.atLeast(Metric.FOLLOWERS, 2_000, DateRange.parse("2026-12"));
        Objective goals = new Objective("reach", "Reach more people", List.of(ctr, views, engagements, followers));
        ClientReport report = ClientReport.builder(SampleReports.brand(), period, Locale.ENGLISH, SampleReports.GENERATED_ON)
                .objective(ObjectiveProgress.notAvailable(goals, ctr, Unit.RATE,
                        new Unavailability.NotExposed(Metric.CLICKS, List.of(Platform.INSTAGRAM))))
                .objective(ObjectiveProgress.notAvailable(goals, views, Unit.COUNT,
                        new Unavailability.PartlyExposed(Metric.VIDEO_VIEWS, 1, 2, List.of(Platform.MASTODON))))
                .objective(ObjectiveProgress.notAvailable(goals, engagements, Unit.COUNT,
                        new Unavailability.NoPartAvailable(List.of(Metric.LIKES, Metric.SHARES),
                                new Unavailability.NotReported(Metric.LIKES))))
                .objective(ObjectiveProgress.notAvailable(goals, followers, Unit.COUNT,
                        new Unavailability.PeriodNotStarted(LocalDate.of(2026, 12, 1))))
                .moderation(new ModerationCount("HIDE", "sexual", 2))
                .build();

        String html = html(report);

        Matcher note = Pattern.compile("<p class=\"note\">(n/a for [^<]*)</p>").matcher(html);
        assertThat(note.find()).as("the note under the objectives table").isTrue();
        assertThat(note.group(1).split(" · ")).containsExactly(
                "n/a for click-through rate (Instagram) — clicks: not provided by Instagram",
                "n/a for video views — video views: provided by only 1 of 2 series (not by Mastodon)",
                "n/a for engagements — none of these counters is available (likes, shares): likes: never reported",
                "n/a for followers — the period starts on December 1, 2026");
        assertThat(note.group(1)).doesNotContain("click_through_rate", "video_views", "instagram", "mastodon", "[", "2026-12-01");
        assertThat(html).contains("<td>sexual content</td>").doesNotContain("<td>sexual</td>");
    }

    @Test
    @DisplayName("a change is coloured as good or bad news for its KPI: a shorter response time is good")
    void trend() throws IOException {
        String html = html(SampleReports.full(Locale.ENGLISH, 7));
        assertThat(html).contains("<div class=\"value\">12,345.6</div><div class=\"change good\">+3.4%</div>",
                "<div class=\"change bad\">-12.0%</div>", "<div class=\"value\">42.5 min</div><div class=\"change good\">-8.0%</div>",
                "<div class=\"value\">n/a</div><div class=\"change none\">no comparison</div>");
    }

    @Test
    @DisplayName("the public's text is escaped, in tables and in charts")
    void escapes() throws IOException {
        String html = html(SampleReports.full(Locale.ENGLISH, 7));
        assertThat(html).doesNotContain("<b>not HTML</b>").contains("&lt;b&gt;not HTML&lt;/b&gt;");
        assertThat(html).contains("&quot;old-style&quot;");
    }

    @Test
    @DisplayName("a one-day period reads as that day, not as a range from it to itself")
    void oneDayPeriod() throws IOException {
        DateRange day = DateRange.parse("2026-11-04..2026-11-04");
        assertThat(html(ClientReport.builder(SampleReports.brand(), day, Locale.FRANCE, SampleReports.GENERATED_ON).build()))
                .contains("Période : le 4 nov. 2026").doesNotContain("Période : du");
        assertThat(html(ClientReport.builder(SampleReports.brand(), day, Locale.ENGLISH, SampleReports.GENERATED_ON).build()))
                .contains("Period: Nov 4, 2026<").doesNotContain("Period: Nov 4, 2026 to");
    }

    @Test
    @DisplayName("a pillar name with markup is escaped in the chart's SVG as in the table")
    void escapesInCharts() throws IOException {
        ClientReport report = ClientReport.builder(SampleReports.brand(), SampleReports.NOVEMBER, Locale.ENGLISH,
                SampleReports.GENERATED_ON).pillar(new PillarShare("<i>R&D</i>", 0.5, 0.6, 3)).build();
        String html = html(report);
        assertThat(html).doesNotContain("<i>R&D</i>");
        assertThat(html.split("&lt;i&gt;R&amp;D&lt;/i&gt;", -1)).as("in the SVG and in the table").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("a brand with no objectives and a period with no data get explicit empty sections, in French")
    void emptyFrench() throws IOException {
        String html = html(SampleReports.empty(Locale.FRANCE));
        assertThat(html).contains("<p class=\"empty\">Aucun objectif défini.</p>");
        assertThat(Pattern.compile("<p class=\"empty\">Aucune donnée sur cette période.</p>").matcher(html).results().count())
                .isEqualTo(8);
        assertThat(html).doesNotContain("<svg", "<table", "NaN", "Infinity");
    }

    @Test
    @DisplayName("a brand with no objectives and a period with no data get explicit empty sections, in English")
    void emptyEnglish() throws IOException {
        String html = html(SampleReports.empty(Locale.ENGLISH));
        assertThat(html).contains("<p class=\"empty\">No objectives set.</p>", "<p class=\"empty\">No data for this period.</p>");
    }

    @Test
    @DisplayName("the same seed renders the same bytes; the file is written whole")
    void reproducible() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "report-samples"));
        Path file = dir.resolve("dashboard-en.html");
        renderer.html(SampleReports.full(Locale.ENGLISH, 7), file);
        assertThat(Files.readString(file)).isEqualTo(html(SampleReports.full(Locale.ENGLISH, 7)));
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        // The file gets the usual permissions of a new file there, not a temporary file's owner-only ones.
        Path plain = Files.write(dir.resolve("plain.txt"), new byte[0]);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    @DisplayName("a file that cannot be written fails with the path, and leaves nothing behind")
    void unwritable(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path file = dir.resolve("missing-folder").resolve("dashboard.html");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.html(SampleReports.full(Locale.FRANCE, 7), file))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("missing-folder");
        assertThat(dir.resolve("missing-folder")).doesNotExist();
    }

    @Test
    @DisplayName("the engagement chart's time axis labels each day once, even over a short week")
    void oneLabelPerDay() throws IOException {
        io.cmkit.core.model.DateRange week = new io.cmkit.core.model.DateRange(java.time.LocalDate.of(2026, 3, 2), java.time.LocalDate.of(2026, 3, 4));
        ClientReport.Builder report = ClientReport.builder(SampleReports.brand(), week, Locale.FRANCE,
                week.end().plusDays(1));
        java.util.List<DailyValue> days = new java.util.ArrayList<>();
        for (java.time.LocalDate day = week.start(); !day.isAfter(week.end()); day = day.plusDays(1)) {
            days.add(new DailyValue(day, 10 + day.getDayOfMonth()));
        }
        report.engagement(new EngagementSeries(io.cmkit.core.model.Platform.MASTODON, days));
        String html = html(report.build());
        Matcher svg = Pattern.compile("<svg id=\"engagement-svg\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertThat(svg.find()).as("the engagement chart").isTrue();
        java.util.List<String> labels = Pattern.compile(">\\s*(\\d{1,2} mars)\\s*<").matcher(svg.group()).results()
                .map(m -> m.group(1)).toList();
        assertThat(labels).isNotEmpty().doesNotHaveDuplicates();
        assertThat(labels).contains("2 mars", "3 mars");
    }
}

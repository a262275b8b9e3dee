package io.cmkit.analytics.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens the French dashboard in headless Chromium, checks that every chart is drawn, and keeps
 * the screenshot in {@code cm-analytics/target/report-screenshots/dashboard-fr.png}.
 */
@ExtendWith(ChromiumCondition.class)
class DashboardInChromiumTest {

    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final int WIDTH = 1280;
    private static final List<String> CHARTS = List.of("objectives", "engagement", "pillars", "bestTimes", "sentiment",
            "moderation");

    private static HeadlessChromium chromium;
    private static Path dashboard;

    @BeforeAll
    static void render() throws IOException {
        chromium = HeadlessChromium.findOrInstall(ChromiumCondition.LOGS).orElseThrow(() -> new AssertionError(
                "CI=true and chromium is missing: install it (apt-get install -y chromium), as .ci/run does"));
        Files.createDirectories(SCREENSHOTS);
        dashboard = SCREENSHOTS.resolve("dashboard-fr.html");
        new ReportRenderer().html(SampleReports.full(Locale.FRANCE, 7), dashboard);
    }

    @Test
    @DisplayName("after load, the DOM holds one SVG per chart, each with drawn paths")
    void domHasDrawnCharts() throws Exception {
        String dom = chromium.dumpDom(dashboard, WIDTH, 900);
        for (String chart : CHARTS) {
            Matcher svg = Pattern.compile("<svg id=\"" + chart + "-svg\".*?</svg>", Pattern.DOTALL).matcher(dom);
            assertThat(svg.find()).as("SVG of %s in the DOM", chart).isTrue();
            long paths = Pattern.compile("<path [^>]*d=\"M[^\"]+\"").matcher(svg.group()).results().count();
            long shapes = Pattern.compile("<(rect|line|polygon|polyline|path) ").matcher(svg.group()).results().count();
            assertThat(paths).as("non-empty paths in %s", chart).isPositive();
            assertThat(shapes).as("shapes in %s", chart).isGreaterThan(10);
        }
        assertThat(dom).contains("Chiffres clés", "Dans les temps", "Masqués").doesNotContain("NaN", "Infinity");
    }

    @Test
    @DisplayName("the screenshot shows every chart: laid out with a size, and not blank")
    void screenshotShowsCharts() throws Exception {
        Map<String, int[]> boxes = chartBoxes();
        assertThat(boxes.keySet()).containsAll(CHARTS);
        int height = boxes.get("page")[3];
        Path png = SCREENSHOTS.resolve("dashboard-fr.png");
        chromium.screenshot(dashboard, png, WIDTH, height);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        for (String chart : CHARTS) {
            int[] box = boxes.get(chart);
            assertThat(box[2]).as("width of %s", chart).isGreaterThan(600);
            assertThat(box[3]).as("height of %s", chart).isGreaterThan(200);
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            long pixels = 0;
            for (int y = box[1]; y < Math.min(image.getHeight(), box[1] + box[3]); y++) {
                for (int x = box[0]; x < Math.min(image.getWidth(), box[0] + box[2]); x++) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    colours.add(rgb & 0xf0f0f0);
                    pixels++;
                    if (rgb != 0xffffff) {
                        ink++;
                    }
                }
            }
            assertThat(pixels).as("pixels of %s inside the screenshot", chart).isGreaterThan(100_000);
            assertThat(colours.size()).as("colours in %s", chart).isGreaterThan(8);
            assertThat((double) ink / pixels).as("share of non-white pixels in %s", chart).isGreaterThan(0.03);
        }
    }

    /**
     * Where each chart is laid out, measured by the browser itself: a copy of the dashboard with a
     * probe script (the dashboard has none) writes every chart's box and the page height.
     */
    private Map<String, int[]> chartBoxes() throws Exception {
        String probe = "<script>(function(){var out=[];"
                + "document.querySelectorAll('figure.chart svg').forEach(function(s){var r=s.getBoundingClientRect();"
                + "out.push(s.id.replace('-svg','')+' '+Math.round(r.left+scrollX)+' '+Math.round(r.top+scrollY)+' '"
                + "+Math.round(r.width)+' '+Math.round(r.height));});"
                + "out.push('page 0 0 '+document.documentElement.scrollWidth+' '+document.documentElement.scrollHeight);"
                + "var p=document.createElement('pre');p.id='cmkit-probe';p.textContent=out.join('\\n');"
                + "document.body.appendChild(p);})();</script></body>";
        Path probed = SCREENSHOTS.resolve("dashboard-fr.probe.html");
        Files.writeString(probed, Files.readString(dashboard).replace("</body>", probe));
        String dom = chromium.dumpDom(probed, WIDTH, 900);
        Matcher pre = Pattern.compile("<pre id=\"cmkit-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        if (!pre.find()) {
            fail("the probe wrote nothing; DOM was: " + dom.substring(0, Math.min(500, dom.length())));
        }
        Map<String, int[]> boxes = new LinkedHashMap<>();
        for (String line : pre.group(1).strip().split("\n")) {
            String[] f = line.strip().split(" ");
            boxes.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[4])});
        }
        return boxes;
    }
}

package io.cmkit.analytics.report.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the dashboard as one self-contained HTML file: CSS inline, charts as inline SVG drawn
 * by JFreeChart into JFreeSVG, no script and no external reference. The Mustache template
 * escapes every text; only the SVG, which JFreeSVG escapes itself, goes in raw.
 */
public final class HtmlDashboard {

    static final int CHART_WIDTH = 960;
    static final int CHART_HEIGHT = 380;
    private static final String TEMPLATE = "dashboard.html.mustache";

    private final Template template;

    public HtmlDashboard() {
        try (InputStream in = HtmlDashboard.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard template " + TEMPLATE + " is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // escapeHTML is on by default; strictSections makes a misspelt key an error, not a blank.
                template = Mustache.compiler().escapeHTML(true).strictSections(true).compile(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard template " + TEMPLATE, e);
        }
    }

    public void write(ReportContent content, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        template.execute(view(content), writer);
        writer.flush();
    }

    private static Map<String, Object> view(ReportContent content) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("lang", content.report().locale().getLanguage());
        view.put("title", content.title());
        view.put("brand", content.report().brand().name());
        view.put("period", content.periodLine());
        view.put("generated", content.generatedLine());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section section : content.sections()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", section.id());
            s.put("heading", section.title());
            s.put("isEmpty", section.empty().isPresent());
            s.put("emptyText", section.empty().orElse(""));
            s.put("hasTiles", !section.tiles().isEmpty());
            s.put("tiles", section.tiles());
            s.put("hasChart", section.chart().isPresent());
            s.put("svg", section.chart().map(chart -> svg(chart, section.id())).orElse(""));
            s.put("hasNote", section.note().isPresent());
            s.put("note", section.note().orElse(""));
            boolean hasTable = section.empty().isEmpty()
                    && section.table().filter(t -> t.inDocument() && !t.rows().isEmpty()).isPresent();
            s.put("hasTable", hasTable);
            List<Map<String, Object>> headers = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            if (hasTable) {
                Table table = section.table().orElseThrow();
                for (Table.Column column : table.columns()) {
                    if (column.inDocument()) {
                        headers.add(Map.of("label", column.label(), "numeric", column.numeric()));
                    }
                }
                for (List<Table.Cell> row : table.rows()) {
                    List<Map<String, Object>> cells = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        Table.Column column = table.columns().get(i);
                        if (column.inDocument()) {
                            cells.add(Map.of("text", row.get(i).text(), "numeric", column.numeric()));
                        }
                    }
                    rows.add(Map.of("cells", cells));
                }
            }
            s.put("headers", headers);
            s.put("rows", rows);
            sections.add(s);
        }
        view.put("sections", sections);
        return view;
    }

    /** The chart as an inline SVG element that scales to its container. */
    static String svg(JFreeChart chart, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(CHART_WIDTH, CHART_HEIGHT);
        // Several SVGs share one document: prefix their clip-path and gradient ids so none collide.
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, CHART_WIDTH, CHART_HEIGHT));
        g2.dispose();
        return g2.getSVGElement(id + "-svg", false, new ViewBox(0, 0, CHART_WIDTH, CHART_HEIGHT), null, null);
    }
}

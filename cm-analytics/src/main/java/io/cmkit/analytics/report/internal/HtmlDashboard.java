package io.cmkit.analytics.report.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Attr;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Font;
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
import java.util.Set;

/**
 * Writes the dashboard as one self-contained HTML file: CSS inline, charts as inline SVG drawn
 * by JFreeChart into Apache Batik's SVG generator, no script and no external reference. The
 * Mustache template escapes every text; only the SVG, which Batik's DOM serializer escapes, goes
 * in raw.
 */
public final class HtmlDashboard {

    static final int CHART_WIDTH = 960;
    static final int CHART_HEIGHT = 380;
    private static final String TEMPLATE = "dashboard.html.mustache";
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** Attributes of Batik's root that only make sense on a stand-alone SVG file; the rest is style. */
    private static final Set<String> ROOT_ONLY = Set.of("width", "height", "contentScriptType", "contentStyleType",
            "preserveAspectRatio", "zoomAndPan", "version");
    /** The JDK's own DOM (java.xml): Batik's generator needs no DOM library of its own. */
    private static final DOMImplementation DOM = jdkDom();

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
        Document document = DOM.createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        // Several SVGs share one page: prefix their clip-path and gradient ids so none collide.
        context.setIDGenerator(new PrefixedIds(id + "-"));
        context.setComment(null);
        // Text stays text in the chart's generic family (SansSerif is written sans-serif): no font file.
        context.setEmbeddedFontsOn(false);
        SVGGeneratorContext.GraphicContextDefaults defaults = new SVGGeneratorContext.GraphicContextDefaults();
        defaults.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        context.setGraphicContextDefaults(defaults);
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        chart.draw(g2, new Rectangle2D.Double(0, 0, CHART_WIDTH, CHART_HEIGHT));
        Element drawn = g2.getRoot();
        g2.dispose();

        // Batik's default styles (fill, stroke, fonts) move from its root onto a group, with its children;
        // the <svg> around them is ours: the id first, a viewBox and no size, so it scales with the page.
        Element group = document.createElementNS(SVG_NS, "g");
        NamedNodeMap attributes = drawn.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getNamespaceURI() == null && !ROOT_ONLY.contains(attribute.getName())) {
                group.setAttributeNS(null, attribute.getName(), attribute.getValue());
            }
        }
        while (drawn.hasChildNodes()) {
            group.appendChild(drawn.getFirstChild());
        }
        // The generic defs Batik adds to every document carry the same fixed id on each chart.
        for (Element defs : children(group, "defs")) {
            if ("genericDefs".equals(defs.getAttribute("id"))) {
                if (defs.hasChildNodes()) {
                    defs.setAttributeNS(null, "id", id + "-genericDefs");
                } else {
                    group.removeChild(defs);
                }
            }
        }
        // The JDK's serializer: text and attributes escaped, no XML declaration nor DOCTYPE.
        LSSerializer serializer = ((DOMImplementationLS) DOM).createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        // The one namespace is declared on <svg>; fixing up would repeat xmlns:xml on every text.
        serializer.getDomConfig().setParameter("namespaces", false);
        return "<svg id=\"" + id + "-svg\" viewBox=\"0 0 " + CHART_WIDTH + " " + CHART_HEIGHT + "\" xmlns=\"" + SVG_NS + "\">"
                + serializer.writeToString(group) + "</svg>";
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static DOMImplementation jdkDom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
    }

    /** Batik's ids ({@code clipPath3}, {@code linearGradient1}) with the chart's prefix. */
    private static final class PrefixedIds extends SVGIDGenerator {

        private final String prefix;

        PrefixedIds(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String generateID(String kind) {
            return prefix + super.generateID(kind);
        }
    }
}

package io.shieldfab.layout.format;

import io.shieldfab.layout.geometry.Label;
import io.shieldfab.layout.geometry.Layer;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.PanelLayout;
import io.shieldfab.layout.geometry.Rect;
import io.shieldfab.layout.geometry.Shape;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An SVG preview a person can read in a browser: the panel (outline, streets, fiducials, row and column
 * indices), the site array drawn with one SVG {@code <pattern>} tile so the node count does not grow with
 * the site count, per-site labels where they fit, a zoomed inset of one site, a legend with the layer
 * colours, scale bars and the key metrics. Y points up in the layout and down in SVG; the writer flips it.
 */
public final class SvgWriter {

    static final int WIDTH = 1400;
    static final double PANEL_BOX_W = 900;
    static final double PANEL_BOX_H = 700;
    static final double LEFT = 20;
    static final double TOP = 60;
    static final double INSET = 400;
    static final double INSET_LEFT = 960;
    /** Per-site labels are drawn up to this many sites, and only when a site is at least this wide on screen. */
    static final int MAX_LABELLED_SITES = 2500;
    static final double MIN_LABEL_SITE_PX = 28;
    static final double MIN_LABEL_FONT_PX = 6;

    private SvgWriter() {
    }

    public static void write(PanelLayout layout, LayoutMetrics metrics, OutputStream os) throws IOException {
        new SvgWriter.Run(layout, metrics, new AsciiSink(os)).write();
    }

    private static final class Run {
        final PanelLayout layout;
        final LayoutMetrics metrics;
        final AsciiSink o;
        final double scale; // px per nm
        final double height;
        final long panelH;

        Run(PanelLayout layout, LayoutMetrics metrics, AsciiSink o) {
            this.layout = layout;
            this.metrics = metrics;
            this.o = o;
            this.panelH = layout.panelHeightNm();
            this.scale = Math.min(PANEL_BOX_W / layout.panelWidthNm(), PANEL_BOX_H / layout.panelHeightNm());
            this.height = Math.max(TOP + panelH * scale + 80, TOP + INSET + 420);
        }

        double px(long xNm) {
            return LEFT + xNm * scale;
        }

        double py(long yNm) {
            return TOP + (panelH - yNm) * scale;
        }

        AsciiSink num(double v) throws IOException {
            return o.num(v);
        }

        void write() throws IOException {
            var spec = layout.spec();
            o.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            o.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").integer(WIDTH).ascii("\" height=\"")
                    .integer(Math.round(height)).ascii("\" viewBox=\"0 0 ").integer(WIDTH).ch(' ')
                    .integer(Math.round(height)).ascii("\" font-family=\"sans-serif\">\n");
            o.ascii("<title>").xml(spec.name() + " rev " + spec.revision()).ascii(" layout preview</title>\n");
            o.ascii("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
            o.ascii("<text x=\"").num(LEFT).ascii("\" y=\"30\" font-size=\"20\" fill=\"#111\">")
                    .xml(spec.name() + " rev " + spec.revision() + " — " + spec.rows() + " × " + spec.columns()
                            + " sites, panel " + mmText(layout.panelWidthNm()) + " × " + mmText(panelH) + " mm")
                    .ascii("</text>\n");
            defs();
            panel();
            inset();
            legend();
            o.ascii("</svg>\n");
            o.flush();
        }

        double sitePxX() {
            return layout.spec().pitchXNm() * scale;
        }

        double sitePxY() {
            return layout.spec().pitchYNm() * scale;
        }

        boolean tiled() {
            return Math.min(sitePxX(), sitePxY()) >= 2;
        }

        /** The site tile: the site cell in pattern coordinates (origin = the site's upper-left corner on screen). */
        void defs() throws IOException {
            o.ascii("<defs>\n");
            if (tiled()) {
                o.ascii("<pattern id=\"site\" patternUnits=\"userSpaceOnUse\" x=\"").num(px(layout.siteOriginX(0)))
                        .ascii("\" y=\"").num(py(layout.siteOriginY(layout.spec().rows()))).ascii("\" width=\"")
                        .num(sitePxX()).ascii("\" height=\"").num(sitePxY()).ascii("\">\n");
                long pitchY = layout.spec().pitchYNm();
                for (Shape s : layout.site().shapes()) {
                    shape(s, 0, scale, 0, pitchY);
                }
                o.ascii("</pattern>\n");
            }
            o.ascii("</defs>\n");
        }

        void panel() throws IOException {
            var spec = layout.spec();
            o.ascii("<g id=\"panel\">\n");
            for (Shape s : layout.panelShapes()) {
                if (s.layer() == Layer.PANEL_OUTLINE) {
                    panelRect((Rect) s, "fill=\"#f7f7f2\" stroke=\"" + Layer.PANEL_OUTLINE.svgColour()
                            + "\" stroke-width=\"1\"");
                }
            }
            double ax = px(layout.siteOriginX(0));
            double ay = py(layout.siteOriginY(spec.rows()));
            double aw = spec.columns() * sitePxX();
            double ah = spec.rows() * sitePxY();
            if (tiled()) {
                o.ascii("<rect x=\"").num(ax).ascii("\" y=\"").num(ay).ascii("\" width=\"").num(aw)
                        .ascii("\" height=\"").num(ah).ascii("\" fill=\"url(#site)\"/>\n");
            } else {
                o.ascii("<rect x=\"").num(ax).ascii("\" y=\"").num(ay).ascii("\" width=\"").num(aw)
                        .ascii("\" height=\"").num(ah).ascii("\" fill=\"").ascii(Layer.MANDREL_RECESS.svgColour())
                        .ascii("\" fill-opacity=\"0.5\"/>\n");
                o.ascii("<text x=\"").num(ax + aw / 2).ascii("\" y=\"").num(ay + ah / 2)
                        .ascii("\" font-size=\"14\" text-anchor=\"middle\" fill=\"#111\">")
                        .xml(spec.siteCount() + " sites: too small to draw at this scale, see the inset")
                        .ascii("</text>\n");
            }
            o.ascii("<g fill=\"").ascii(Layer.SAW_STREET.svgColour()).ascii("\" fill-opacity=\"0.45\">\n");
            for (Shape s : layout.panelShapes()) {
                if (s.layer() == Layer.SAW_STREET) {
                    Rect r = (Rect) s;
                    double w = Math.max(0.3, r.widthNm() * scale);
                    double h = Math.max(0.3, r.heightNm() * scale);
                    o.ascii("<rect x=\"").num(px(r.minX())).ascii("\" y=\"").num(py(r.maxY())).ascii("\" width=\"")
                            .num(w).ascii("\" height=\"").num(h).ascii("\"/>\n");
                }
            }
            o.ascii("</g>\n");
            for (Shape s : layout.panelShapes()) {
                if (s.layer() == Layer.REAR_COVER) {
                    // drawn as a dashed outline: the cover lies behind the array and would hide it filled
                    panelRect((Rect) s, "fill=\"none\" stroke=\"" + Layer.REAR_COVER.svgColour()
                            + "\" stroke-width=\"2\" stroke-dasharray=\"6 3\"");
                }
            }
            for (long[] c : layout.fiducialCentres()) {
                for (Shape s : layout.fiducial()) {
                    shape(s, LEFT + c[0] * scale, scale, TOP + (panelH - c[1]) * scale, 0);
                }
            }
            labels();
            scaleBar(LEFT, TOP + panelH * scale + 30, scale, layout.panelWidthNm());
            o.ascii("</g>\n");
        }

        /** A panel-level rectangle at panel scale with the given presentation attributes. */
        void panelRect(Rect r, String attributes) throws IOException {
            o.ascii("<rect x=\"").num(px(r.minX())).ascii("\" y=\"").num(py(r.maxY())).ascii("\" width=\"")
                    .num(r.widthNm() * scale).ascii("\" height=\"").num(r.heightNm() * scale).ascii("\" ")
                    .ascii(attributes).ascii("/>\n");
        }

        void labels() throws IOException {
            var spec = layout.spec();
            double fontEdge = Math.max(6, Math.min(12, Math.min(spec.marginNm() * scale * 0.5, 12)));
            if (spec.marginNm() * scale >= 8) {
                int stepC = (int) Math.max(1, Math.ceil(24 / sitePxX()));
                int stepR = (int) Math.max(1, Math.ceil(16 / sitePxY()));
                o.ascii("<g font-size=\"").num(fontEdge).ascii("\" fill=\"").ascii(Layer.TEXT.svgColour())
                        .ascii("\" text-anchor=\"middle\" dominant-baseline=\"middle\">\n");
                for (Label l : layout.edgeLabels()) {
                    boolean column = l.text().charAt(0) == 'C';
                    int index = Integer.parseInt(l.text().substring(1)) - 1;
                    if (index % (column ? stepC : stepR) == 0) {
                        o.ascii("<text x=\"").num(px(l.x())).ascii("\" y=\"").num(py(l.y())).ascii("\">")
                                .ascii(l.text()).ascii("</text>\n");
                    }
                }
                o.ascii("</g>\n");
            }
            // the longest label, e.g. "R20C25", must fit in 80 % of a site at about 0.6 em per character
            int longest = PanelLayout.siteLabel(spec.rows() - 1, spec.columns() - 1).length();
            double font = Math.min(10, Math.min(sitePxY() / 4, 0.8 * sitePxX() / (0.6 * longest)));
            if (spec.siteCount() <= MAX_LABELLED_SITES && sitePxX() >= MIN_LABEL_SITE_PX && font >= MIN_LABEL_FONT_PX) {
                o.ascii("<g font-size=\"").num(font).ascii("\" fill=\"").ascii(Layer.TEXT.svgColour())
                        .ascii("\" text-anchor=\"middle\" dominant-baseline=\"middle\">\n");
                long cx = spec.pitchXNm() / 2;
                long cy = spec.pitchYNm() / 2;
                for (int r = 0; r < spec.rows(); r++) {
                    for (int c = 0; c < spec.columns(); c++) {
                        o.ascii("<text x=\"").num(px(layout.siteOriginX(c) + cx)).ascii("\" y=\"")
                                .num(py(layout.siteOriginY(r) + cy)).ascii("\">").ascii(PanelLayout.siteLabel(r, c))
                                .ascii("</text>\n");
                    }
                }
                o.ascii("</g>\n");
            }
        }

        /** Site R1C1 enlarged, with half streets around it and its key dimensions. */
        void inset() throws IOException {
            var spec = layout.spec();
            double s = Math.min((INSET - 20) / spec.pitchXNm(), (INSET - 20) / spec.pitchYNm());
            double w = spec.pitchXNm() * s;
            double h = spec.pitchYNm() * s;
            double x0 = INSET_LEFT + (INSET - w) / 2;
            double y0 = TOP + (INSET - h) / 2;
            o.ascii("<g id=\"inset\">\n");
            o.ascii("<text x=\"").num(INSET_LEFT).ascii("\" y=\"").num(TOP - 8).ascii("\" font-size=\"14\" fill=\"#111\">")
                    .xml("Site R1C1, enlarged " + zoom(s / scale)).ascii("</text>\n");
            o.ascii("<rect x=\"").num(INSET_LEFT).ascii("\" y=\"").num(TOP).ascii("\" width=\"").num(INSET)
                    .ascii("\" height=\"").num(INSET).ascii("\" fill=\"#f7f7f2\" stroke=\"#999\"/>\n");
            long halfKerf = spec.kerfNm() / 2;
            o.ascii("<g fill=\"").ascii(Layer.SAW_STREET.svgColour()).ascii("\" fill-opacity=\"0.45\">\n");
            rectPx(x0, y0, w, halfKerf * s);
            rectPx(x0, y0 + h - halfKerf * s, w, halfKerf * s);
            rectPx(x0, y0, halfKerf * s, h);
            rectPx(x0 + w - halfKerf * s, y0, halfKerf * s, h);
            o.ascii("</g>\n");
            for (Shape sh : layout.site().shapes()) {
                shape(sh, x0, s, y0, spec.pitchYNm());
            }
            double ty = TOP + INSET + 18;
            String[] lines = {
                    "pitch " + mmText(spec.pitchXNm()) + " × " + mmText(spec.pitchYNm()) + " mm, street "
                            + mmText(spec.streetXNm()) + " × " + mmText(spec.streetYNm()) + " mm, kerf "
                            + mmText(spec.kerfNm()) + " mm",
                    "cavity " + mmText(spec.cavityXNm()) + " × " + mmText(spec.cavityYNm()) + " × "
                            + mmText(spec.recessDepthNm()) + " mm, wall " + (spec.thicknessNm() / 1000.0) + " µm"
                            + (spec.wallSpaceOpen() ? ", wall space open to the rear" : ""),
                    spec.openingsPerWall() == 0 ? "no openings" : spec.openingStyle() + ": " + spec.openingsPerWall()
                            + " per wall, " + mmText(spec.openingLengthNm()) + " × " + mmText(spec.openingHeightNm())
                            + " mm, route " + metrics.pathways().route()
                            + (metrics.pathways().rearCoverRequired() ? " (rear cover)" : ""),
                    "plated area " + round(metrics.platedAreaMm2()) + " mm², encapsulant "
                            + round(metrics.encapsulantVolumeMm3()) + " mm³, cuts " + round(metrics.totalCutLengthMm())
                            + " mm"};
            for (String line : lines) {
                o.ascii("<text x=\"").num(INSET_LEFT).ascii("\" y=\"").num(ty).ascii("\" font-size=\"12\" fill=\"#111\">")
                        .xml(line).ascii("</text>\n");
                ty += 16;
            }
            scaleBar(INSET_LEFT, TOP + INSET + 90, s, spec.pitchXNm());
            o.ascii("</g>\n");
        }

        void legend() throws IOException {
            double y = TOP + INSET + 130;
            o.ascii("<g id=\"legend\" font-size=\"12\" fill=\"#111\">\n");
            o.ascii("<text x=\"").num(INSET_LEFT).ascii("\" y=\"").num(y).ascii("\" font-size=\"14\">Layers (GDSII layer / DXF layer)</text>\n");
            y += 10;
            for (Layer l : Layer.values()) {
                o.ascii("<rect x=\"").num(INSET_LEFT).ascii("\" y=\"").num(y).ascii("\" width=\"14\" height=\"14\" fill=\"")
                        .ascii(l == Layer.PANEL_OUTLINE ? "#f7f7f2" : l.svgColour())
                        .ascii("\" stroke=\"").ascii(l.svgColour()).ascii("\"/>\n");
                o.ascii("<text x=\"").num(INSET_LEFT + 22).ascii("\" y=\"").num(y + 11).ascii("\">")
                        .xml(l.gdsLayer() + " " + l.dxfName() + " — " + l.description()).ascii("</text>\n");
                y += 20;
            }
            o.ascii("</g>\n");
        }

        /** A scale bar of a round length (1, 2 or 5 × 10^k mm) no longer than a quarter of {@code spanNm}. */
        void scaleBar(double x, double y, double pxPerNm, long spanNm) throws IOException {
            long len = niceLengthNm(spanNm / 4);
            double w = len * pxPerNm;
            o.ascii("<g stroke=\"#111\" stroke-width=\"1.5\">");
            o.ascii("<line x1=\"").num(x).ascii("\" y1=\"").num(y).ascii("\" x2=\"").num(x + w).ascii("\" y2=\"").num(y)
                    .ascii("\"/>");
            o.ascii("<line x1=\"").num(x).ascii("\" y1=\"").num(y - 5).ascii("\" x2=\"").num(x).ascii("\" y2=\"")
                    .num(y + 5).ascii("\"/>");
            o.ascii("<line x1=\"").num(x + w).ascii("\" y1=\"").num(y - 5).ascii("\" x2=\"").num(x + w)
                    .ascii("\" y2=\"").num(y + 5).ascii("\"/></g>\n");
            o.ascii("<text x=\"").num(x + w + 8).ascii("\" y=\"").num(y + 4).ascii("\" font-size=\"12\" fill=\"#111\">")
                    .xml(mmText(len) + " mm").ascii("</text>\n");
        }

        void rectPx(double x, double y, double w, double h) throws IOException {
            o.ascii("<rect x=\"").num(x).ascii("\" y=\"").num(y).ascii("\" width=\"").num(w).ascii("\" height=\"")
                    .num(h).ascii("\"/>\n");
        }

        /**
         * One shape with its layer colour: screen x = ox + x·s; screen y = oy + (flipNm − y)·s when flipNm &gt; 0
         * (site coordinates inside a tile or the inset), else oy − y·s (shapes relative to a centre).
         */
        void shape(Shape s, double ox, double sc, double oy, long flipNm) throws IOException {
            String colour = s.layer().svgColour();
            if (s instanceof Rect r) {
                double top = flipNm > 0 ? oy + (flipNm - r.maxY()) * sc : oy - r.maxY() * sc;
                o.ascii("<rect x=\"").num(ox + r.minX() * sc).ascii("\" y=\"").num(top).ascii("\" width=\"")
                        .num(r.widthNm() * sc).ascii("\" height=\"").num(r.heightNm() * sc).ascii("\" fill=\"")
                        .ascii(colour).ascii("\"/>\n");
            } else {
                o.ascii("<polygon points=\"");
                for (int i = 0; i < s.vertexCount(); i++) {
                    double y = flipNm > 0 ? oy + (flipNm - s.y(i)) * sc : oy - s.y(i) * sc;
                    num(ox + s.x(i) * sc).ch(',').num(y).ch(' ');
                }
                o.ascii("\" fill=\"").ascii(colour).ascii("\"/>\n");
            }
        }
    }

    static long niceLengthNm(long maxNm) {
        long p = 1;
        while (p * 10 <= maxNm) {
            p *= 10;
        }
        if (5 * p <= maxNm) {
            return 5 * p;
        }
        return 2 * p <= maxNm ? 2 * p : Math.max(1, p);
    }

    static String mmText(long nm) {
        return BigDecimal.valueOf(nm, 6).stripTrailingZeros().toPlainString();
    }

    static String round(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static String zoom(double factor) {
        return "×" + (factor >= 10 ? String.valueOf(Math.round(factor)) : round(factor));
    }
}

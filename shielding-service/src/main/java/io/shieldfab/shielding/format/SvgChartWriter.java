package io.shieldfab.shielding.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Draws SE versus frequency as a standalone SVG: logarithmic frequency axis, the enclosure (Robinson), aperture,
 * solid-wall and seam curves, the target line, checked harmonics as dotted verticals and cavity resonances as
 * triangles on the top edge. Deterministic output for the same chart.
 */
public final class SvgChartWriter {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;
    private static final double Y_FLOOR_DB = -60;
    private static final double Y_CEILING_DB = 200;
    /** The full-wave curve's colour (teal: apart from the analytic blues, oranges and greens). */
    private static final String FULLWAVE = "#00897b";

    /** Characters a line of the legend's column holds (RIGHT less the swatch, at the chart's font size). */
    private static final int LEGEND_CHARS = 25;

    /** The legend's line spacing within one entry, px. */
    private static final int LEGEND_LINE = 14;

    /** The full-wave curve where its figures are lower bounds. */
    private static final String LOWER_BOUND = " stroke-dasharray=\"5,4\"";

    private SvgChartWriter() {
    }

    public static String write(SeChart chart) {
        List<SeChart.Point> pts = chart.points();
        if (pts.size() < 2) {
            throw new IllegalArgumentException("a chart needs at least two sweep points");
        }
        Axes ax = Axes.of(chart);
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"16\" font-weight=\"bold\">")
                .append(escape(chart.title())).append("</text>\n");
        gridAndAxes(s, ax);
        harmonics(s, chart.harmonics(), ax);
        if (chart.minSeDb() >= ax.yMin() && chart.minSeDb() <= ax.yMax()) {
            double y = ax.y(chart.minSeDb());
            s.append(line(LEFT, y, WIDTH - RIGHT, y, " stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"8,4\""));
        }
        curves(s, pts, ax);
        fullwave(s, chart.fullwave(), ax);
        resonances(s, chart.resonances(), ax);
        legend(s, chart, ax);
        s.append("</svg>\n");
        return s.toString();
    }

    /** The plot's scales: the sweep's frequency span, and an SE span that holds every value and the target. */
    private record Axes(double fMin, double fMax, double yMin, double yMax) {

        static Axes of(SeChart chart) {
            List<SeChart.Point> pts = chart.points();
            double lo = Math.min(0, chart.minSeDb());
            double hi = chart.minSeDb() + 20;
            for (SeChart.Point p : pts) {
                for (Double v : new Double[] {p.enclosureSeDb(), p.apertureSeDb(), p.solidWallSeDb(), p.seamSeDb()}) {
                    if (v != null) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            for (SeChart.FullwavePoint p : chart.fullwave()) {
                if (p.seDb() != null) {
                    lo = Math.min(lo, p.seDb());
                    hi = Math.max(hi, p.seDb());
                }
            }
            return new Axes(pts.get(0).frequencyHz(), pts.get(pts.size() - 1).frequencyHz(),
                    Math.max(Y_FLOOR_DB, Math.floor(lo / 10.0) * 10.0), Math.min(Y_CEILING_DB, Math.ceil(hi / 10.0) * 10.0));
        }

        double x(double f) {
            return LEFT + (Math.log(f / fMin) / Math.log(fMax / fMin)) * (WIDTH - LEFT - RIGHT);
        }

        double y(double db) {
            double v = Math.max(yMin, Math.min(yMax, db));
            return HEIGHT - BOTTOM - (v - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }

        double yStep() {
            return (yMax - yMin) > 120 ? 20 : 10;
        }

        boolean inRange(double f) {
            return f >= fMin && f <= fMax;
        }
    }

    /** Grid lines, the plot frame, tick labels and axis titles. */
    private static void gridAndAxes(StringBuilder s, Axes ax) {
        s.append("<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n");
        List<double[]> xTicks = xTicks(ax.fMin(), ax.fMax());
        for (double[] t : xTicks) {
            double x = ax.x(t[0]);
            s.append(line(x, TOP, x, HEIGHT - BOTTOM, t[1] > 0 ? "" : " stroke-dasharray=\"2,3\""));
        }
        double yStep = ax.yStep();
        for (double v = Math.ceil(ax.yMin() / yStep) * yStep; v <= ax.yMax() + 1e-9; v += yStep) {
            s.append(line(LEFT, ax.y(v), WIDTH - RIGHT, ax.y(v), ""));
        }
        s.append("</g>\n");
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(WIDTH - LEFT - RIGHT)
                .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        s.append("<g fill=\"#333\">\n");
        for (double[] t : xTicks) {
            if (t[1] > 0) {
                s.append(text(ax.x(t[0]), HEIGHT - BOTTOM + 18, "middle", frequencyLabel(t[0])));
            }
        }
        for (double v = Math.ceil(ax.yMin() / yStep) * yStep; v <= ax.yMax() + 1e-9; v += yStep) {
            s.append(text(LEFT - 8, ax.y(v) + 4, "end", fmt(v, 0)));
        }
        s.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 18, "middle", "frequency (log scale)"));
        s.append("<text transform=\"translate(20,").append(fmt(TOP + (HEIGHT - TOP - BOTTOM) / 2.0, 1))
                .append(") rotate(-90)\" text-anchor=\"middle\">shielding effectiveness (dB)</text>\n");
        s.append("</g>\n");
    }

    /** Checked harmonics as dotted verticals; labels thinned to about 20 so that they stay readable. */
    private static void harmonics(StringBuilder s, List<SeChart.Marker> harmonics, Axes ax) {
        int every = Math.max(1, (int) Math.ceil(harmonics.size() / 20.0));
        for (int i = 0; i < harmonics.size(); i++) {
            SeChart.Marker m = harmonics.get(i);
            if (!ax.inRange(m.frequencyHz())) {
                continue;
            }
            double x = ax.x(m.frequencyHz());
            String colour = m.highlighted() ? "#c62828" : "#607d8b";
            s.append(line(x, TOP, x, HEIGHT - BOTTOM, " stroke=\"" + colour + "\" stroke-dasharray=\"1,3\""));
            if (i % every == 0) {
                s.append("<text x=\"").append(fmt(x + 3, 1)).append("\" y=\"").append(HEIGHT - BOTTOM - 6)
                        .append("\" fill=\"").append(colour).append("\" font-size=\"10\">").append(escape(m.label()))
                        .append("</text>\n");
            }
        }
    }

    /** The three SE curves, clipped to the plot. */
    private static void curves(StringBuilder s, List<SeChart.Point> pts, Axes ax) {
        s.append("<defs><clipPath id=\"plot\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                .append("\"/></clipPath></defs>\n<g clip-path=\"url(#plot)\" fill=\"none\" stroke-width=\"1.6\">\n");
        polyline(s, pts, ax, p -> p.solidWallSeDb(), "#9e9e9e", "");
        polyline(s, pts, ax, SeChart.Point::apertureSeDb, "#ef6c00", " stroke-dasharray=\"6,3\"");
        polyline(s, pts, ax, SeChart.Point::enclosureSeDb, "#1565c0", "");
        polyline(s, pts, ax, SeChart.Point::seamSeDb, "#2e7d32", " stroke-dasharray=\"2,2\"");
        s.append("</g>\n");
    }

    /**
     * The full-wave curve over the analytic ones, clipped to the plot like them: solid where its figures are values,
     * dashed where they are lower bounds, the two stretches meeting at the point between them.
     */
    private static void fullwave(StringBuilder s, List<SeChart.FullwavePoint> pts, Axes ax) {
        if (pts.isEmpty()) {
            return;
        }
        s.append("<g clip-path=\"url(#plot)\" fill=\"none\" stroke-width=\"2.2\">\n");
        StringBuilder run = new StringBuilder();
        int count = 0;
        boolean bound = false;
        String last = null;
        for (SeChart.FullwavePoint p : pts) {
            if (p.seDb() == null) {
                count = flush(s, run, count, FULLWAVE, bound ? LOWER_BOUND : "");
                last = null;
                continue;
            }
            String point = fmt(ax.x(p.frequencyHz()), 2) + ',' + fmt(ax.y(p.seDb()), 2) + ' ';
            if (count > 0 && p.lowerBound() != bound) {
                flush(s, run, count, FULLWAVE, bound ? LOWER_BOUND : "");
                run.append(last);
                count = 1;
            }
            bound = p.lowerBound();
            run.append(point);
            last = point;
            count++;
        }
        flush(s, run, count, FULLWAVE, bound ? LOWER_BOUND : "");
        s.append("</g>\n");
    }

    /** Resonances as triangles on the top edge; labels only where they do not overlap the previous one. */
    private static void resonances(StringBuilder s, List<SeChart.Marker> resonances, Axes ax) {
        double lastLabelX = -1e9;
        for (SeChart.Marker m : resonances) {
            if (!ax.inRange(m.frequencyHz())) {
                continue;
            }
            double x = ax.x(m.frequencyHz());
            String colour = m.highlighted() ? "#c62828" : "#6a1b9a";
            s.append("<path d=\"M").append(fmt(x - 5, 1)).append(',').append(TOP - 10).append(" L").append(fmt(x + 5, 1))
                    .append(',').append(TOP - 10).append(" L").append(fmt(x, 1)).append(',').append(TOP)
                    .append(" Z\" fill=\"").append(colour).append("\"><title>").append(escape(m.label())).append(' ')
                    .append(frequencyLabel(m.frequencyHz())).append("</title></path>\n");
            if (m.highlighted() && x - lastLabelX > 44) {
                lastLabelX = x;
                s.append("<text x=\"").append(fmt(x, 1)).append("\" y=\"").append(TOP - 14)
                        .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"").append(colour).append("\">")
                        .append(escape(m.label())).append("</text>\n");
            }
        }
    }

    private static void legend(StringBuilder s, SeChart chart, Axes ax) {
        int lx = WIDTH - RIGHT + 16;
        int ly = TOP + 10;
        legend(s, lx, ly, "#1565c0", "", "enclosure SE (Robinson)");
        legend(s, lx, ly + 20, "#ef6c00", " stroke-dasharray=\"6,3\"", "aperture SE");
        boolean wallOffScale = chart.points().stream().allMatch(p -> p.solidWallSeDb() > ax.yMax());
        legend(s, lx, ly + 40, "#9e9e9e", "", wallOffScale ? "solid wall SE (> " + fmt(ax.yMax(), 0) + " dB)" : "solid wall SE");
        legend(s, lx, ly + 60, "#c62828", " stroke-dasharray=\"8,4\"", "target " + fmt(chart.minSeDb(), 1) + " dB");
        legend(s, lx, ly + 80, "#607d8b", " stroke-dasharray=\"1,3\"", "checked harmonics");
        s.append("<path d=\"M").append(lx).append(',').append(ly + 95).append(" L").append(lx + 10).append(',')
                .append(ly + 95).append(" L").append(lx + 5).append(',').append(ly + 105).append(" Z\" fill=\"#6a1b9a\"/>\n");
        s.append(text(lx + 30, ly + 104, "start", "cavity resonance"));
        int next = ly + 124;
        if (chart.points().stream().anyMatch(p -> p.seamSeDb() != null)) {
            legend(s, lx, next, "#2e7d32", " stroke-dasharray=\"2,2\"", "seam SE (rim to board)");
            next += 20;
        }
        if (chart.fullwaveLabel() != null) {
            next += 20 + LEGEND_LINE * (legend(s, lx, next, FULLWAVE, "", chart.fullwaveLabel()) - 1);
        }
        if (chart.fullwave().stream().anyMatch(p -> p.seDb() != null && p.lowerBound())) {
            legend(s, lx, next, FULLWAVE, LOWER_BOUND, "lower bound (floor)");
        }
    }

    private static void polyline(StringBuilder s, List<SeChart.Point> pts, Axes ax, Function<SeChart.Point, Double> value,
                                 String colour, String extra) {
        StringBuilder run = new StringBuilder();
        int count = 0;
        for (SeChart.Point p : pts) {
            Double v = value.apply(p);
            if (v == null) {
                count = flush(s, run, count, colour, extra);
                continue;
            }
            run.append(fmt(ax.x(p.frequencyHz()), 2)).append(',').append(fmt(ax.y(v), 2)).append(' ');
            count++;
        }
        flush(s, run, count, colour, extra);
    }

    private static int flush(StringBuilder s, StringBuilder run, int count, String colour, String extra) {
        if (count >= 2) {
            s.append("<polyline stroke=\"").append(colour).append('"').append(extra).append(" points=\"")
                    .append(run.toString().trim()).append("\"/>\n");
        }
        run.setLength(0);
        return 0;
    }

    /**
     * A legend entry: its swatch and its label, broken at spaces into lines of at most {@link #LEGEND_CHARS}
     * characters when longer than the legend's column holds (one longer word stays whole); returns the lines drawn.
     */
    private static int legend(StringBuilder s, int x, int y, String colour, String extra, String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > LEGEND_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        s.append(line(x, y, x + 22, y, " stroke=\"" + colour + "\" stroke-width=\"2\"" + extra));
        if (lines.size() == 1) {
            s.append(text(x + 30, y + 4, "start", label));
            return 1;
        }
        s.append("<text x=\"").append(x + 30).append("\" y=\"").append(y + 4).append("\" text-anchor=\"start\">");
        for (int i = 0; i < lines.size(); i++) {
            s.append("<tspan x=\"").append(x + 30).append("\" dy=\"").append(i == 0 ? 0 : LEGEND_LINE).append("\">")
                    .append(escape(lines.get(i))).append("</tspan>");
        }
        s.append("</text>\n");
        return lines.size();
    }

    /** Decade ticks {f, 1} and, over short spans, 2× and 5× ticks {f, 1} or unlabelled {f, 0}. */
    static List<double[]> xTicks(double fMin, double fMax) {
        List<double[]> out = new ArrayList<>();
        int d0 = (int) Math.floor(Math.log10(fMin));
        int d1 = (int) Math.ceil(Math.log10(fMax));
        boolean dense = d1 - d0 <= 3;
        for (int d = d0; d <= d1; d++) {
            for (int m = 1; m <= 9; m++) {
                double f = m * Math.pow(10, d);
                if (f < fMin * (1 - 1e-9) || f > fMax * (1 + 1e-9)) {
                    continue;
                }
                boolean labelled = m == 1 || (dense && (m == 2 || m == 5));
                out.add(new double[] {f, labelled ? 1 : 0});
            }
        }
        return out;
    }

    static String frequencyLabel(double f) {
        String[] units = {"Hz", "kHz", "MHz", "GHz", "THz"};
        int i = 0;
        double v = f;
        while (v >= 1000 * (1 - 1e-9) && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        String n = Math.abs(v - Math.rint(v)) < 1e-6 ? String.valueOf((long) Math.rint(v)) : fmt(v, 2);
        return n + " " + units[i];
    }

    private static String line(double x1, double y1, double x2, double y2, String extra) {
        return "<line x1=\"" + fmt(x1, 1) + "\" y1=\"" + fmt(y1, 1) + "\" x2=\"" + fmt(x2, 1) + "\" y2=\"" + fmt(y2, 1)
                + "\"" + extra + "/>\n";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + fmt(x, 1) + "\" y=\"" + fmt(y, 1) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
                + "</text>\n";
    }

    static String fmt(double v, int decimals) {
        String out = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return out.matches("-0(\\.0*)?") ? out.substring(1) : out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.shieldfab.shielding.fullwave;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a {@link FullwaveModel} as openEMS's XML input (an {@code <openEMS>} document: the FDTD settings and the
 * CSXCAD structure), the can model or the reference without the can. Deterministic: the same model gives the same
 * text (numbers to 9 significant digits, fixed order), so the same evaluation always exports the same files.
 */
public final class OpenEmsXml {

    /** Time steps at most; the run ends earlier once the field energy has fallen by {@link #END_CRITERIA}. */
    public static final int MAX_TIMESTEPS = 200_000;

    /** Energy decay that ends the run: 1e-4 is −40 dB. */
    public static final double END_CRITERIA = 1e-4;

    private static final MathContext DIGITS = new MathContext(9);

    /** π as openEMS's function parser reads it (it has no constant of its own). */
    private static final String PI = "3.14159265358979";

    private OpenEmsXml() {
    }

    /** The model with the can ({@code withCan}) or without it (the reference), up to {@link #MAX_TIMESTEPS}. */
    public static String write(FullwaveModel m, boolean withCan, String comment) {
        return write(m, withCan, comment, MAX_TIMESTEPS, END_CRITERIA);
    }

    /**
     * The same for a verification run: exactly {@code timesteps}, with an end criteria never reached. openEMS checks the
     * energy at its progress reports, every few seconds of wall time, so a run ended by the criteria stops at a step
     * that depends on the machine; a fixed count gives the same numbers everywhere (docs/shielding.md,
     * "Verification runs").
     */
    public static String writeFixedLength(FullwaveModel m, boolean withCan, String comment, int timesteps) {
        return write(m, withCan, comment, timesteps, NEVER);
    }

    /**
     * An end criteria no run reaches (−300 dB): openEMS reads 0 as its default, −60 dB, where the Wi-Fi reference
     * stopped after 54,522 steps of a 200,000-step run.
     */
    static final double NEVER = 1e-30;

    private static String write(FullwaveModel m, boolean withCan, String comment, int timesteps, double endCriteria) {
        StringBuilder s = new StringBuilder(64 * 1024);
        double fmax = m.maxFrequencyHz();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<!-- ").append(comment.replace("--", "- -")).append(" -->\n");
        s.append("<openEMS>\n");
        s.append("  <FDTD NumberOfTimesteps=\"").append(timesteps).append("\" endCriteria=\"").append(n(endCriteria))
                .append("\" f_max=\"").append(n(fmax)).append("\">\n");
        // A Gaussian-modulated sine, odd about its centre, so without any DC (FullwaveModel.Pulse); f0 is
        // the highest frequency, from which openEMS sets the probes' sampling for a custom signal (Type 10)
        s.append("    <Excitation Type=\"10\" f0=\"").append(n(fmax)).append("\" Function=\"sin(2*").append(PI)
                .append('*').append(n(m.pulse().centreHz())).append("*(t-").append(n(m.pulse().delayS()))
                .append("))*exp(-((t-").append(n(m.pulse().delayS())).append(")/").append(n(m.pulse().widthS()))
                .append(")^2)\"/>\n");
        // the board's ground plane is the lower boundary; the other faces absorb (Mur, first order)
        s.append("    <BoundaryCond xmin=\"MUR\" xmax=\"MUR\" ymin=\"MUR\" ymax=\"MUR\" zmin=\"PEC\" zmax=\"MUR\"/>\n");
        s.append("  </FDTD>\n");
        s.append("  <ContinuousStructure CoordSystem=\"0\">\n");
        s.append("    <Properties>\n");
        double hx = m.cavityLengthMm() / 2;
        double hy = m.cavityWidthMm() / 2;
        double d = m.cavityDepthMm();
        s.append("      <Material Name=\"fill\">\n        <Property Epsilon=\"").append(n(m.fillPermittivity()))
                .append("\" Kappa=\"").append(n(m.fillConductivitySPerM())).append("\"/>\n        <Primitives>\n");
        box(s, 1, -hx, -hy, 0, hx, hy, d);
        s.append("        </Primitives>\n      </Material>\n");
        if (withCan) {
            can(s, m);
        }
        if (m.source() == FullwaveModel.Source.MAGNETIC_DIPOLE) {
            // H_z lies at the centres of the cells' faces: a box from the line before the axis to the line after
            // it, in x and y, holds the four H_z nodes round the axis (a zero-width box would hold none)
            s.append("      <Excitation Name=\"dipole\" Type=\"2\" Excite=\"0,0,1\">\n        <Primitives>\n");
            box(s, 0, around(m.x(), false), around(m.y(), false), m.sourceZ1Mm(), around(m.x(), true),
                    around(m.y(), true), m.sourceZ2Mm());
        } else {
            s.append("      <Excitation Name=\"dipole\" Type=\"0\" Excite=\"0,0,1\">\n        <Primitives>\n");
            box(s, 0, 0, 0, m.sourceZ1Mm(), 0, 0, m.sourceZ2Mm());
        }
        s.append("        </Primitives>\n      </Excitation>\n");
        for (FullwaveModel.Probe p : m.probes()) {
            s.append("      <ProbeBox Name=\"").append(p.name()).append("\" Type=\"2\" Weight=\"1\">\n        <Primitives>\n");
            box(s, 0, p.xMm(), p.yMm(), p.zMm(), p.xMm(), p.yMm(), p.zMm());
            s.append("        </Primitives>\n      </ProbeBox>\n");
        }
        s.append("    </Properties>\n");
        s.append("    <RectilinearGrid DeltaUnit=\"0.001\" CoordSystem=\"0\">\n");
        lines(s, "XLines", m.x());
        lines(s, "YLines", m.y());
        lines(s, "ZLines", m.z());
        s.append("    </RectilinearGrid>\n");
        s.append("  </ContinuousStructure>\n");
        s.append("</openEMS>\n");
        return s.toString();
    }

    /** The mesh line just after the axis (0, always a line: FullwaveModel), or just before it. */
    private static double around(List<Double> lines, boolean after) {
        int axis = lines.indexOf(0.0);
        return lines.get(after ? axis + 1 : axis - 1);
    }

    /** The can: the roof, then each side wall as the rectangles its openings leave. */
    private static void can(StringBuilder s, FullwaveModel m) {
        double hx = m.cavityLengthMm() / 2;
        double hy = m.cavityWidthMm() / 2;
        double d = m.cavityDepthMm();
        FullwaveModel.Walls w = m.walls();
        if (w.perfect()) {
            s.append("      <Metal Name=\"can\">\n        <Primitives>\n");
        } else {
            s.append("      <ConductingSheet Name=\"can\" Conductivity=\"").append(n(w.conductivitySPerM()))
                    .append("\" Thickness=\"").append(n(w.thicknessUm() * 1e-6)).append("\">\n        <Primitives>\n");
        }
        // the roof, then each side wall as the rectangles its openings leave
        box(s, 10, -hx, -hy, d, hx, hy, d);
        for (FullwaveModel.Wall wall : FullwaveModel.Wall.values()) {
            for (double[] r : wallPieces(m, wall)) {
                switch (wall) {
                    case X_MIN -> box(s, 10, -hx, r[0], r[2], -hx, r[1], r[3]);
                    case X_MAX -> box(s, 10, hx, r[0], r[2], hx, r[1], r[3]);
                    case Y_MIN -> box(s, 10, r[0], -hy, r[2], r[1], -hy, r[3]);
                    case Y_MAX -> box(s, 10, r[0], hy, r[2], r[1], hy, r[3]);
                }
            }
        }
        s.append("        </Primitives>\n      </").append(w.perfect() ? "Metal" : "ConductingSheet").append(">\n");
    }

    /**
     * The metal of one side wall as rectangles {along1, along2, z1, z2}: the strip above the tallest hole, and below
     * it, along the wall, each stretch from the top of whatever is open there (the openings and the seam's gaps, all
     * from the board up; where they overlap, the taller) up to that strip.
     */
    static List<double[]> wallPieces(FullwaveModel m, FullwaveModel.Wall wall) {
        double half = wall == FullwaveModel.Wall.X_MIN || wall == FullwaveModel.Wall.X_MAX
                ? m.cavityWidthMm() / 2 : m.cavityLengthMm() / 2;
        List<FullwaveModel.Opening> holes = m.holesIn(wall);
        List<double[]> pieces = new ArrayList<>();
        double top = holes.stream().mapToDouble(FullwaveModel.Opening::heightMm).max().orElse(0);
        if (top < m.cavityDepthMm()) {
            pieces.add(new double[] {-half, half, top, m.cavityDepthMm()});
        }
        if (top <= 0) {
            return pieces;
        }
        TreeSet<Double> edges = new TreeSet<>(List.of(MeshLines.rounded(-half), MeshLines.rounded(half)));
        for (FullwaveModel.Opening o : holes) {
            // rounded as the mesh lines are: edges that meet (an opening's and a gap's) are one edge
            edges.add(MeshLines.rounded(Math.max(-half, o.centreMm() - o.lengthMm() / 2)));
            edges.add(MeshLines.rounded(Math.min(half, o.centreMm() + o.lengthMm() / 2)));
        }
        Double from = null;
        for (double to : edges) {
            if (from != null && to - from > MeshLines.SNAP_MM) {
                double open = openAt(holes, (from + to) / 2);
                if (open < top) {
                    pieces.add(new double[] {from, to, open, top});
                }
            }
            from = to;
        }
        return pieces;
    }

    /** How high the wall is open at a point along it: the tallest hole there, 0 where none is. */
    private static double openAt(List<FullwaveModel.Opening> holes, double along) {
        double open = 0;
        for (FullwaveModel.Opening o : holes) {
            if (Math.abs(along - o.centreMm()) < o.lengthMm() / 2) {
                open = Math.max(open, o.heightMm());
            }
        }
        return open;
    }

    private static void box(StringBuilder s, int priority, double x1, double y1, double z1, double x2, double y2, double z2) {
        s.append("          <Box Priority=\"").append(priority).append("\">\n");
        s.append("            <P1 X=\"").append(mm(x1)).append("\" Y=\"").append(mm(y1)).append("\" Z=\"").append(mm(z1)).append("\"/>\n");
        s.append("            <P2 X=\"").append(mm(x2)).append("\" Y=\"").append(mm(y2)).append("\" Z=\"").append(mm(z2)).append("\"/>\n");
        s.append("          </Box>\n");
    }

    private static void lines(StringBuilder s, String tag, List<Double> values) {
        s.append("      <").append(tag).append(" Qty=\"").append(values.size()).append("\">")
                .append(values.stream().map(OpenEmsXml::mm).collect(Collectors.joining(",")))
                .append("</").append(tag).append(">\n");
    }

    /** A coordinate, mm, rounded as the mesh lines are ({@link MeshLines#rounded}). */
    static String mm(double v) {
        return n(MeshLines.rounded(v));
    }

    /** A number to 9 significant digits without trailing zeros, in plain notation from 1e-4 to 1e15. */
    static String n(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v, DIGITS).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
    }
}

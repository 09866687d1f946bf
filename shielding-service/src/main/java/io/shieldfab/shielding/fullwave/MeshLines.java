package io.shieldfab.shielding.fullwave;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * The mesh lines of one axis of an openEMS rectilinear grid, by openEMS's meshing rules (docs/shielding.md,
 * "Full-wave model"): every edge of the structure on a line (the fixed lines), no cell larger than the local limit
 * (λ/20 in the medium there at the highest frequency), and neighbouring cells differing by at most a factor
 * {@link #MAX_RATIO} (smooth grading: an abrupt change of cell size reflects waves in the FDTD scheme).
 *
 * <p>Between two fixed lines the cells grow geometrically from the finer neighbour on each side, by at most
 * {@link #MAX_RATIO} per cell, up to the local limit; what is left in the middle is shared by the last cells of both
 * sides so that no cell is much smaller than its neighbours either.
 */
public final class MeshLines {

    /** Largest ratio of two neighbouring cells (openEMS's guideline is 1.5 or less). */
    public static final double MAX_RATIO = 1.5;

    /** Fixed lines closer than this (mm) are one line. */
    static final double SNAP_MM = 1e-6;

    private MeshLines() {
    }

    /**
     * @param fixed      the lines the structure needs, mm (at least two)
     * @param maxCellAt  the largest cell allowed at a coordinate, mm
     * @return every line, ascending
     */
    public static List<Double> smooth(SortedSet<Double> fixed, DoubleUnaryOperator maxCellAt) {
        List<Double> lines = snapped(fixed);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("an axis needs two lines at least");
        }
        // A gap is filled against its neighbours as they stand; once they are filled in turn, a cell at the edge of
        // a gap may be too large for the finer cells now beside it: fill again, against the new neighbours, until
        // nothing changes (each pass only adds lines, and cells only get smaller).
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Double> next = pass(lines, maxCellAt);
            if (next.size() == lines.size()) {
                return next;
            }
            lines = next;
        }
        throw new IllegalStateException("the mesh did not settle in " + MAX_PASSES + " passes");
    }

    private static final int MAX_PASSES = 200;

    /** Rounds a coordinate to 0.1 nm: mesh lines and the structure's edges compare equal once both are rounded. */
    public static double rounded(double mm) {
        double r = Math.round(mm * 1e7) / 1e7;
        return r == 0 ? 0 : r;
    }

    private static List<Double> pass(List<Double> anchors, DoubleUnaryOperator maxCellAt) {
        // The cell at each anchor's sides before filling: the smaller fixed gap next to it bounds how fine the
        // mesh must start there.
        List<Double> lines = new ArrayList<>();
        lines.add(anchors.get(0));
        for (int i = 0; i + 1 < anchors.size(); i++) {
            double a = anchors.get(i);
            double b = anchors.get(i + 1);
            double left = i == 0 ? Double.POSITIVE_INFINITY : a - anchors.get(i - 1);
            double right = i + 2 >= anchors.size() ? Double.POSITIVE_INFINITY : anchors.get(i + 2) - b;
            lines.addAll(fill(a, b, Math.min(left, b - a), Math.min(right, b - a), maxCellAt));
            lines.add(b);
        }
        return lines;
    }

    /** The interior lines of the gap (a, b) whose outer neighbour cells are {@code left} and {@code right}. */
    private static List<Double> fill(double a, double b, double left, double right, DoubleUnaryOperator maxCellAt) {
        List<Double> fromLeft = new ArrayList<>();
        List<Double> fromRight = new ArrayList<>();
        double x = a;
        double y = b;
        double cellLeft = left;
        double cellRight = right;
        while (true) {
            double gap = y - x;
            double limit = Math.min(maxCellAt.applyAsDouble((x + y) / 2), MAX_RATIO * Math.min(cellLeft, cellRight));
            if (gap <= limit * (1 + 1e-9)) {
                break;
            }
            // grow from the finer side
            if (cellLeft <= cellRight) {
                double step = Math.min(MAX_RATIO * cellLeft, maxCellAt.applyAsDouble(x));
                if (gap - step < step / MAX_RATIO) {
                    // the rest would be too small a cell: share the gap in two
                    fromLeft.add(x + gap / 2);
                    break;
                }
                x += step;
                fromLeft.add(x);
                cellLeft = step;
            } else {
                double step = Math.min(MAX_RATIO * cellRight, maxCellAt.applyAsDouble(y));
                if (gap - step < step / MAX_RATIO) {
                    fromLeft.add(y - gap / 2);
                    break;
                }
                y -= step;
                fromRight.add(0, y);
                cellRight = step;
            }
        }
        fromLeft.addAll(fromRight);
        return fromLeft;
    }

    private static List<Double> snapped(SortedSet<Double> fixed) {
        List<Double> out = new ArrayList<>();
        TreeSet<Double> rounded = new TreeSet<>();
        fixed.forEach(v -> rounded.add(rounded(v)));
        for (double v : rounded) {
            if (out.isEmpty() || v - out.get(out.size() - 1) > SNAP_MM) {
                out.add(v);
            }
        }
        return out;
    }

    /** The largest ratio of neighbouring cells. */
    public static double maxRatio(List<Double> lines) {
        double worst = 1;
        for (int i = 1; i + 1 < lines.size(); i++) {
            double c1 = lines.get(i) - lines.get(i - 1);
            double c2 = lines.get(i + 1) - lines.get(i);
            worst = Math.max(worst, Math.max(c1 / c2, c2 / c1));
        }
        return worst;
    }
}

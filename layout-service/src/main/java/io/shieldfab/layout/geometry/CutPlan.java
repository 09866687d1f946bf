package io.shieldfab.layout.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * The singulation cut list (claim 1: sever the element between depressions). Every site boundary is cut
 * edge to edge of the panel, so each package ends with its own shield and the margin frame comes off:
 * {@code rows + 1} cuts along X and {@code columns + 1} along Y.
 */
public final class CutPlan {

    private CutPlan() {
    }

    /** Cuts along X bottom to top, then cuts along Y left to right. */
    public static List<Cut> cuts(LayoutSpec s) {
        List<Cut> out = new ArrayList<>(s.rows() + s.columns() + 2);
        for (int r = 0; r <= s.rows(); r++) {
            out.add(new Cut(Cut.Axis.X, s.marginNm() + r * s.pitchYNm(), s.panelWidthNm()));
        }
        for (int c = 0; c <= s.columns(); c++) {
            out.add(new Cut(Cut.Axis.Y, s.marginNm() + c * s.pitchXNm(), s.panelHeightNm()));
        }
        return out;
    }

    /** Total length of all cuts, nm: (rows + 1)·W + (columns + 1)·H. */
    public static long totalLengthNm(LayoutSpec s) {
        return (s.rows() + 1L) * s.panelWidthNm() + (s.columns() + 1L) * s.panelHeightNm();
    }
}

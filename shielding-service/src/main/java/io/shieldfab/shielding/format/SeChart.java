package io.shieldfab.shielding.format;

import java.util.List;

/**
 * What the SE chart shows. Pure data.
 *
 * @param title       headline (design name and verdict)
 * @param minSeDb     the target line, dB
 * @param points      the sweep, ascending frequency
 * @param harmonics   checked frequencies to mark
 * @param resonances  cavity modes to mark
 * @param fullwave    SE from a full-wave verification run, ascending frequency; empty when there is none
 * @param fullwaveLabel its legend entry, or null without one
 */
public record SeChart(String title, double minSeDb, List<Point> points, List<Marker> harmonics, List<Marker> resonances,
                      List<FullwavePoint> fullwave, String fullwaveLabel) {

    /** A chart of the analytic figures alone. */
    public SeChart(String title, double minSeDb, List<Point> points, List<Marker> harmonics, List<Marker> resonances) {
        this(title, minSeDb, points, harmonics, resonances, List.of(), null);
    }

    /**
     * A point of the full-wave curve; a null SE (no field reached the probes) is not drawn, a lower bound (the can's
     * field on the solver's rounding floor, docs/shielding.md "Rounding floor") is drawn dashed.
     */
    public record FullwavePoint(double frequencyHz, Double seDb, boolean lowerBound) {
    }

    /** One sweep point; a null series value is not drawn (seamSeDb: the seam between rim and board). */
    public record Point(double frequencyHz, Double enclosureSeDb, Double apertureSeDb, double solidWallSeDb,
                        Double seamSeDb) {

        /** A point without a seam line. */
        public Point(double frequencyHz, Double enclosureSeDb, Double apertureSeDb, double solidWallSeDb) {
            this(frequencyHz, enclosureSeDb, apertureSeDb, solidWallSeDb, null);
        }
    }

    /**
     * @param frequencyHz where
     * @param label       e.g. H3 or TM110
     * @param highlighted drawn in the warning colour (failing harmonic, flagged resonance)
     */
    public record Marker(double frequencyHz, String label, boolean highlighted) {
    }
}

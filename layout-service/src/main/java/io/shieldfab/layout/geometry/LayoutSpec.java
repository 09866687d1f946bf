package io.shieldfab.layout.geometry;

import io.shieldfab.design.Design;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.geometry.DepressionGeometry;

/**
 * Everything the layout generator needs, on the integer nanometre grid: the panel (name, rows, columns, margin)
 * around the one {@link DepressionGeometry} that validation, layout and recipe share (docs/layout.md). Lengths are
 * rounded to the nearest nanometre once, by the geometry, so all geometry downstream is exact integer arithmetic;
 * the depression's accessors below delegate to it.
 *
 * <pre>
 *   site (pitchX × pitchY), centred depression, seen from above:
 *   ┌──────────────────────────────┐
 *   │  land      ┌──────────┐      │   cavity  = package + 2 × clearance
 *   │            │▓ wall ▓▓▓│      │   recess  = cavity + 2 × wallTotal  (the mandrel recess = depression outline)
 *   │            │▓ cavity ▓│      │   street  = pitch − recess
 *   │            └──────────┘      │   kerf is centred on the site boundary
 *   └──────────────────────────────┘
 * </pre>
 *
 * @param name       design name
 * @param revision   design revision
 * @param rows       site rows
 * @param columns    site columns
 * @param marginNm   panel margin outside the site array, nm
 * @param depression the depression and its site
 */
public record LayoutSpec(String name, String revision, int rows, int columns, long marginNm,
                         DepressionGeometry depression) {

    /** The most sites a panel may have: the design's 1000 × 1000 (docs/design-document.md), so memory stays bounded. */
    public static final long MAX_SITES = 1_000_000L;

    public LayoutSpec {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be at least 1");
        }
        if ((long) rows * columns > MAX_SITES) {
            throw new IllegalArgumentException("a panel may have at most " + MAX_SITES + " sites");
        }
        if (marginNm < 0 || depression == null) {
            throw new IllegalArgumentException("lengths must be positive");
        }
    }

    /** A spec from its lengths in nm, in the order of the site's {@link DepressionGeometry} (tests and benchmarks). */
    public LayoutSpec(String name, String revision, int rows, int columns, long pitchXNm, long pitchYNm,
                      long marginNm, long kerfNm, long packageLengthNm, long packageWidthNm, long packageHeightNm,
                      long clearanceNm, long thicknessNm, boolean wallSpaceOpen, long recessDepthNm,
                      OpeningStyle openingStyle, int openingsPerWall, long openingLengthNm, long openingHeightNm,
                      long padSizeNm) {
        this(name, revision, rows, columns, marginNm, new DepressionGeometry(pitchXNm, pitchYNm, kerfNm,
                packageLengthNm, packageWidthNm, packageHeightNm, clearanceNm, thicknessNm, wallSpaceOpen,
                recessDepthNm, openingStyle, openingsPerWall, openingLengthNm, openingHeightNm, padSizeNm));
    }

    /** Converts a validated design (defaults applied) to the nanometre grid. */
    public static LayoutSpec from(Design d) {
        return new LayoutSpec(d.name(), d.revision(), d.panel().rows(), d.panel().columns(),
                DepressionGeometry.nm(d.panel().marginMm()), DepressionGeometry.from(d));
    }

    public long siteCount() {
        return (long) rows * columns;
    }

    public long panelWidthNm() {
        return columns * pitchXNm() + 2 * marginNm;
    }

    public long panelHeightNm() {
        return rows * pitchYNm() + 2 * marginNm;
    }

    // The depression's values, delegated so the generator and writers read one spec.

    public long pitchXNm() {
        return depression.pitchXNm();
    }

    public long pitchYNm() {
        return depression.pitchYNm();
    }

    public long kerfNm() {
        return depression.kerfNm();
    }

    public long packageLengthNm() {
        return depression.packageLengthNm();
    }

    public long packageWidthNm() {
        return depression.packageWidthNm();
    }

    public long packageHeightNm() {
        return depression.packageHeightNm();
    }

    public long clearanceNm() {
        return depression.clearanceNm();
    }

    public long thicknessNm() {
        return depression.thicknessNm();
    }

    /** The support is removed before encapsulation: each rib leaves a wall space open to the rear (claim 15). */
    public boolean wallSpaceOpen() {
        return depression.wallSpaceOpen();
    }

    public long recessDepthNm() {
        return depression.recessDepthNm();
    }

    public OpeningStyle openingStyle() {
        return depression.openingStyle();
    }

    public int openingsPerWall() {
        return depression.openingsPerWall();
    }

    public long openingLengthNm() {
        return depression.openingLengthNm();
    }

    public long openingHeightNm() {
        return depression.openingHeightNm();
    }

    public long padSizeNm() {
        return depression.padSizeNm();
    }

    public long wallTotalNm() {
        return depression.wallTotalNm();
    }

    public long cavityXNm() {
        return depression.cavityXNm();
    }

    public long cavityYNm() {
        return depression.cavityYNm();
    }

    public long recessXNm() {
        return depression.recessXNm();
    }

    public long recessYNm() {
        return depression.recessYNm();
    }

    public long streetXNm() {
        return depression.streetXNm();
    }

    public long streetYNm() {
        return depression.streetYNm();
    }

    public int openingsPerSite() {
        return depression.openingsPerSite();
    }
}

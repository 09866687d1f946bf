package io.shieldfab.layout.format;

import io.shieldfab.layout.geometry.LayoutRule;

/**
 * The database unit a GDSII file is written with. GDSII coordinates are signed 32-bit integers (Stream Format
 * Manual: XY is a list of 4-byte signed integers), so at 1 nm the largest coordinate is 2 147 483 647 nm ≈ 2.147 m.
 * A larger panel gets the first coarser unit of 10 nm, 100 nm, 1 µm that fits; coordinates are then rounded
 * half up to that grid. The user unit is always 1 µm.
 *
 * @param dbuNm database unit in nanometres
 */
public record GdsUnits(long dbuNm) {

    static final long[] CANDIDATES_NM = {1, 10, 100, 1000};

    /** User units (µm) per database unit, the first real of the UNITS record. */
    public double userUnitsPerDbu() {
        return dbuNm / 1000.0;
    }

    /** Metres per database unit, the second real of the UNITS record. */
    public double metersPerDbu() {
        return dbuNm * 1e-9;
    }

    /** Nanometres to database units, rounded half up; refuses values outside int32. */
    public int toDbu(long nm) {
        long v = dbuNm == 1 ? nm : Math.floorDiv(nm + dbuNm / 2, dbuNm);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new FormatLimitException(LayoutRule.GDS_COORDINATE_RANGE, "coordinate " + nm + " nm does not fit a signed"
                    + " 32-bit GDSII coordinate at a database unit of " + dbuNm + " nm");
        }
        return (int) v;
    }

    /**
     * The finest unit at which every coordinate up to {@code maxAbsNm} fits in a signed 32-bit integer.
     *
     * @throws FormatLimitException when even 1 µm does not (a panel over 2 km)
     */
    public static GdsUnits forExtent(long maxAbsNm) {
        for (long dbu : CANDIDATES_NM) {
            if (Math.floorDiv(maxAbsNm + dbu / 2, dbu) <= Integer.MAX_VALUE) {
                return new GdsUnits(dbu);
            }
        }
        throw new FormatLimitException(LayoutRule.GDS_COORDINATE_RANGE, "the panel is " + maxAbsNm / 1e6
                + " mm across: too large for GDSII coordinates even at a 1 µm database unit");
    }
}

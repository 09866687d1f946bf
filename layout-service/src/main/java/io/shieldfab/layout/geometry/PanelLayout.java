package io.shieldfab.layout.geometry;

import io.shieldfab.design.Violation;

import java.util.List;

/**
 * A generated panel: one {@link SiteCell} placed on a {@code rows × columns} grid, plus the panel-level
 * shapes. Nothing here grows with the site count except what writers produce when they flatten it.
 *
 * @param spec           the input, on the nanometre grid
 * @param site           the site cell, relative to a site's lower-left corner
 * @param panelShapes    outline and saw streets (panel coordinates)
 * @param fiducial       one fiducial, relative to its centre
 * @param fiducialCentres centres of the three fiducials (lower-left, lower-right, upper-left)
 * @param edgeLabels     row and column indices along the panel edges
 * @param warnings       geometry warnings (e.g. pads that do not fit), as {@code field: message}
 */
public record PanelLayout(
        LayoutSpec spec,
        SiteCell site,
        List<Shape> panelShapes,
        List<Shape> fiducial,
        List<long[]> fiducialCentres,
        List<Label> edgeLabels,
        List<Violation> warnings) {

    public PanelLayout {
        panelShapes = List.copyOf(panelShapes);
        fiducial = List.copyOf(fiducial);
        fiducialCentres = List.copyOf(fiducialCentres);
        edgeLabels = List.copyOf(edgeLabels);
        warnings = List.copyOf(warnings);
    }

    /** x of the lower-left corner of the sites in {@code column} (0-based from the left), nm. */
    public long siteOriginX(int column) {
        return spec.marginNm() + column * spec.pitchXNm();
    }

    /** y of the lower-left corner of the sites in {@code row} (0-based from the bottom), nm. */
    public long siteOriginY(int row) {
        return spec.marginNm() + row * spec.pitchYNm();
    }

    /** The per-site label: rows and columns counted from 1, row 1 at the bottom (y up, as in GDSII). */
    public static String siteLabel(int row, int column) {
        return "R" + (row + 1) + "C" + (column + 1);
    }

    /**
     * Label height for per-site labels: an eighth of the smaller pitch, nm. The longest label, R1000C1000, at about
     * 0.6 × height a character, then spans 0.75 of the pitch and fits across the site.
     */
    public long siteLabelHeightNm() {
        return Math.max(1, Math.min(spec.pitchXNm(), spec.pitchYNm()) / 8);
    }

    public long panelWidthNm() {
        return spec.panelWidthNm();
    }

    public long panelHeightNm() {
        return spec.panelHeightNm();
    }
}

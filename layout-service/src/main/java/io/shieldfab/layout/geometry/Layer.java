package io.shieldfab.layout.geometry;

/**
 * The layer map of docs/layout.md (GDSII datatype 0). DXF uses {@link #dxfName()} for the same meaning,
 * and the SVG preview colours each layer with {@link #svgColour()}.
 */
public enum Layer {
    PANEL_OUTLINE(1, "panel outline", 7, "#222222"),
    MANDREL_RECESS(2, "mandrel recess", 8, "#9e9e9e"),
    DEPRESSION_BOTTOM(3, "depression bottom (inner cavity)", 4, "#8ecae6"),
    SIDE_WALL(4, "side wall", 5, "#1d3557"),
    OPENING(5, "opening / pathway", 1, "#e63946"),
    SAW_STREET(6, "saw street (kerf)", 3, "#2a9d8f"),
    BONDING_PAD(7, "bonding pad", 2, "#f4a261"),
    FIDUCIAL(8, "fiducial", 6, "#7b2cbf"),
    TEXT(9, "text", 7, "#333333"),
    /** TROUGHS: the notches cut into the mandrel rib tops, ℓ + 2t wide (docs/layout.md, "Routes for the encapsulant"). */
    MANDREL_NOTCH(10, "mandrel notch (trough in the rib top)", 30, "#6d4c41"),
    /** SLOTS after support removal: the rear covering layer that closes the wall spaces (claim 15). */
    REAR_COVER(11, "rear cover over the wall spaces", 140, "#ffb703");

    private final int gdsLayer;
    private final String description;
    private final int dxfColour;
    private final String svgColour;

    Layer(int gdsLayer, String description, int dxfColour, String svgColour) {
        this.gdsLayer = gdsLayer;
        this.description = description;
        this.dxfColour = dxfColour;
        this.svgColour = svgColour;
    }

    /** GDSII layer number (datatype is always 0). */
    public int gdsLayer() {
        return gdsLayer;
    }

    /** DXF layer name: the enum name, upper case, no spaces (valid in every DXF version). */
    public String dxfName() {
        return name();
    }

    /** AutoCAD Colour Index used for the DXF layer. */
    public int dxfColour() {
        return dxfColour;
    }

    public String svgColour() {
        return svgColour;
    }

    public String description() {
        return description;
    }
}

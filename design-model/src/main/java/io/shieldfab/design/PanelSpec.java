package io.shieldfab.design;

/**
 * The panel: a rows × columns array of package sites.
 *
 * <pre>
 *   margin ┌───────────────────────────────┐
 *          │ ┌─────┐ street ┌─────┐        │   pitchX = depression outer width + street
 *          │ │ pkg │ ←kerf→ │ pkg │  ...   │   the saw kerf must fit inside the street
 *          │ └─────┘        └─────┘        │
 *          └───────────────────────────────┘
 * </pre>
 *
 * <p>Across fields: the depression's outer footprint (body + 2 × wallClearance + 2 × thickness, per axis) plus the
 * kerf must be less than the pitch; the outline (columns × pitchX + 2 × margin, rows × pitchY + 2 × margin) is at
 * most 2000 mm per side.
 *
 * @param rows      required; site rows (along Y), 1..1000
 * @param columns   required; site columns (along X), 1..1000
 * @param pitchXMm  required; centre-to-centre distance between columns, mm, (0, 500]
 * @param pitchYMm  required; centre-to-centre distance between rows, mm, (0, 500]
 * @param marginMm  panel border outside the outermost sites, mm, [0, 100]; default 3.0
 * @param sawKerfMm width of material the saw (or laser) removes, mm, (0, 5]; default 0.2
 */
public record PanelSpec(
        int rows,
        int columns,
        double pitchXMm,
        double pitchYMm,
        double marginMm,
        double sawKerfMm) {
}

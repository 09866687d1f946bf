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
 * @param rows      site rows, 1..1000
 * @param columns   site columns, 1..1000
 * @param pitchXMm  centre-to-centre distance between columns, mm
 * @param pitchYMm  centre-to-centre distance between rows, mm
 * @param marginMm  panel border outside the outermost sites, mm; default 3.0
 * @param sawKerfMm width of material the saw (or laser) removes, mm; default 0.2
 */
public record PanelSpec(
        int rows,
        int columns,
        double pitchXMm,
        double pitchYMm,
        double marginMm,
        double sawKerfMm) {
}

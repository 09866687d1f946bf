package io.shieldfab.design.process;

import io.shieldfab.design.Design;
import io.shieldfab.design.EncapsulationSpec;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.geometry.FlowRoute;

/**
 * The fill model's input from a valid design and the one depression geometry (docs/physics.md §6, docs/recipe.md
 * "Encapsulation routes"). The route decides what flows where:
 * <ul>
 *   <li>chain: a route that carries flow and is not compression-moulded fills ceil(columns / gatesPerRow)
 *       depressions in series from one gate; solid walls, a blocked route and compression moulding feed every
 *       depression on its own (chain 1). Rows flow along X, through the walls facing along X.</li>
 *   <li>duct length and walls per step: {@link DepressionGeometry#pathwayLengthMm()} and
 *       {@link FlowRoute#wallsPerStep()} (a slot route crosses two walls a step, through the wall space).</li>
 *   <li>step volume: the encapsulant one site needs, pathways and filled wall space included.</li>
 *   <li>venting: a transfer mould clamps on the land, so the air of a depression escapes ahead of the flow only
 *       through pathways that reach the top of the wall (troughs, or slots and gaps of full wall height);
 *       dispensing and compression moulding leave the depressions open above. A wall space the route fills is
 *       closed by the land above and the rear cover below: its air escapes only through slots of full height.</li>
 * </ul>
 */
public final class FillInputs {

    private FillInputs() {
    }

    /** The fill input of a valid design (defaults applied). */
    public static FillInput from(Design design) {
        EncapsulationSpec e = design.encapsulation();
        DepressionGeometry g = DepressionGeometry.from(design);
        FlowRoute route = g.route();
        OpeningsSpec openings = design.shield().openings();
        int perWall = g.openingsPerWall();
        boolean chained = route.carriesFlow() && e.method() != FillMethod.COMPRESSION_MOLD;
        int columns = design.panel().columns();
        int chain = chained ? (columns + e.gatesPerRow() - 1) / e.gatesPerRow() : 1;
        boolean fullHeight = perWall > 0 && DepressionGeometry.nm(openings.heightMm()) >= g.recessDepthNm();
        boolean depressionsVented = e.method() != FillMethod.TRANSFER_MOLD || !route.carriesFlow()
                || route == FlowRoute.TROUGHS || fullHeight;
        boolean wallSpaceVented = !route.fillsWallSpace() || fullHeight;
        return new FillInput(e.method(), e.viscosityPaS(), e.fillerTopCutUm(), e.gelTimeS(), e.pressureKPa(), chain,
                perWall, perWall == 0 ? 0 : openings.lengthMm(), perWall == 0 ? 0 : openings.heightMm(),
                g.pathwayLengthMm().doubleValue(), Math.max(1, route.wallsPerStep()),
                g.encapsulantVolumeMm3().doubleValue(), depressionsVented, wallSpaceVented);
    }

    /** The fill of a valid design under a policy. */
    public static FillResult evaluate(Design design, FillPolicy policy) {
        return FillModel.evaluate(from(design), policy);
    }
}

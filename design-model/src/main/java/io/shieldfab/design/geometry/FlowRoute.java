package io.shieldfab.design.geometry;

import io.shieldfab.design.OpeningsSpec.OpeningStyle;

/**
 * How the flowable encapsulant gets from one depression to the next, from the opening style and whether the support
 * is removed first (docs/recipe.md and docs/layout.md, "Routes for the encapsulant"; docs/claims.md). The deposit
 * covers each mandrel rib as an inverted U: the side walls of two neighbouring depressions on the rib's faces, the
 * land on its top. Layout (metrics, rear-cover layer), recipe (operations, refusal) and the fill model all read the
 * route here, so they cannot disagree.
 */
public enum FlowRoute {
    /** Solid walls: no flow between depressions; each is filled on its own. */
    NONE(false, false, 0),
    /** Claims 13, 16: notches in the rib tops; the plated walls and land form open channels over the rib. */
    TROUGHS(true, false, 1),
    /**
     * Claims 13, 16: slots through the side walls with the support still in place face the solid rib: no flow
     * path. Refused by recipe-service (rule {@code FLOW_PATH}); the design reader warns.
     */
    SLOTS_FACING_RIB(false, false, 0),
    /**
     * Claims 13, 15, 18: with the support removed, slots open into the wall space the rib left; the material flows
     * out of one depression, through the wall space and into the next (two walls a step), filling the wall space
     * too, which a rear covering layer must close meanwhile.
     */
    SLOTS_INTO_WALL_SPACE(true, true, 2),
    /** Claims 22, 23: the rib is a row of posts; the gaps between them run the full wall height, in either stage. */
    PILLAR_GAPS(true, false, 1);

    private final boolean carriesFlow;
    private final boolean fillsWallSpace;
    private final int wallsPerStep;

    FlowRoute(boolean carriesFlow, boolean fillsWallSpace, int wallsPerStep) {
        this.carriesFlow = carriesFlow;
        this.fillsWallSpace = fillsWallSpace;
        this.wallsPerStep = wallsPerStep;
    }

    /** The route of an opening style; {@code wallSpaceOpen} when the support is removed before encapsulation. */
    public static FlowRoute of(OpeningStyle style, boolean wallSpaceOpen) {
        if (style == null) {
            return NONE;
        }
        return switch (style) {
            case NONE -> NONE;
            case TROUGHS -> TROUGHS;
            case PILLARS -> PILLAR_GAPS;
            case SLOTS -> wallSpaceOpen ? SLOTS_INTO_WALL_SPACE : SLOTS_FACING_RIB;
        };
    }

    /** Whether the encapsulant can flow from one depression to the next along this route. */
    public boolean carriesFlow() {
        return carriesFlow;
    }

    /** Whether the route has openings but no flow path in its stage: the design must be refused. */
    public boolean blocked() {
        return this == SLOTS_FACING_RIB;
    }

    /** Whether the encapsulant fills the wall spaces on its way (so their volume counts). */
    public boolean fillsWallSpace() {
        return fillsWallSpace;
    }

    /**
     * Whether a rear covering layer must close the wall spaces during encapsulation (claim 15): without it the
     * material runs out of the wall space onto the exterior of the bottom walls.
     */
    public boolean needsRearCover() {
        return fillsWallSpace;
    }

    /** Walls of pathways crossed in series from one depression to the next (0 without flow). */
    public int wallsPerStep() {
        return wallsPerStep;
    }
}

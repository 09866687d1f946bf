package io.shieldfab.recipe.process;

import io.shieldfab.design.RuleCode;

/**
 * The process rules a recipe must obey, each tied to the claim(s) it comes from (docs/claims.md). The
 * {@link #code()} is what a {@code 422} problem carries in its {@code rule} member (the table of docs/recipe.md §1);
 * as a {@link RuleCode} a rule names a violation in the same record design-model and layout-service use.
 */
public enum ProcessRule implements RuleCode {
    /** Mandrel surface must not adhere to the deposit: release step needed, or the pair is refused. */
    ADHESION_MATRIX("claims 4-5"),
    /** The deposit is copper, nickel or gold. */
    DEPOSIT_METAL("claim 6"),
    /** Recess depth about the package height. */
    RECESS_DEPTH("claim 8"),
    /** The mandrel is prepared before it is plated, and plated before packages are assembled. */
    PLATING_BEFORE_ASSEMBLY("claims 1, 3"),
    /** The support (mandrel) is removed only after the packages are assembled into the depressions. */
    SUPPORT_REMOVAL_AFTER_ASSEMBLY("claim 1"),
    /** The flowable material goes into depressions that already hold the packages. */
    ENCAPSULATION_AFTER_ASSEMBLY("claims 12-13"),
    /**
     * Wall spaces open to the rear (claim 15): the support is removed before encapsulation ({@code hollowWalls}
     * true with {@code BEFORE_SUPPORT_REMOVAL} is refused), and a route that fills them is closed by a rear
     * covering layer from before encapsulation until after it.
     */
    HOLLOW_WALL_ORDER("claim 15"),
    /**
     * The openings give the encapsulant a path from one depression to the next in the chosen stage: slots through
     * the side walls face the solid mandrel rib while the support is in place (FlowRoute SLOTS_FACING_RIB).
     */
    FLOW_PATH("claims 13, 15, 16"),
    /** Severing between depressions is the last fabrication step. */
    SEVERING_LAST("claim 1"),
    /** The saw or laser kerf must fit inside the street between depressions. */
    KERF_WITHIN_STREET("claim 1"),
    /** Electroforming current density inside the bath's operating window. */
    CURRENT_DENSITY_WINDOW("claims 3, 6"),
    /** Bath temperature and pH inside the bath's operating window. */
    BATH_WINDOW("claims 3, 6"),
    /** Reflow or cure profile inside the bonding material's limits. */
    BONDING_PROFILE_LIMITS("claims 9-10"),
    /** The encapsulant's cure window stays below the solder's solidus, so the joints do not melt again. */
    CURE_BELOW_SOLIDUS("claims 9-10, 12"),
    /** The board's ground pads are at least as large as the shield's bonding pads they are joined to. */
    BOARD_PAD_SIZE("claim 10");

    private final String claims;

    ProcessRule(String claims) {
        this.claims = claims;
    }

    public String claims() {
        return claims;
    }

    /**
     * The stable code, e.g. {@code ADHESION_MATRIX (claims 4-5)}: the name with the claims it enforces, the value
     * clients and the gateway's handoff errors match on (docs/recipe.md §1, docs/api-guide.md).
     */
    @Override
    public String code() {
        return name() + " (" + claims + ")";
    }
}

package io.shieldfab.design.process;

/**
 * How the encapsulant is brought into the depressions (docs/recipe.md, "Encapsulation routes"; docs/physics.md,
 * "Encapsulant fill").
 * <ul>
 *   <li>{@code DISPENSE}: a liquid encapsulant is dispensed at one or more points per row and levels through the
 *       pathways under its own head (glob-top and dam-and-fill practice).</li>
 *   <li>{@code TRANSFER_MOLD}: a mould clamps on the land; the compound is transferred from a gate at one end of
 *       each row and pushed through the pathways from depression to depression, then post-mould cured.</li>
 *   <li>{@code COMPRESSION_MOLD}: the compound is spread over the whole panel and pressed, so every depression is
 *       fed from above; the pathways only have to fill, not carry the flow along a row.</li>
 * </ul>
 */
public enum FillMethod {
    DISPENSE, TRANSFER_MOLD, COMPRESSION_MOLD
}

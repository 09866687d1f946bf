package io.shieldfab.design;

/**
 * Process settings a fab usually has defaults for.
 *
 * @param currentDensityAPerDm2 electroforming current density, A/dm², (0, 100]; null when absent: recipe-service
 *                              then picks its per-metal default
 * @param singulation           how the element is severed between depressions; default {@code SAW}
 */
public record ProcessSpec(
        Double currentDensityAPerDm2,
        SingulationMethod singulation) {

    public enum SingulationMethod { SAW, LASER }
}

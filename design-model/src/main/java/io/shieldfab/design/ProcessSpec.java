package io.shieldfab.design;

/**
 * Process settings a fab usually has defaults for.
 *
 * @param currentDensityAPerDm2 electroforming current density, A/dm²; default per metal (see recipe-service docs)
 * @param singulation           how the element is severed between depressions; default {@code SAW}
 */
public record ProcessSpec(
        Double currentDensityAPerDm2,
        SingulationMethod singulation) {

    public enum SingulationMethod { SAW, LASER }
}

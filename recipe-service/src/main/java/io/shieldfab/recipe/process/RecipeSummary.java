package io.shieldfab.recipe.process;

/**
 * The headline figures of a recipe.
 *
 * @param siteCount              packages on the panel
 * @param depositMetal           electroformed metal
 * @param platingCurrentA        rectifier current, A
 * @param platingDurationS       plating time, s
 * @param platingAmpereHours     charge, A·h
 * @param depositMassG           deposited metal, g
 * @param encapsulantVolumeMm3   encapsulant to dispense (net volume plus allowance), mm³
 * @param encapsulantNetVolumeMm3 the layout's encapsulant volume, mm³
 * @param totalCutLengthMm       sum of all cut lengths, mm
 * @param singulationDurationS   cutting time including indexing, s
 */
public record RecipeSummary(int siteCount, String depositMetal, double platingCurrentA, double platingDurationS,
                            double platingAmpereHours, double depositMassG, double encapsulantVolumeMm3,
                            double encapsulantNetVolumeMm3, double totalCutLengthMm, double singulationDurationS) {
}

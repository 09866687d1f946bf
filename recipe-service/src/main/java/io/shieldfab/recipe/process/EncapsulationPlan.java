package io.shieldfab.recipe.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;

/**
 * How much encapsulant to dispense and how it reaches every depression (claims 12–13). The net volume is
 * the layout's {@code encapsulantVolumeMm3} (cavity − package + the openings through the walls); the
 * dispensed volume adds the design's allowance:
 * <pre>
 *   V_dispense = V_net · (1 + allowance/100)
 * </pre>
 * With pathways (openings) the material flows from depression to depression along each row, so one
 * dispense point per row fills the panel (claim 13); without them every depression is filled on its own.
 *
 * @param material          encapsulant
 * @param netVolumeMm3      encapsulant volume from the layout, mm³
 * @param allowancePercent  extra volume over the net volume, %
 * @param dispenseVolumeMm3 volume to dispense, mm³
 * @param perSiteMm3        dispensed volume per site, mm³
 * @param flowThroughPathways whether the material flows between depressions through the wall openings
 * @param dispensePoints    number of dispense points
 * @param cure              cure schedule of the material
 */
public record EncapsulationPlan(
        EncapsulantMaterial material, double netVolumeMm3, double allowancePercent, double dispenseVolumeMm3,
        double perSiteMm3, boolean flowThroughPathways, int dispensePoints, Cure cure) {

    /**
     * @param material         encapsulant
     * @param netVolumeMm3     layout's encapsulant volume, mm³, ≥ 0
     * @param allowancePercent extra %, ≥ 0
     * @param siteCount        sites on the panel, ≥ 1
     * @param rows             site rows, ≥ 1
     * @param openingCount     openings on the panel (layout metric); 0 means no pathways
     */
    public static EncapsulationPlan of(EncapsulantMaterial material, double netVolumeMm3, double allowancePercent,
                                       int siteCount, int rows, long openingCount) {
        double dispense = netVolumeMm3 * (1 + allowancePercent / 100.0);
        boolean flow = openingCount > 0;
        return new EncapsulationPlan(material, netVolumeMm3, allowancePercent, dispense, dispense / siteCount,
                flow, flow ? rows : siteCount, Cure.forMaterial(material));
    }

    /**
     * The cure schedule of an encapsulant. Sources (docs/recipe.md §4): epoxy mold compound — post-mold cure
     * 175 °C for 4 h (Sumitomo Bakelite EME-G700 and similar EMC data sheets: 175 °C, 2–8 h); liquid epoxy
     * encapsulant (glob-top) — 150 °C for 60 min (Henkel LOCTITE ECCOBOND FP4450 data sheet: 30 min at
     * 125 °C + 90 min at 165 °C, or equivalent; one hour at 150 °C used here); silicone — 150 °C for 15 min
     * (Dow SYLGARD 184 data sheet: 10 min at 150 °C).
     *
     * @param temperatureC  cure temperature, °C
     * @param durationS     time at temperature, s
     * @param maxTemperatureC highest allowed cure temperature, °C
     */
    public record Cure(double temperatureC, double durationS, double maxTemperatureC) {

        public static Cure forMaterial(EncapsulantMaterial material) {
            return switch (material) {
                case EPOXY_MOLD_COMPOUND -> new Cure(175, 4 * 3600, 185);
                case LIQUID_EPOXY -> new Cure(150, 3600, 165);
                case SILICONE -> new Cure(150, 900, 200);
            };
        }
    }
}

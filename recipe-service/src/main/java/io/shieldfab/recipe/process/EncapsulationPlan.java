package io.shieldfab.recipe.process;

import io.shieldfab.design.EncapsulationSpec;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.design.process.FillMethod;

/**
 * How much encapsulant to bring in, how, and how it reaches every depression (claims 12–13; docs/recipe.md §4,
 * "Encapsulation routes"). The net volume is the layout's {@code encapsulantVolumeMm3} (cavity − the package's part
 * inside it + the pathways + the wall spaces a slot route fills); the volume brought in adds the design's allowance:
 * <pre>
 *   V_dispense = V_net · (1 + allowance/100)
 * </pre>
 * Feed points: along a route that carries flow (troughs, pillar gaps, slots into the wall space) each row is fed at
 * {@code encapsulation.gatesPerRow} points and the material flows on from depression to depression (claim 13);
 * without pathways ({@code NONE}) every depression is fed on its own; compression moulding feeds every depression
 * from above. A route with no flow path in its stage has no plan ({@link ProcessRule#FLOW_PATH}).
 *
 * @param material            encapsulant
 * @param method              dispensing, transfer or compression moulding
 * @param route               the route between depressions
 * @param netVolumeMm3        encapsulant volume from the layout, mm³
 * @param allowancePercent    extra volume over the net volume, %
 * @param dispenseVolumeMm3   volume to dispense, or to load into the mould, mm³
 * @param perSiteMm3          that volume per site, mm³
 * @param flowThroughPathways whether the material flows between depressions through the pathways
 * @param dispensePoints      dispense points or gates: gatesPerRow × rows along a route that carries flow, else one
 *                            per site (also for compression moulding, which feeds every depression from above)
 * @param moulding            the moulding settings; null for {@code DISPENSE}
 * @param cure                cure schedule of the material (after moulding: the post-mould cure)
 */
public record EncapsulationPlan(
        EncapsulantMaterial material, FillMethod method, FlowRoute route, double netVolumeMm3,
        double allowancePercent, double dispenseVolumeMm3, double perSiteMm3, boolean flowThroughPathways,
        int dispensePoints, Moulding moulding, Cure cure) {

    /**
     * @param spec         the design's encapsulation
     * @param route        the route between depressions ({@code DepressionGeometry.route()})
     * @param netVolumeMm3 layout's encapsulant volume, mm³, ≥ 0
     * @param siteCount    sites on the panel, ≥ 1
     * @param rows         site rows, ≥ 1
     * @param fillTimeS    time the fill model gives to fill the longest chain, s: the moulding's transfer time
     * @throws ProcessRuleException {@link ProcessRule#FLOW_PATH} when the route has no flow path in its stage
     */
    public static EncapsulationPlan of(EncapsulationSpec spec, FlowRoute route, double netVolumeMm3, int siteCount,
                                       int rows, double fillTimeS) {
        ProcessOrder.refuseBlocked(route);
        double dispense = netVolumeMm3 * (1 + spec.allowancePercent() / 100.0);
        boolean flow = route.carriesFlow();
        int points = flow && spec.method() != FillMethod.COMPRESSION_MOLD ? spec.gatesPerRow() * rows : siteCount;
        Cure cure = Cure.forMaterial(spec.material());
        Moulding moulding = spec.method() == FillMethod.DISPENSE ? null
                : Moulding.of(cure, spec.pressureKPa(), fillTimeS);
        return new EncapsulationPlan(spec.material(), spec.method(), route, netVolumeMm3, spec.allowancePercent(),
                dispense, dispense / siteCount, flow, points, moulding, cure);
    }

    /**
     * The settings of transfer or compression moulding (docs/recipe.md §4, "Moulding"): the mould is held at the
     * material's cure temperature, the compound is transferred (or pressed) at the design's
     * {@code encapsulation.pressureKPa} for the fill model's fill time, and cures in the mould before it opens; the
     * post-mould cure ({@link Cure}) completes it in an oven.
     *
     * @param mouldTemperatureC    mould temperature, °C: the material's cure temperature (EMC 175 °C)
     * @param minMouldTemperatureC lowest allowed, °C: {@value #MOULD_WINDOW_BELOW_C} °C under it
     * @param maxMouldTemperatureC highest allowed, °C: the material's highest cure temperature
     * @param pressureKPa          transfer (or compression) pressure, kPa
     * @param transferTimeS        time to fill the longest chain, s (the fill model's {@code fillTimeS})
     * @param cureInMouldS         time the mould stays closed after the fill, s
     */
    public record Moulding(double mouldTemperatureC, double minMouldTemperatureC, double maxMouldTemperatureC,
                           double pressureKPa, double transferTimeS, double cureInMouldS) {

        /** The mould may run this far below the cure temperature, °C (EMC data sheets: 165–185 °C around 175 °C). */
        public static final double MOULD_WINDOW_BELOW_C = 10;
        /** Cure in the mould, s: 90 s, inside the 60–120 s that EMC data sheets give at 175 °C (docs/recipe.md §4). */
        public static final double CURE_IN_MOULD_S = 90;
        /** Shortest and longest cure in the mould the recipe allows, s (docs/recipe.md §4). */
        public static final double MIN_CURE_IN_MOULD_S = 60;
        public static final double MAX_CURE_IN_MOULD_S = 120;

        static Moulding of(Cure cure, double pressureKPa, double transferTimeS) {
            return new Moulding(cure.temperatureC(), cure.temperatureC() - MOULD_WINDOW_BELOW_C,
                    cure.maxTemperatureC(), pressureKPa, transferTimeS, CURE_IN_MOULD_S);
        }
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

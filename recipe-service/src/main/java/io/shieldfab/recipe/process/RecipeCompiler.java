package io.shieldfab.recipe.process;

import io.shieldfab.design.Design;
import io.shieldfab.design.ProcessSpec.SingulationMethod;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.design.process.FillInputs;
import io.shieldfab.design.process.FillMethod;
import io.shieldfab.design.process.FillPolicy;
import io.shieldfab.design.process.FillResult;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated design and its layout into an ISA-88 procedure, enforcing every process rule of the
 * claims ({@link ProcessRule}). Pure: the same input always gives the same procedure.
 */
public final class RecipeCompiler {

    /** Plated thickness tolerance checked after electroforming, ± fraction of the target (house rule). */
    public static final double THICKNESS_TOLERANCE_FRACTION = 0.10;

    /** Where the material goes along each route, for the instruction. */
    private static final Map<FlowRoute, String> ROUTE_TEXT = new EnumMap<>(Map.of(
            FlowRoute.TROUGHS, "through the troughs over the mandrel ribs",
            FlowRoute.PILLAR_GAPS, "through the gaps between the pillars",
            FlowRoute.SLOTS_INTO_WALL_SPACE, "through the slots and the wall spaces behind them",
            FlowRoute.NONE, "",
            FlowRoute.SLOTS_FACING_RIB, ""));

    /** The rear cover: a removable tape (house choice, docs/recipe.md "Encapsulation routes"). */
    static final String REAR_COVER_MATERIAL = "polyimide tape, silicone adhesive (removable)";

    private RecipeCompiler() {
    }

    /** {@link #compile(Design, LayoutFacts, List, FillPolicy)} under {@link FillPolicy#DEFAULT}. */
    public static Procedure compile(Design design, LayoutFacts layout, List<String> warnings) {
        return compile(design, layout, warnings, FillPolicy.DEFAULT);
    }

    /**
     * @param design     a design read by {@code DesignReader} (defaults applied, fields valid)
     * @param layout     the layout's facts
     * @param warnings   advisories to carry into the recipe (e.g. the design reader's warnings)
     * @param fillPolicy the fill model's margins ({@code shieldfab.fill.*})
     * @throws ProcessRuleException when the design breaks a process rule
     */
    public static Procedure compile(Design design, LayoutFacts layout, List<String> warnings, FillPolicy fillPolicy) {
        DepositMetal metal = DepositMetal.fromName(design.shield().material().name());
        AdhesionMatrix.Entry release = AdhesionMatrix.require(design.mandrel().material(), metal);
        RecessCheck.check(layout.recessDepthMm(), design.packageSpec().heightMm());
        // the route is the design's one geometry (DepressionGeometry), the same the layout and the fill model read
        DepressionGeometry geometry = DepressionGeometry.from(design);
        FlowRoute route = geometry.route();
        List<Step> steps = ProcessOrder.plan(route, design.encapsulation().stage(), design.shield().hollowWalls(),
                design.bonding().attachesToBoard());

        Double requestedJ = design.process() == null ? null : design.process().currentDensityAPerDm2();
        double currentDensity = requestedJ == null ? metal.bath.currentDensityAPerDm2() : requestedJ;
        metal.bath.checkCurrentDensity(currentDensity);
        metal.bath.checkOperatingPoint(metal.bath.temperatureC(), metal.bath.ph());
        Faraday.PlatingResult plating = Faraday.plate(metal, design.shield().thicknessUm(), currentDensity,
                layout.platedAreaMm2(), null);

        BondingProfile bonding = BondingProfile.forMaterial(design.bonding().material());
        if (design.bonding().attachesToBoard()) {
            BoardAttach.check(layout.bondingPadSizeMm(), design.bonding().boardPadSizeMm());
        }
        FillResult fillResult = FillInputs.evaluate(design, fillPolicy);
        EncapsulationPlan encapsulation = EncapsulationPlan.of(design.encapsulation(), route,
                layout.encapsulantVolumeMm3(), layout.siteCount(), design.panel().rows(), fillResult.fillTimeS());
        CureCheck.check(design.bonding().material(), design.encapsulation().material(), encapsulation.cure());
        SingulationMethod singulationMethod = design.process() == null || design.process().singulation() == null
                ? SingulationMethod.SAW : design.process().singulation();
        Singulation.Plan singulation = Singulation.plan(singulationMethod, design.panel().sawKerfMm(),
                layout.streetWidthMm(), layout.cuts());

        List<UnitProcedure> units = new ArrayList<>();
        for (Step step : steps) {
            units.add(switch (step) {
                case MANDREL_PREPARATION -> mandrelPreparation(design, layout, metal, release);
                case ELECTROFORMING -> electroforming(metal, plating);
                case ASSEMBLY -> assembly(design, layout, bonding);
                case SUPPORT_REMOVAL -> supportRemoval(design, release);
                case REAR_COVERING -> rearCovering(geometry);
                case ENCAPSULATION -> encapsulation(design, encapsulation);
                case REAR_COVER_REMOVAL -> rearCoverRemoval();
                case SINGULATION -> singulation(layout, singulation);
                case BOARD_ATTACH -> boardAttach(design, layout, bonding);
            });
        }
        RecipeSummary summary = new RecipeSummary(layout.siteCount(), metal.name(),
                Units.significant(plating.currentA()), Units.significant(plating.durationS()),
                Units.significant(plating.ampereHours()), Units.significant(plating.depositMassG()),
                Units.significant(encapsulation.dispenseVolumeMm3()), Units.significant(encapsulation.netVolumeMm3()),
                Units.significant(singulation.totalLengthMm()), Units.significant(singulation.durationS()));
        return new Procedure(design.name(), design.revision(), steps, units, summary, FillReport.of(fillResult),
                withLayoutWarnings(warnings, layout));
    }

    /**
     * The advisories, and one when the layout draws no bonding: no square pads ({@code PADS}) or no ring
     * ({@code RING}), because they do not fit on the lands (the layout warns too, docs/layout.md §4).
     */
    private static List<String> withLayoutWarnings(List<String> warnings, LayoutFacts layout) {
        if (layout.ring() ? layout.bondingRingLengthMm() > 0 : layout.bondingPadsPerSite() > 0) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(layout.ring()
                ? "layout.metrics.bondingRingLengthMm: the layout draws no bonding ring (it does not fit on the lands),"
                        + " so the assembly step has none to print on; make bonding.padSizeMm smaller or the streets"
                        + " wider"
                : "layout.metrics.bondingPadsPerSite: the layout draws no bonding pads (they do not fit on the lands),"
                        + " so the assembly step has none to print on; make bonding.padSizeMm smaller or the streets"
                        + " wider");
        return all;
    }

    private static UnitProcedure mandrelPreparation(Design design, LayoutFacts layout, DepositMetal metal,
                                                    AdhesionMatrix.Entry release) {
        double recess = layout.recessDepthMm();
        double height = design.packageSpec().heightMm();
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("Inspect recesses", List.of(new Phase("Measure recess depth",
                "Measure the recess depth at three sites; it must be about the package height (claim 8).",
                List.of(Parameter.bounded("recessDepthMm", recess, "mm", RecessCheck.minDepthMm(height),
                                RecessCheck.maxDepthMm(height)),
                        Parameter.number("packageHeightMm", height, "mm"),
                        Parameter.text("mandrelMaterial", design.mandrel().material().name()))))));
        ops.add(new Operation("Clean", List.of(
                new Phase("Alkaline soak clean", "Soak the mandrel in alkaline cleaner to remove oils and handling"
                        + " residue (ASTM B832).", List.of(
                        Parameter.bounded("temperatureC", 60, "°C", 50, 70),
                        Parameter.bounded("durationS", 300, "s", 180, 600))),
                new Phase("Rinse", "Rinse in deionised water until water-break free.", List.of(
                        Parameter.bounded("durationS", 60, "s", 30, 120))))));
        if (release.release() == AdhesionMatrix.Release.RELEASE_STEP_REQUIRED) {
            ops.add(new Operation("Release layer", List.of(new Phase("Apply release layer",
                    release.releaseStep() + ": " + release.reason() + " (claims 4-5).", List.of(
                    Parameter.text("releaseMethod", release.releaseStep()),
                    Parameter.text("deposit", metal.name()))))));
        } else {
            ops.add(new Operation("Release layer", List.of(new Phase("Keep native oxide",
                    "Do not activate the surface: " + release.reason() + " (claims 4-5).", List.of(
                    Parameter.text("releaseMethod", "native oxide, no activation"),
                    Parameter.text("deposit", metal.name()))))));
        }
        return new UnitProcedure(Step.MANDREL_PREPARATION.name(), "claims 2, 4-5, 7-8",
                "Prepare a mandrel surface the deposit will not adhere to.", ops);
    }

    private static UnitProcedure electroforming(DepositMetal metal, Faraday.PlatingResult p) {
        BathWindow bath = metal.bath;
        double t = p.thicknessUm();
        return new UnitProcedure(Step.ELECTROFORMING.name(), "claims 3, 6",
                "Electroform the conductive element on the mandrel (Faraday's law).", List.of(
                new Operation("Bath setup", List.of(new Phase("Check bath", "Check the " + bath.name()
                        + " bath temperature and pH against the window before loading.", List.of(
                        Parameter.text("bath", bath.name()),
                        Parameter.bounded("temperatureC", bath.temperatureC(), "°C", bath.minTemperatureC(),
                                bath.maxTemperatureC()),
                        Parameter.bounded("ph", bath.ph(), null, bath.minPh(), bath.maxPh()))))),
                new Operation("Deposit", List.of(
                        new Phase("Plate", "Load the mandrel as cathode and plate at constant current.", List.of(
                                Parameter.text("metal", metal.name()),
                                Parameter.number("thicknessUm", t, "µm"),
                                Parameter.bounded("currentDensityAPerDm2", p.currentDensityAPerDm2(), "A/dm²",
                                        bath.minCurrentDensityAPerDm2(), bath.maxCurrentDensityAPerDm2()),
                                Parameter.number("platedAreaMm2", p.areaMm2(), "mm²"),
                                Parameter.number("currentA", p.currentA(), "A"),
                                Parameter.number("efficiency", p.efficiency(), "1"),
                                Parameter.number("durationS", p.durationS(), "s"),
                                Parameter.number("ampereHours", p.ampereHours(), "A·h"),
                                Parameter.number("depositMassG", p.depositMassG(), "g"),
                                Parameter.number("depositionRateUmPerH", p.depositionRateUmPerH(), "µm/h"))),
                        new Phase("Rinse and dry", "Rinse in deionised water and dry; leave the element on the"
                                + " mandrel.", List.of(Parameter.bounded("durationS", 60, "s", 30, 120))))),
                new Operation("Verify thickness", List.of(new Phase("Measure thickness",
                        "Measure the deposit thickness (XRF or coupon) at five points.", List.of(
                        Parameter.bounded("thicknessUm", t, "µm", t * (1 - THICKNESS_TOLERANCE_FRACTION),
                                t * (1 + THICKNESS_TOLERANCE_FRACTION))))))));
    }

    private static UnitProcedure assembly(Design design, LayoutFacts layout, BondingProfile b) {
        // pad and ring geometry are the layout's (docs/layout.md §4); the print thickness is the design's
        boolean reflow = b.kind() == BondingProfile.Kind.REFLOW;
        String material = design.bonding().material().name();
        Phase apply = layout.ring()
                ? new Phase(reflow ? "Print solder paste ring" : "Dispense conductive epoxy ring",
                        "Apply " + material + " along the bonding ring of every site of the conductive element.",
                        ringParameters(design, layout))
                : new Phase(reflow ? "Print solder paste" : "Dispense conductive epoxy",
                        "Apply " + material + " on every bonding pad of the conductive element.",
                        padParameters(design, layout));
        return new UnitProcedure(Step.ASSEMBLY.name(), "claims 1, 9-11",
                "Apply bonding material to the conductive element, place the packages and join them.", List.of(
                new Operation("Apply bonding material", List.of(apply)),
                new Operation("Place packages", List.of(new Phase("Pick and place",
                        "Place one package in every depression, terminals facing "
                                + design.packageSpec().terminalSide() + ".", List.of(
                        Parameter.integer("siteCount", layout.siteCount(), "sites"),
                        Parameter.number("bodyLengthMm", design.packageSpec().bodyLengthMm(), "mm"),
                        Parameter.number("bodyWidthMm", design.packageSpec().bodyWidthMm(), "mm"),
                        Parameter.number("heightMm", design.packageSpec().heightMm(), "mm"))))),
                new Operation(reflow ? "Reflow" : "Cure", thermalPhases(b))));
    }

    /** Square pads: p, the count and the volume of one pad p² × thickness (docs/recipe.md §3). */
    private static List<Parameter> padParameters(Design design, LayoutFacts layout) {
        double pad = layout.bondingPadSizeMm();
        int padsPerSite = layout.bondingPadsPerSite();
        double padUm = design.bonding().padThicknessUm();
        return List.of(Parameter.text("material", design.bonding().material().name()),
                Parameter.number("padSizeMm", pad, "mm"),
                Parameter.integer("padsPerSite", padsPerSite, "pads"),
                Parameter.integer("padCount", (long) padsPerSite * layout.siteCount(), "pads"),
                Parameter.number("padThicknessUm", padUm, "µm"),
                Parameter.number("padVolumeMm3", pad * pad * padUm / 1000.0, "mm³"));
    }

    /**
     * A ring: a closed band p wide along the bonding line; its area a site is p × the layout's centre-line length
     * (the four strips cover exactly that), its volume area × thickness (docs/recipe.md §3).
     */
    private static List<Parameter> ringParameters(Design design, LayoutFacts layout) {
        double area = layout.bondingRingAreaMm2();
        double ringUm = design.bonding().padThicknessUm();
        double volume = area * ringUm / 1000.0;
        return List.of(Parameter.text("material", design.bonding().material().name()),
                Parameter.number("ringWidthMm", layout.bondingPadSizeMm(), "mm"),
                Parameter.number("ringLengthMm", layout.bondingRingLengthMm(), "mm"),
                Parameter.number("ringAreaMm2", area, "mm²"),
                Parameter.integer("ringCount", layout.siteCount(), "rings"),
                Parameter.number("ringThicknessUm", ringUm, "µm"),
                Parameter.number("ringVolumeMm3", volume, "mm³"),
                Parameter.number("totalVolumeMm3", volume * layout.siteCount(), "mm³"));
    }

    /** The reflow or cure of a bonding material, phase by phase, with its limits (docs/recipe.md §3). */
    private static List<Phase> thermalPhases(BondingProfile b) {
        List<Phase> thermal = new ArrayList<>();
        if (b.kind() == BondingProfile.Kind.REFLOW) {
            thermal.add(new Phase("Preheat and soak", "Ramp up and soak below the liquidus.", List.of(
                    Parameter.bounded("rampUpCPerS", b.rampUpCPerS(), "°C/s", 0, b.maxRampUpCPerS()),
                    Parameter.bounded("soakStartC", b.preheatMinC(), "°C", b.preheatMinC(), b.preheatMaxC()),
                    Parameter.bounded("soakEndC", b.preheatMaxC(), "°C", b.preheatMinC(), b.preheatMaxC()),
                    Parameter.bounded("soakS", b.preheatS(), "s", 60, 120))));
            thermal.add(new Phase("Reflow", "Reflow above the liquidus to the peak.", List.of(
                    Parameter.number("liquidusC", b.liquidusC(), "°C"),
                    Parameter.bounded("peakC", b.peakC(), "°C", b.liquidusC() + BondingProfile.MIN_PEAK_OVER_LIQUIDUS_C,
                            b.maxPeakC()),
                    Parameter.bounded("timeAboveLiquidusS", b.timeAboveLiquidusS(), "s", b.minTimeAboveS(),
                            b.maxTimeAboveS()))));
            thermal.add(new Phase("Cool", "Cool to below 50 °C before handling.", List.of(
                    Parameter.bounded("rampDownCPerS", b.rampDownCPerS(), "°C/s", 0, b.maxRampDownCPerS()))));
        } else {
            thermal.add(new Phase("Cure", "Cure the conductive epoxy in a convection oven.", List.of(
                    Parameter.bounded("rampUpCPerS", b.rampUpCPerS(), "°C/s", 0, b.maxRampUpCPerS()),
                    Parameter.bounded("cureTemperatureC", b.peakC(), "°C", b.liquidusC(), b.maxPeakC()),
                    Parameter.bounded("cureTimeS", b.timeAboveLiquidusS(), "s", b.minTimeAboveS(),
                            b.maxTimeAboveS()))));
        }
        thermal.add(new Phase("Profile total", "Total oven time, ambient to peak and back.", List.of(
                Parameter.number("durationS", b.totalDurationS(), "s"))));
        return thermal;
    }

    private static UnitProcedure supportRemoval(Design design, AdhesionMatrix.Entry release) {
        return new UnitProcedure(Step.SUPPORT_REMOVAL.name(), "claims 1, 4-5, 15-16",
                "Remove the support (mandrel) from the conductive element after assembly.", List.of(
                new Operation("Separate", List.of(new Phase("Lift off mandrel",
                        "Separate the element from the " + design.mandrel().material() + " mandrel at the release"
                                + " surface; do not pry at the depressions.", List.of(
                        Parameter.text("mandrelMaterial", design.mandrel().material().name()),
                        Parameter.text("releaseSurface", release.releaseStep() == null ? "native oxide"
                                : release.releaseStep())))))));
    }

    private static UnitProcedure rearCovering(DepressionGeometry geometry) {
        return new UnitProcedure(Step.REAR_COVERING.name(), "claim 15",
                "Close the wall spaces the mandrel ribs leave open to the rear, which the encapsulant fills through"
                        + " the slots, so it cannot run onto the exterior of the bottom walls.",
                List.of(new Operation("Cover rear", List.of(new Phase("Apply rear covering layer",
                        "Laminate the rear covering layer over the whole rear face, pressing it onto every wall"
                                + " space; it comes off again after the cure (REAR_COVER_REMOVAL).",
                        List.of(Parameter.text("route", geometry.route().name()),
                                Parameter.text("coveringMaterial", REAR_COVER_MATERIAL),
                                Parameter.number("wallSpaceVolumeMm3", geometry.wallSpaceVolumeMm3().doubleValue(),
                                        "mm³")))))));
    }

    private static UnitProcedure rearCoverRemoval() {
        return new UnitProcedure(Step.REAR_COVER_REMOVAL.name(), "claims 15, 18",
                "Take the rear covering layer off the cured encapsulant, leaving the rear of the bottom walls bare.",
                List.of(new Operation("Uncover rear", List.of(
                        new Phase("Peel rear covering layer", "Peel the rear covering layer off at a low angle,"
                                + " after the cure, once the panel is below 50 °C.", List.of(
                                Parameter.text("coveringMaterial", REAR_COVER_MATERIAL))),
                        new Phase("Inspect rear", "Inspect the exterior of the bottom walls: no encapsulant may"
                                + " have run out of the wall spaces onto them (claim 18).", List.of())))));
    }

    private static UnitProcedure encapsulation(Design design, EncapsulationPlan e) {
        List<Operation> ops = new ArrayList<>();
        if (e.method() == FillMethod.DISPENSE) {
            ops.add(new Operation("Dispense", List.of(new Phase("Fill depressions", e.flowThroughPathways()
                    ? "Dispense at " + design.encapsulation().gatesPerRow() + " point(s) along each row; the"
                    + " material flows on from depression to depression " + ROUTE_TEXT.get(e.route()) + " (claim 13)."
                    : "The walls have no pathways: dispense into every depression separately.",
                    feedParameters(design, e, "dispensePoints")))));
            ops.add(new Operation("Cure", List.of(curePhase(e.cure(), "Cure encapsulant",
                    "Cure in a convection oven."))));
        } else {
            EncapsulationPlan.Moulding m = e.moulding();
            List<Phase> moulding = new ArrayList<>();
            moulding.add(new Phase("Load and clamp", "Load the panel into the mould at temperature and clamp on the"
                    + " land.", List.of(
                    Parameter.bounded("mouldTemperatureC", m.mouldTemperatureC(), "°C", m.minMouldTemperatureC(),
                            m.maxMouldTemperatureC()))));
            if (e.method() == FillMethod.TRANSFER_MOLD) {
                moulding.add(new Phase("Transfer", "Transfer the compound from the pot through "
                        + (e.flowThroughPathways() ? design.encapsulation().gatesPerRow() + " gate(s) per row; it"
                        + " flows on from depression to depression " + ROUTE_TEXT.get(e.route()) + " (claim 13)."
                        : "a gate into every depression."), withPressure(feedParameters(design, e, "gates"),
                        List.of(Parameter.number("transferPressureKPa", m.pressureKPa(), "kPa"),
                                Parameter.number("transferTimeS", m.transferTimeS(), "s")))));
            } else {
                moulding.add(new Phase("Compress", "Spread the compound over the whole panel and close the mould:"
                        + " every depression is fed from above.", withPressure(feedParameters(design, e,
                        "feedPoints"), List.of(Parameter.number("compressionPressureKPa", m.pressureKPa(), "kPa")))));
            }
            moulding.add(new Phase("Cure in mould", "Keep the mould closed at temperature until the compound holds"
                    + " its shape, then open it.", List.of(
                    Parameter.bounded("cureInMouldS", m.cureInMouldS(), "s",
                            EncapsulationPlan.Moulding.MIN_CURE_IN_MOULD_S,
                            EncapsulationPlan.Moulding.MAX_CURE_IN_MOULD_S))));
            ops.add(new Operation("Mould", moulding));
            ops.add(new Operation("Post-mould cure", List.of(curePhase(e.cure(), "Post-mould cure",
                    "Complete the cure of the moulded panel in a convection oven."))));
        }
        return new UnitProcedure(Step.ENCAPSULATION.name(), "claims 12-13, 16-17",
                "Fill the depressions with the flowable material, through the pathways between them.", ops);
    }

    private static List<Parameter> feedParameters(Design design, EncapsulationPlan e, String pointsName) {
        return List.of(
                Parameter.text("material", e.material().name()),
                Parameter.text("method", e.method().name()),
                Parameter.text("route", e.route().name()),
                Parameter.text("stage", design.encapsulation().stage().name()),
                Parameter.number("netVolumeMm3", e.netVolumeMm3(), "mm³"),
                Parameter.number("allowancePercent", e.allowancePercent(), "%"),
                Parameter.number("dispenseVolumeMm3", e.dispenseVolumeMm3(), "mm³"),
                Parameter.number("perSiteMm3", e.perSiteMm3(), "mm³"),
                Parameter.text("flow", e.flowThroughPathways() ? "THROUGH_PATHWAYS" : "PER_DEPRESSION"),
                Parameter.integer(pointsName, e.dispensePoints(), "points"));
    }

    private static List<Parameter> withPressure(List<Parameter> feed, List<Parameter> pressure) {
        List<Parameter> all = new ArrayList<>(feed);
        all.addAll(pressure);
        return all;
    }

    private static Phase curePhase(EncapsulationPlan.Cure cure, String name, String instruction) {
        return new Phase(name, instruction, List.of(
                Parameter.bounded("temperatureC", cure.temperatureC(), "°C", cure.temperatureC() - 5,
                        cure.maxTemperatureC()),
                Parameter.number("durationS", cure.durationS(), "s")));
    }

    private static UnitProcedure boardAttach(Design design, LayoutFacts layout, BondingProfile b) {
        double boardPad = design.bonding().boardPadSizeMm();
        double shieldPad = layout.bondingPadSizeMm();
        return new UnitProcedure(Step.BOARD_ATTACH.name(), "claim 10",
                "Join each singulated shield's bonding pads to the board's ground pads with the bonding material.",
                List.of(new Operation("Align to board", List.of(new Phase("Place shields on board pads",
                                "Align every shield's bonding pads, with their " + design.bonding().material()
                                        + ", onto the board's ground pads and place it.", List.of(
                                Parameter.text("material", design.bonding().material().name()),
                                Parameter.bounded("boardPadSizeMm", boardPad, "mm", shieldPad,
                                        BoardAttach.MAX_BOARD_PAD_SIZE_MM),
                                Parameter.number("shieldPadSizeMm", shieldPad, "mm"),
                                layout.ring()
                                        ? Parameter.number("ringLengthMm", layout.bondingRingLengthMm(), "mm")
                                        : Parameter.integer("padsPerShield", layout.bondingPadsPerSite(), "pads"),
                                Parameter.integer("shields", layout.siteCount(), "units"))))),
                        new Operation(b.kind() == BondingProfile.Kind.REFLOW ? "Reflow" : "Cure",
                                thermalPhases(b))));
    }

    private static UnitProcedure singulation(LayoutFacts layout, Singulation.Plan s) {
        List<Phase> cutting = new ArrayList<>();
        for (String axis : List.of("X", "Y")) {
            List<Singulation.Cut> cuts = s.cuts().stream().filter(c -> axis.equals(c.axis())).toList();
            if (cuts.isEmpty()) {
                continue;
            }
            double length = cuts.stream().mapToDouble(Singulation.Cut::lengthMm).sum();
            cutting.add(new Phase("Cut along " + axis, ("X".equals(axis) ? "Channel 1" : "Channel 2, after turning"
                    + " the panel 90°") + ": cut every street along " + axis + " in ascending position, from "
                    + Units.round(cuts.get(0).positionMm(), 4) + " mm to "
                    + Units.round(cuts.get(cuts.size() - 1).positionMm(), 4) + " mm.", List.of(
                    Parameter.integer("cuts", cuts.size(), "cuts"),
                    Parameter.number("lengthMm", length, "mm"),
                    Parameter.number("firstPositionMm", cuts.get(0).positionMm(), "mm"),
                    Parameter.number("lastPositionMm", cuts.get(cuts.size() - 1).positionMm(), "mm"))));
        }
        return new UnitProcedure(Step.SINGULATION.name(), "claim 1",
                "Sever the conductive element between the depressions, last, giving one shield per package.",
                List.of(new Operation("Set up " + s.method().name().toLowerCase(), List.of(new Phase("Mount and align",
                                "Mount the panel on dicing tape and align to the fiducials.", List.of(
                                Parameter.text("method", s.method().name()),
                                Parameter.bounded("kerfMm", s.kerfMm(), "mm", 0, s.streetWidthMm()),
                                Parameter.number("streetWidthMm", s.streetWidthMm(), "mm"),
                                Parameter.number("feedMmPerS", s.feedMmPerS(), "mm/s"))))),
                        new Operation("Cut", cutting),
                        new Operation("Inspect", List.of(new Phase("Final inspection",
                                "Count the singulated shields and inspect every side wall for burrs and kerf damage.",
                                List.of(Parameter.integer("expectedUnits", layout.siteCount(), "units"),
                                        Parameter.integer("totalCuts", s.cuts().size(), "cuts"),
                                        Parameter.number("totalLengthMm", s.totalLengthMm(), "mm"),
                                        Parameter.number("durationS", s.durationS(), "s")))))));
    }
}

package io.shieldfab.recipe.process;

import io.shieldfab.design.Design;
import io.shieldfab.design.ProcessSpec.SingulationMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a validated design and its layout into an ISA-88 procedure, enforcing every process rule of the
 * claims ({@link ProcessRule}). Pure: the same input always gives the same procedure.
 */
public final class RecipeCompiler {

    /** Plated thickness tolerance checked after electroforming, ± fraction of the target (house rule). */
    public static final double THICKNESS_TOLERANCE_FRACTION = 0.10;

    private RecipeCompiler() {
    }

    /**
     * @param design   a design read by {@code DesignReader} (defaults applied, fields valid)
     * @param layout   the layout's facts
     * @param warnings advisories to carry into the recipe (e.g. the design reader's warnings)
     * @throws ProcessRuleException when the design breaks a process rule
     */
    public static Procedure compile(Design design, LayoutFacts layout, List<String> warnings) {
        DepositMetal metal = DepositMetal.fromName(design.shield().material().name());
        AdhesionMatrix.Entry release = AdhesionMatrix.require(design.mandrel().material(), metal);
        RecessCheck.check(layout.recessDepthMm(), design.packageSpec().heightMm());
        List<Step> steps = ProcessOrder.plan(design.shield().hollowWalls(), design.encapsulation().stage());

        Double requestedJ = design.process() == null ? null : design.process().currentDensityAPerDm2();
        double currentDensity = requestedJ == null ? metal.bath.currentDensityAPerDm2() : requestedJ;
        metal.bath.checkCurrentDensity(currentDensity);
        metal.bath.checkOperatingPoint(metal.bath.temperatureC(), metal.bath.ph());
        Faraday.PlatingResult plating = Faraday.plate(metal, design.shield().thicknessUm(), currentDensity,
                layout.platedAreaMm2(), null);

        BondingProfile bonding = BondingProfile.forMaterial(design.bonding().material());
        EncapsulationPlan encapsulation = EncapsulationPlan.of(design.encapsulation().material(),
                layout.encapsulantVolumeMm3(), design.encapsulation().allowancePercent(), layout.siteCount(),
                design.panel().rows(), layout.openingCount());
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
                case REAR_COVERING -> rearCovering(design);
                case ENCAPSULATION -> encapsulation(design, encapsulation);
                case SINGULATION -> singulation(layout, singulation);
            });
        }
        RecipeSummary summary = new RecipeSummary(layout.siteCount(), metal.name(),
                Units.significant(plating.currentA()), Units.significant(plating.durationS()),
                Units.significant(plating.ampereHours()), Units.significant(plating.depositMassG()),
                Units.significant(encapsulation.dispenseVolumeMm3()), Units.significant(encapsulation.netVolumeMm3()),
                Units.significant(singulation.totalLengthMm()), Units.significant(singulation.durationS()));
        return new Procedure(design.name(), design.revision(), steps, units, summary, withLayoutWarnings(warnings, layout));
    }

    /** The advisories, and one when the layout draws no bonding pads (it warns too, docs/layout.md §4). */
    private static List<String> withLayoutWarnings(List<String> warnings, LayoutFacts layout) {
        if (layout.bondingPadsPerSite() > 0) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add("layout.metrics.bondingPadsPerSite: the layout draws no bonding pads (they do not fit on the lands), so"
                + " the assembly step has none to print on; make bonding.padSizeMm smaller or the streets wider");
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
        // pad geometry is the layout's (docs/layout.md §4); the print thickness is a process parameter of the design
        double pad = layout.bondingPadSizeMm();
        int padsPerSite = layout.bondingPadsPerSite();
        double padUm = design.bonding().padThicknessUm();
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
        return new UnitProcedure(Step.ASSEMBLY.name(), "claims 1, 9-11",
                "Apply bonding material to the conductive element, place the packages and join them.", List.of(
                new Operation("Apply bonding material", List.of(new Phase(
                        b.kind() == BondingProfile.Kind.REFLOW ? "Print solder paste" : "Dispense conductive epoxy",
                        "Apply " + design.bonding().material() + " on every bonding pad of the conductive element.",
                        List.of(Parameter.text("material", design.bonding().material().name()),
                                Parameter.number("padSizeMm", pad, "mm"),
                                Parameter.integer("padsPerSite", padsPerSite, "pads"),
                                Parameter.integer("padCount", (long) padsPerSite * layout.siteCount(), "pads"),
                                Parameter.number("padThicknessUm", padUm, "µm"),
                                Parameter.number("padVolumeMm3", pad * pad * padUm / 1000.0, "mm³"))))),
                new Operation("Place packages", List.of(new Phase("Pick and place",
                        "Place one package in every depression, terminals facing "
                                + design.packageSpec().terminalSide() + ".", List.of(
                        Parameter.integer("siteCount", layout.siteCount(), "sites"),
                        Parameter.number("bodyLengthMm", design.packageSpec().bodyLengthMm(), "mm"),
                        Parameter.number("bodyWidthMm", design.packageSpec().bodyWidthMm(), "mm"),
                        Parameter.number("heightMm", design.packageSpec().heightMm(), "mm"))))),
                new Operation(b.kind() == BondingProfile.Kind.REFLOW ? "Reflow" : "Cure", thermal)));
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

    private static UnitProcedure rearCovering(Design design) {
        return new UnitProcedure(Step.REAR_COVERING.name(), "claim 15",
                "Close the hollow side walls, open to the rear once the support is gone, before encapsulation.",
                List.of(new Operation("Cover rear", List.of(new Phase("Apply rear covering layer",
                        "Laminate the rear covering layer over the whole rear face so the hollow walls are closed.",
                        List.of(Parameter.text("hollowWalls", "true"),
                                Parameter.text("coveringMaterial", design.encapsulation().material().name())))))));
    }

    private static UnitProcedure encapsulation(Design design, EncapsulationPlan e) {
        EncapsulationPlan.Cure cure = e.cure();
        return new UnitProcedure(Step.ENCAPSULATION.name(), "claims 12-13, 16-17",
                "Fill the depressions with the flowable material, through the pathways between them.", List.of(
                new Operation("Dispense", List.of(new Phase("Fill depressions", e.flowThroughPathways()
                        ? "Dispense at the first depression of each row; the material flows along the row through"
                        + " the openings in the side walls (claim 13)."
                        : "The walls have no openings: dispense into every depression separately.", List.of(
                        Parameter.text("material", e.material().name()),
                        Parameter.text("stage", design.encapsulation().stage().name()),
                        Parameter.number("netVolumeMm3", e.netVolumeMm3(), "mm³"),
                        Parameter.number("allowancePercent", e.allowancePercent(), "%"),
                        Parameter.number("dispenseVolumeMm3", e.dispenseVolumeMm3(), "mm³"),
                        Parameter.number("perSiteMm3", e.perSiteMm3(), "mm³"),
                        Parameter.text("flow", e.flowThroughPathways() ? "THROUGH_PATHWAYS" : "PER_DEPRESSION"),
                        Parameter.integer("dispensePoints", e.dispensePoints(), "points"))))),
                new Operation("Cure", List.of(new Phase("Cure encapsulant", "Cure in a convection oven.", List.of(
                        Parameter.bounded("temperatureC", cure.temperatureC(), "°C", cure.temperatureC() - 5,
                                cure.maxTemperatureC()),
                        Parameter.number("durationS", cure.durationS(), "s")))))));
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

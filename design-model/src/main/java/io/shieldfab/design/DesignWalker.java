package io.shieldfab.design;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.MandrelSpec.MandrelMaterial;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.PackageSpec.Radiator;
import io.shieldfab.design.PackageSpec.TerminalSide;
import io.shieldfab.design.ProcessSpec.SingulationMethod;
import io.shieldfab.design.Requirements.ApertureRule;
import io.shieldfab.design.ShieldSpec.ShieldMaterial;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.geometry.DepressionGeometry.Axis;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.design.process.FillDefaults;
import io.shieldfab.design.process.FillMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.shieldfab.design.DesignLimits.*;

/**
 * Walks one parsed design document field by field, one method per section, then across fields, collecting every
 * violation with its JSON path and every warning; builds the {@link Design} (defaults applied) only when nothing is
 * violated. A section's values are null where the field is missing or invalid, so a rule across fields runs only
 * when all of its inputs are valid and all problems surface at once (docs/design-document.md). Single use, not
 * thread-safe; {@link DesignReader} makes one per document.
 */
final class DesignWalker {

    private static final Pattern REVISION = Pattern.compile("[^\\p{Cntrl}]{1," + REVISION_MAX_LENGTH + "}");
    private static final String[] GRID_FIELDS = {"package.bodyLengthMm", "package.bodyWidthMm", "package.heightMm",
            "mandrel.recessDepthMm", "bonding.padSizeMm", "shield.openings.lengthMm", "shield.openings.heightMm"};

    private final List<Violation> violations = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();
    /** The output limits to check, or null to leave the output size unchecked. */
    private final OutputLimits outputLimits;

    DesignWalker(OutputLimits outputLimits) {
        this.outputLimits = outputLimits;
    }

    /** The package section (claim 11). */
    private record Pkg(Double bodyLength, Double bodyWidth, Double height, Double frequency, Integer harmonics,
                       Double riseTime, TerminalSide terminalSide, Radiator radiator, Double permittivity) {
    }

    private record Panel(Integer rows, Integer columns, Double pitchX, Double pitchY, Double margin, Double kerf) {
    }

    /** The shield section (claims 3-6, 12-15, 22) with its openings. */
    private record Shield(ShieldMaterial material, Double thickness, Double clearance, Boolean hollowWalls,
                          Double permeability, OpeningStyle style, Integer perWall, Double openingLength,
                          Double openingHeight) {
        boolean withOpenings() {
            return style != null && style != OpeningStyle.NONE;
        }
    }

    /** The mandrel section (claims 2, 7, 8). */
    private record Mandrel(MandrelMaterial material, Double recessDepth) {
    }

    /** The encapsulation section (claims 12, 13, 15, 16). */
    private record Encapsulation(EncapsulantMaterial material, Double permittivity, EncapsulationStage stage,
                                 Double allowance, FillMethod method, Double viscosity, Double fillerTopCut,
                                 Double gelTime, Double pressure, Integer gatesPerRow, Double lossTangent) {
    }

    /** The bonding section (claims 9, 10); padsPerSide is null with RING or when invalid. */
    private record Bonding(BondingMaterial material, Double padSize, Double padThickness, Double boardPadSize,
                           BondingPattern pattern, Integer padsPerSide) {
    }

    private static final Pkg NO_PACKAGE = new Pkg(null, null, null, null, null, null, null, null, null);
    private static final Panel NO_PANEL = new Panel(null, null, null, null, null, null);
    private static final Shield NO_SHIELD = new Shield(null, null, null, null, null, null, null, null, null);
    private static final Mandrel NO_MANDREL = new Mandrel(null, null);
    private static final Bonding NO_BONDING = new Bonding(null, null, null, null, null, null);

    ReadResult walk(ObjectNode tree) {
        ObjectView doc = ObjectView.root(tree, violations);
        doc.annotation("$schema");
        doc.annotation("$comment");
        String name = doc.string("name", true, "design name", NAME,
                "1 to " + NAME_MAX_LENGTH + " letters, digits, '.', '_' or '-'");
        String revision = doc.string("revision", false, "revision label", REVISION,
                "1 to " + REVISION_MAX_LENGTH + " printable characters");
        Pkg pkg = packageSection(doc);
        Panel panel = panelSection(doc);
        Shield shield = shieldSection(doc);
        Mandrel mandrel = mandrelSection(doc);
        Encapsulation encapsulation = encapsulationSection(doc);
        Bonding bonding = bondingSection(doc);
        Requirements requirements = requirementsSection(doc);
        ProcessSpec process = processSection(doc);
        doc.finish();

        geometryRules(pkg, panel, shield, mandrel, bonding);
        outputSizeRule(pkg, panel, shield, bonding, encapsulation);
        if (all(pkg.height, mandrel.recessDepth)) {
            DesignRules.recessDepth(mandrel.recessDepth, pkg.height).ifPresent(warnings::add);
        }
        if (all(shield.hollowWalls, encapsulation.stage)) {
            DesignRules.hollowWallsOrder(shield.hollowWalls, encapsulation.stage).ifPresent(warnings::add);
        }
        if (all(shield.style, encapsulation.stage)) {
            FlowRoute route = FlowRoute.of(shield.style,
                    encapsulation.stage == EncapsulationStage.AFTER_SUPPORT_REMOVAL);
            DesignRules.flowPath(route).ifPresent(warnings::add);
        }
        if (all(encapsulation.gatesPerRow, panel.columns) && encapsulation.gatesPerRow > panel.columns) {
            violations.add(Violation.of(DesignRule.GATES_WITHIN_ROW, "encapsulation.gatesPerRow",
                    encapsulation.gatesPerRow, panel.columns, "", "{measured} gates or dispense points per row"
                            + " is more than the row's {limit} sites (panel.columns); use at most one per site"));
        }
        if (!violations.isEmpty()) {
            return new ReadResult(null, violations, warnings);
        }
        Design design = new Design(name, revision,
                new PackageSpec(pkg.bodyLength, pkg.bodyWidth, pkg.height, pkg.frequency, pkg.harmonics,
                        pkg.riseTime, pkg.terminalSide, pkg.radiator, pkg.permittivity),
                new PanelSpec(panel.rows, panel.columns, panel.pitchX, panel.pitchY, panel.margin, panel.kerf),
                new ShieldSpec(shield.material, shield.thickness, shield.clearance,
                        new OpeningsSpec(shield.style, shield.perWall, shield.openingLength, shield.openingHeight),
                        shield.hollowWalls, shield.permeability),
                new MandrelSpec(mandrel.material, mandrel.recessDepth),
                new EncapsulationSpec(encapsulation.material, encapsulation.permittivity, encapsulation.stage,
                        encapsulation.allowance, encapsulation.method, encapsulation.viscosity,
                        encapsulation.fillerTopCut, encapsulation.gelTime, encapsulation.pressure,
                        encapsulation.gatesPerRow, encapsulation.lossTangent),
                new BondingSpec(bonding.material, bonding.padSize, bonding.padThickness, bonding.boardPadSize,
                        bonding.pattern, bonding.padsPerSide),
                requirements, process);
        return new ReadResult(design, List.of(), warnings);
    }

    private Pkg packageSection(ObjectView doc) {
        ObjectView pkg = doc.object("package", true, "the package to shield: body size, height, frequency");
        if (pkg == null) {
            return NO_PACKAGE;
        }
        Pkg read = new Pkg(
                pkg.number("bodyLengthMm", true, null, BODY_MM, "package body length along X"),
                pkg.number("bodyWidthMm", true, null, BODY_MM, "package body width along Y"),
                pkg.number("heightMm", true, null, PACKAGE_HEIGHT_MM, "package body height"),
                pkg.number("operatingFrequencyHz", true, null, FREQUENCY_HZ, "operating frequency"),
                // no default: absent means the emission rule of package.radiator sets the range (docs/shielding.md)
                pkg.integer("harmonics", false, null, HARMONICS_MIN, HARMONICS_MAX, "highest harmonic checked"),
                pkg.number("riseTimeS", false, null, RISE_TIME_S, "signal rise time"),
                pkg.enumeration("terminalSide", false, TerminalSide.BOTTOM, TerminalSide.class, "terminal side"),
                pkg.enumeration("radiator", false, Radiator.UNINTENTIONAL, Radiator.class, "radiator class"),
                pkg.number("relativePermittivity", false, PackageSpec.SILICON_PERMITTIVITY, RELATIVE_PERMITTIVITY,
                        "relative permittivity εr of the package"));
        pkg.finish();
        return read;
    }

    private Panel panelSection(ObjectView doc) {
        ObjectView panel = doc.object("panel", true, "the panel: rows, columns and pitches");
        if (panel == null) {
            return NO_PANEL;
        }
        Panel read = new Panel(
                panel.integer("rows", true, null, SITES_PER_AXIS_MIN, SITES_PER_AXIS_MAX, "site rows along Y"),
                panel.integer("columns", true, null, SITES_PER_AXIS_MIN, SITES_PER_AXIS_MAX, "site columns along X"),
                panel.number("pitchXMm", true, null, PITCH_MM, "centre-to-centre distance between columns"),
                panel.number("pitchYMm", true, null, PITCH_MM, "centre-to-centre distance between rows"),
                panel.number("marginMm", false, 3.0, MARGIN_MM, "panel border"),
                panel.number("sawKerfMm", false, 0.2, SAW_KERF_MM, "saw kerf width"));
        panel.finish();
        return read;
    }

    private Shield shieldSection(ObjectView doc) {
        ObjectView shield = doc.object("shield", true, "the electroformed shield: material, thickness, clearance");
        if (shield == null) {
            return NO_SHIELD;
        }
        ShieldMaterial material = shield.enumeration("material", true, null, ShieldMaterial.class, "shield material");
        Double thickness = shield.number("thicknessUm", true, null, THICKNESS_UM, "plated thickness");
        Double clearance = shield.number("wallClearanceMm", true, null, WALL_CLEARANCE_MM,
                "gap between package body and side wall");
        Shield openings = openings(shield.object("openings", true,
                "the openings in the side walls; {\"style\": \"NONE\"} for solid walls"));
        // deprecated: the wall is always the plated inverted U around the rib; true only states that the support is
        // removed before encapsulation (rule 8, docs/design-document.md "Migration: hollowWalls")
        Boolean hollowWalls = shield.bool("hollowWalls", false, "side walls hollow and open to the rear (claim 15)");
        Double permeability = shield.number("relativePermeability", false, null, RELATIVE_PERMEABILITY,
                "relative permeability μr of the deposit");
        shield.finish();
        return new Shield(material, thickness, clearance, hollowWalls, permeability, openings.style,
                openings.perWall, openings.openingLength, openings.openingHeight);
    }

    /** The openings object: only style, perWall and the opening sizes of the result are set. */
    private static Shield openings(ObjectView openings) {
        if (openings == null) {
            return NO_SHIELD;
        }
        OpeningStyle style = openings.enumeration("style", true, null, OpeningStyle.class, "opening style");
        boolean none = style == OpeningStyle.NONE;
        boolean sized = style != null && !none;
        Integer perWall = openings.integer("perWall", sized, none ? 0 : null, 0, PER_WALL_MAX,
                "openings per side wall");
        Double length = openings.number("lengthMm", sized, none ? 0.0 : null,
                none ? NO_OPENING_MM : OPENING_LENGTH_MM, "opening length along the wall");
        Double height = openings.number("heightMm", sized, none ? 0.0 : null,
                none ? NO_OPENING_MM : OPENING_HEIGHT_MM, "opening height up the wall");
        if (perWall != null && none && perWall != 0) {
            openings.report("perWall", "must be 0 or left out with style NONE (solid walls); got " + perWall
                    + "; use style TROUGHS, SLOTS or PILLARS for walls with openings");
            perWall = null;
        } else if (perWall != null && sized && perWall == 0) {
            openings.report("perWall", "must be at least 1 with style " + style
                    + "; use style NONE for solid walls without openings");
            perWall = null;
        }
        openings.finish();
        return new Shield(null, null, null, null, null, style, perWall, length, height);
    }

    private static Mandrel mandrelSection(ObjectView doc) {
        ObjectView mandrel = doc.object("mandrel", true, "the mandrel: material and recess depth");
        if (mandrel == null) {
            return NO_MANDREL;
        }
        Mandrel read = new Mandrel(
                mandrel.enumeration("material", true, null, MandrelMaterial.class, "mandrel material"),
                mandrel.number("recessDepthMm", true, null, RECESS_DEPTH_MM, "mandrel recess depth"));
        mandrel.finish();
        return read;
    }

    private static Encapsulation encapsulationSection(ObjectView doc) {
        ObjectView encapsulation = doc.object("encapsulation", false, "the encapsulant");
        if (encapsulation == null) {
            return defaultEncapsulation();
        }
        EncapsulantMaterial material = encapsulation.enumeration("material", false,
                EncapsulantMaterial.EPOXY_MOLD_COMPOUND, EncapsulantMaterial.class, "encapsulant material");
        Double permittivity = encapsulation.number("relativePermittivity", false,
                material == null ? null : material.typicalPermittivity, RELATIVE_PERMITTIVITY,
                "relative permittivity εr of the cured encapsulant");
        EncapsulationStage stage = encapsulation.enumeration("stage", false,
                EncapsulationStage.BEFORE_SUPPORT_REMOVAL, EncapsulationStage.class, "encapsulation stage");
        Double allowance = encapsulation.number("allowancePercent", false, 10.0, ALLOWANCE_PERCENT,
                "extra encapsulant volume");
        FillMethod method = encapsulation.enumeration("method", false,
                material == null ? null : FillDefaults.defaultMethod(material), FillMethod.class,
                "encapsulation method");
        // the fill defaults depend on material and method (docs/physics.md §6); unknown when either is invalid
        FillDefaults defaults = material == null || method == null ? null : FillDefaults.of(material, method);
        Encapsulation read = new Encapsulation(material, permittivity, stage, allowance, method,
                encapsulation.number("viscosityPaS", false, defaults == null ? null : defaults.viscosityPaS(),
                        VISCOSITY_PA_S, "apparent viscosity at process temperature"),
                encapsulation.number("fillerTopCutUm", false, defaults == null ? null : defaults.fillerTopCutUm(),
                        FILLER_TOP_CUT_UM, "largest filler particle (top cut)"),
                encapsulation.number("gelTimeS", false, defaults == null ? null : defaults.gelTimeS(), GEL_TIME_S,
                        "time the encapsulant stays flowable"),
                encapsulation.number("pressureKPa", false, defaults == null ? null : defaults.pressureKPa(),
                        PRESSURE_KPA, "driving pressure at the gate"),
                encapsulation.integer("gatesPerRow", false, 1, GATES_PER_ROW_MIN, SITES_PER_AXIS_MAX,
                        "gates or dispense points per row"),
                encapsulation.number("lossTangent", false, material == null ? null : material.typicalLossTangent,
                        LOSS_TANGENT, "loss tangent tan δ of the cured encapsulant"));
        encapsulation.finish();
        return read;
    }

    /** The encapsulation when the section is left out: every default, from the default material's. */
    private static Encapsulation defaultEncapsulation() {
        EncapsulantMaterial material = EncapsulantMaterial.EPOXY_MOLD_COMPOUND;
        FillMethod method = FillDefaults.defaultMethod(material);
        FillDefaults defaults = FillDefaults.of(material, method);
        return new Encapsulation(material, material.typicalPermittivity, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                10.0, method, defaults.viscosityPaS(), defaults.fillerTopCutUm(), defaults.gelTimeS(),
                defaults.pressureKPa(), 1, material.typicalLossTangent);
    }

    private static Bonding bondingSection(ObjectView doc) {
        ObjectView bonding = doc.object("bonding", false, "the bonding material");
        if (bonding == null) {
            return NO_BONDING;
        }
        BondingMaterial material = bonding.enumeration("material", false, BondingMaterial.SAC305,
                BondingMaterial.class, "bonding material");
        Double padSize = bonding.number("padSizeMm", false, 0.3, PAD_SIZE_MM, "bonding pad side");
        Double padThickness = bonding.number("padThicknessUm", false, 50.0, PAD_THICKNESS_UM, "bonding pad thickness");
        Double boardPadSize = bonding.number("boardPadSizeMm", false, null, BOARD_PAD_SIZE_MM,
                "side of the board's ground pads the shield is joined to");
        BondingPattern pattern = bonding.enumeration("pattern", false, BondingPattern.PADS, BondingPattern.class,
                "bonding pattern");
        boolean ring = pattern == BondingPattern.RING;
        Integer padsPerSide = bonding.integer("padsPerSide", false, ring ? null : BondingSpec.DEFAULT_PADS_PER_SIDE,
                PADS_PER_SIDE_MIN, PADS_PER_SIDE_MAX, "square pads on each land");
        if (ring && padsPerSide != null) {
            bonding.report("padsPerSide", "must be left out with pattern RING (one closed ring, no square pads);"
                    + " got " + padsPerSide + "; use pattern PADS for pads along each land");
            padsPerSide = null;
        }
        bonding.finish();
        return new Bonding(material, padSize, padThickness, boardPadSize, pattern, padsPerSide);
    }

    /** The requirements, or null when absent or invalid (then the document has a violation anyway). */
    private static Requirements requirementsSection(ObjectView doc) {
        ObjectView requirements = doc.object("requirements", false, "the shielding requirements");
        if (requirements == null) {
            return null;
        }
        Double minShielding = requirements.number("minShieldingDb", false, 30.0, MIN_SHIELDING_DB,
                "required shielding effectiveness");
        ApertureRule apertureRule = requirements.enumeration("apertureRule", false, ApertureRule.LAMBDA_OVER_20,
                ApertureRule.class, "aperture rule");
        Requirements.NearFieldSource source = requirements.enumeration("nearFieldSource", false, null,
                Requirements.NearFieldSource.class, "near-field source");
        requirements.finish();
        return all(minShielding) ? new Requirements(minShielding, apertureRule, source) : null;
    }

    private static ProcessSpec processSection(ObjectView doc) {
        ObjectView process = doc.object("process", false, "process settings");
        if (process == null) {
            return new ProcessSpec(null, null);
        }
        ProcessSpec read = new ProcessSpec(
                process.number("currentDensityAPerDm2", false, null, CURRENT_DENSITY_A_PER_DM2,
                        "electroforming current density"),
                process.enumeration("singulation", false, SingulationMethod.SAW, SingulationMethod.class,
                        "singulation method"));
        process.finish();
        return read;
    }

    /**
     * Rules 1-5 and 9 on the {@link DepressionGeometry}: each axis, the panel sides, the openings, and the lengths
     * the layout's 1 nm grid can draw.
     */
    private void geometryRules(Pkg pkg, Panel panel, Shield shield, Mandrel mandrel, Bonding bonding) {
        Axis x = axis('X', pkg.bodyLength, shield, panel.pitchX, panel.kerf);
        Axis y = axis('Y', pkg.bodyWidth, shield, panel.pitchY, panel.kerf);
        if (x != null) {
            DesignRules.footprint(x, "bodyLengthMm", thicknessNm(shield), panel.kerf != null)
                    .ifPresent(violations::add);
        }
        if (y != null) {
            DesignRules.footprint(y, "bodyWidthMm", thicknessNm(shield), panel.kerf != null)
                    .ifPresent(violations::add);
        }
        if (all(panel.columns, panel.pitchX, panel.margin)) {
            DesignRules.panelSide('X', "panel.columns", panel.columns, "pitchXMm", panel.pitchX, panel.margin)
                    .ifPresent(violations::add);
        }
        if (all(panel.rows, panel.pitchY, panel.margin)) {
            DesignRules.panelSide('Y', "panel.rows", panel.rows, "pitchYMm", panel.pitchY, panel.margin)
                    .ifPresent(violations::add);
        }
        if (shield.withOpenings() && all(shield.perWall, shield.openingLength, pkg.bodyLength, pkg.bodyWidth,
                shield.clearance)) {
            Axis cavityX = new Axis('X', nm(pkg.bodyLength), nm(shield.clearance), 0, 0, 0);
            Axis cavityY = new Axis('Y', nm(pkg.bodyWidth), nm(shield.clearance), 0, 0, 0);
            DesignRules.openingsOnWall(shield.style, shield.perWall, nm(shield.openingLength), thicknessNm(shield),
                    cavityX, cavityY)
                    .ifPresent(violations::add);
        }
        if (shield.withOpenings() && all(shield.openingHeight, mandrel.recessDepth)) {
            DesignRules.openingHeight(nm(shield.openingHeight), nm(mandrel.recessDepth)).ifPresent(violations::add);
        }
        boolean openings = shield.withOpenings();
        Double[] gridLengths = {pkg.bodyLength, pkg.bodyWidth, pkg.height, mandrel.recessDepth, bonding.padSize,
                openings ? shield.openingLength : null, openings ? shield.openingHeight : null};
        for (int i = 0; i < GRID_FIELDS.length; i++) {
            if (gridLengths[i] != null) {
                DesignRules.belowLayoutGrid(GRID_FIELDS[i], gridLengths[i]).ifPresent(violations::add);
            }
        }
    }

    /** One axis of the site section when its inputs are valid (a kerf left invalid counts as 0), else null. */
    private static Axis axis(char name, Double body, Shield shield, Double pitch, Double kerf) {
        if (!all(body, shield.clearance, shield.thickness, pitch)) {
            return null;
        }
        return new Axis(name, nm(body), nm(shield.clearance), thicknessNm(shield), nm(pitch),
                kerf == null ? 0 : nm(kerf));
    }

    private static long thicknessNm(Shield shield) {
        return shield.thickness == null ? 0 : DepressionGeometry.nmFromUm(shield.thickness);
    }

    private static long nm(double mm) {
        return DepressionGeometry.nm(mm);
    }

    /** Rule 10, when output limits are set. */
    private void outputSizeRule(Pkg pkg, Panel panel, Shield shield, Bonding bonding, Encapsulation encapsulation) {
        if (outputLimits == null || !all(panel.rows, panel.columns, panel.pitchX, panel.pitchY, panel.margin,
                panel.kerf, shield.style, shield.perWall)) {
            return;
        }
        // a ring is 4 rectangles, pads 4 a side; an invalid count is reported already and counts as 1 a side
        int along = bonding.pattern == BondingPattern.RING ? 0
                : bonding.padsPerSide == null ? BondingSpec.DEFAULT_PADS_PER_SIDE : bonding.padsPerSide;
        boolean fit = !all(pkg.bodyLength, pkg.bodyWidth, shield.clearance, shield.thickness, bonding.padSize)
                || OutputEstimate.padsMayFit(pkg.bodyLength, pkg.bodyWidth, shield.clearance, shield.thickness,
                panel.pitchX, panel.pitchY, panel.kerf, bonding.padSize, along);
        int pads = fit ? 4 * Math.max(1, along) : 0;
        // the rear-cover rectangle is counted whenever in doubt (stage invalid)
        boolean rearCover = encapsulation.stage == null || FlowRoute.of(shield.style,
                encapsulation.stage == EncapsulationStage.AFTER_SUPPORT_REMOVAL).needsRearCover();
        violations.addAll(DesignRules.outputSize(new OutputEstimate.Input(panel.rows, panel.columns, panel.pitchX,
                panel.pitchY, panel.margin, panel.kerf, rearCover, shield.style, shield.perWall, pads),
                outputLimits));
    }

    private static boolean all(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return false;
            }
        }
        return true;
    }
}

package io.shieldfab.design;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.MandrelSpec.MandrelMaterial;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.PackageSpec.TerminalSide;
import io.shieldfab.design.ProcessSpec.SingulationMethod;
import io.shieldfab.design.Requirements.ApertureRule;
import io.shieldfab.design.ShieldSpec.ShieldMaterial;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.shieldfab.design.DesignLimits.*;

/**
 * Walks one parsed design document field by field, then across fields, collecting every violation with its
 * JSON path and every warning; builds the {@link Design} (defaults applied) only when nothing is violated.
 * Single use, not thread-safe; {@link DesignReader} makes one per document.
 */
final class DesignWalker {

    private static final Pattern REVISION = Pattern.compile("[^\\p{Cntrl}]{1," + REVISION_MAX_LENGTH + "}");

    private final List<Violation> violations = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();
    /** The output limits to check, or null to leave the output size unchecked. */
    private final OutputLimits outputLimits;

    DesignWalker(OutputLimits outputLimits) {
        this.outputLimits = outputLimits;
    }

    ReadResult walk(ObjectNode tree) {
        ObjectView doc = ObjectView.root(tree, violations);
        doc.annotation("$schema");
        doc.annotation("$comment");
        String name = doc.string("name", true, "design name", NAME,
                "1 to " + NAME_MAX_LENGTH + " letters, digits, '.', '_' or '-'");
        String revision = doc.string("revision", false, "revision label", REVISION,
                "1 to " + REVISION_MAX_LENGTH + " printable characters");

        // package (claim 11)
        ObjectView pkg = doc.object("package", true, "the package to shield: body size, height, frequency");
        Double bodyLength = null, bodyWidth = null, height = null, frequency = null, riseTime = null;
        Integer harmonics = null;
        TerminalSide terminalSide = null;
        if (pkg != null) {
            bodyLength = pkg.number("bodyLengthMm", true, null, BODY_MM, "package body length along X");
            bodyWidth = pkg.number("bodyWidthMm", true, null, BODY_MM, "package body width along Y");
            height = pkg.number("heightMm", true, null, PACKAGE_HEIGHT_MM, "package body height");
            frequency = pkg.number("operatingFrequencyHz", true, null, FREQUENCY_HZ, "operating frequency");
            harmonics = pkg.integer("harmonics", false, 5, HARMONICS_MIN, HARMONICS_MAX, "highest harmonic checked");
            riseTime = pkg.number("riseTimeS", false, null, RISE_TIME_S, "signal rise time");
            terminalSide = pkg.enumeration("terminalSide", false, TerminalSide.BOTTOM, TerminalSide.class,
                    "terminal side");
            pkg.finish();
        }

        // panel
        ObjectView panel = doc.object("panel", true, "the panel: rows, columns and pitches");
        Integer rows = null, columns = null;
        Double pitchX = null, pitchY = null, margin = null, kerf = null;
        if (panel != null) {
            rows = panel.integer("rows", true, null, SITES_PER_AXIS_MIN, SITES_PER_AXIS_MAX, "site rows along Y");
            columns = panel.integer("columns", true, null, SITES_PER_AXIS_MIN, SITES_PER_AXIS_MAX,
                    "site columns along X");
            pitchX = panel.number("pitchXMm", true, null, PITCH_MM, "centre-to-centre distance between columns");
            pitchY = panel.number("pitchYMm", true, null, PITCH_MM, "centre-to-centre distance between rows");
            margin = panel.number("marginMm", false, 3.0, MARGIN_MM, "panel border");
            kerf = panel.number("sawKerfMm", false, 0.2, SAW_KERF_MM, "saw kerf width");
            panel.finish();
        }

        // shield (claims 3-6, 12-15, 22)
        ObjectView shield = doc.object("shield", true, "the electroformed shield: material, thickness, clearance");
        ShieldMaterial shieldMaterial = null;
        Double thickness = null, clearance = null, permeability = null;
        Boolean hollowWalls = null;
        OpeningStyle style = null;
        Integer perWall = null;
        Double openingLength = null, openingHeight = null;
        ObjectView openings = null;
        if (shield != null) {
            shieldMaterial = shield.enumeration("material", true, null, ShieldMaterial.class, "shield material");
            thickness = shield.number("thicknessUm", true, null, THICKNESS_UM, "plated thickness");
            clearance = shield.number("wallClearanceMm", true, null, WALL_CLEARANCE_MM,
                    "gap between package body and side wall");
            openings = shield.object("openings", true,
                    "the openings in the side walls; {\"style\": \"NONE\"} for solid walls");
            if (openings != null) {
                style = openings.enumeration("style", true, null, OpeningStyle.class, "opening style");
                boolean none = style == OpeningStyle.NONE;
                boolean sized = style != null && !none;
                perWall = openings.integer("perWall", sized, none ? 0 : null, 0, PER_WALL_MAX, "openings per side wall");
                openingLength = openings.number("lengthMm", sized, none ? 0.0 : null,
                        none ? NO_OPENING_MM : OPENING_LENGTH_MM, "opening length along the wall");
                openingHeight = openings.number("heightMm", sized, none ? 0.0 : null,
                        none ? NO_OPENING_MM : OPENING_HEIGHT_MM, "opening height up the wall");
                if (perWall != null && none && perWall != 0) {
                    openings.report("perWall", "must be 0 or left out with style NONE (solid walls); got " + perWall
                            + "; use style SLOTS or PILLARS for walls with openings");
                    perWall = null;
                } else if (perWall != null && sized && perWall == 0) {
                    openings.report("perWall", "must be at least 1 with style " + style
                            + "; use style NONE for solid walls without openings");
                    perWall = null;
                }
                openings.finish();
            }
            hollowWalls = shield.bool("hollowWalls", false, "side walls hollow and open to the rear (claim 15)");
            permeability = shield.number("relativePermeability", false, null, RELATIVE_PERMEABILITY,
                    "relative permeability μr of the deposit");
            shield.finish();
        }

        // mandrel (claims 2, 7, 8)
        ObjectView mandrel = doc.object("mandrel", true, "the mandrel: material and recess depth");
        MandrelMaterial mandrelMaterial = null;
        Double recessDepth = null;
        if (mandrel != null) {
            mandrelMaterial = mandrel.enumeration("material", true, null, MandrelMaterial.class, "mandrel material");
            recessDepth = mandrel.number("recessDepthMm", true, null, RECESS_DEPTH_MM, "mandrel recess depth");
            mandrel.finish();
        }

        // encapsulation (claims 12, 13, 15, 16)
        ObjectView encapsulation = doc.object("encapsulation", false, "the encapsulant");
        EncapsulantMaterial encapsulant = null;
        Double permittivity = null, allowance = null;
        EncapsulationStage stage = null;
        if (encapsulation != null) {
            encapsulant = encapsulation.enumeration("material", false, EncapsulantMaterial.EPOXY_MOLD_COMPOUND,
                    EncapsulantMaterial.class, "encapsulant material");
            permittivity = encapsulation.number("relativePermittivity", false,
                    encapsulant == null ? null : encapsulant.typicalPermittivity, RELATIVE_PERMITTIVITY,
                    "relative permittivity εr of the cured encapsulant");
            stage = encapsulation.enumeration("stage", false, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                    EncapsulationStage.class, "encapsulation stage");
            allowance = encapsulation.number("allowancePercent", false, 10.0, ALLOWANCE_PERCENT,
                    "extra encapsulant volume");
            encapsulation.finish();
        }

        // bonding (claims 9, 10)
        ObjectView bonding = doc.object("bonding", false, "the bonding material");
        BondingMaterial bondingMaterial = null;
        Double padSize = null, padThickness = null;
        if (bonding != null) {
            bondingMaterial = bonding.enumeration("material", false, BondingMaterial.SAC305, BondingMaterial.class,
                    "bonding material");
            padSize = bonding.number("padSizeMm", false, 0.3, PAD_SIZE_MM, "bonding pad side");
            padThickness = bonding.number("padThicknessUm", false, 50.0, PAD_THICKNESS_UM, "bonding pad thickness");
            bonding.finish();
        }

        // requirements
        ObjectView requirements = doc.object("requirements", false, "the shielding requirements");
        Double minShielding = null;
        ApertureRule apertureRule = null;
        if (requirements != null) {
            minShielding = requirements.number("minShieldingDb", false, 30.0, MIN_SHIELDING_DB,
                    "required shielding effectiveness");
            apertureRule = requirements.enumeration("apertureRule", false, ApertureRule.LAMBDA_OVER_20,
                    ApertureRule.class, "aperture rule");
            requirements.finish();
        }

        // process
        ObjectView process = doc.object("process", false, "process settings");
        Double currentDensity = null;
        SingulationMethod singulation = null;
        if (process != null) {
            currentDensity = process.number("currentDensityAPerDm2", false, null, CURRENT_DENSITY_A_PER_DM2,
                    "electroforming current density");
            singulation = process.enumeration("singulation", false, SingulationMethod.SAW, SingulationMethod.class,
                    "singulation method");
            process.finish();
        }
        doc.finish();

        // across fields: every rule whose inputs are all valid, so that all problems surface at once
        double thicknessMm = thickness == null ? Double.NaN : thickness / 1000.0;
        if (all(bodyLength, clearance, thickness, pitchX)) {
            DesignRules.footprint('X', "bodyLengthMm", bodyLength, clearance, thicknessMm, "pitchXMm", pitchX, kerf)
                    .ifPresent(violations::add);
        }
        if (all(bodyWidth, clearance, thickness, pitchY)) {
            DesignRules.footprint('Y', "bodyWidthMm", bodyWidth, clearance, thicknessMm, "pitchYMm", pitchY, kerf)
                    .ifPresent(violations::add);
        }
        if (all(columns, pitchX, margin)) {
            DesignRules.panelSide('X', "panel.columns", columns, "pitchXMm", pitchX, margin).ifPresent(violations::add);
        }
        if (all(rows, pitchY, margin)) {
            DesignRules.panelSide('Y', "panel.rows", rows, "pitchYMm", pitchY, margin).ifPresent(violations::add);
        }
        if (all(style, perWall, openingLength, bodyLength, bodyWidth, clearance) && style != OpeningStyle.NONE) {
            DesignRules.openingsOnWall(style, perWall, openingLength, bodyLength, bodyWidth, clearance)
                    .ifPresent(violations::add);
        }
        if (all(style, openingHeight, recessDepth) && style != OpeningStyle.NONE) {
            DesignRules.openingHeight(openingHeight, recessDepth).ifPresent(violations::add);
        }
        String[] gridFields = {"package.bodyLengthMm", "package.bodyWidthMm", "package.heightMm",
                "mandrel.recessDepthMm", "bonding.padSizeMm"};
        Double[] gridLengths = {bodyLength, bodyWidth, height, recessDepth, padSize};
        for (int i = 0; i < gridFields.length; i++) {
            if (gridLengths[i] != null) {
                DesignRules.belowLayoutGrid(gridFields[i], gridLengths[i]).ifPresent(violations::add);
            }
        }
        if (outputLimits != null && all(rows, columns, pitchX, pitchY, margin, kerf, hollowWalls, style, perWall)) {
            boolean pads = !all(bodyLength, bodyWidth, clearance, thickness, padSize)
                    || OutputEstimate.padsMayFit(bodyLength, bodyWidth, clearance, thickness, hollowWalls, pitchX,
                    pitchY, kerf, padSize);
            violations.addAll(DesignRules.outputSize(new OutputEstimate.Input(rows, columns, pitchX, pitchY, margin,
                    kerf, hollowWalls, style, perWall, pads), outputLimits));
        }
        if (all(height, recessDepth)) {
            DesignRules.recessDepth(recessDepth, height).ifPresent(warnings::add);
        }
        if (all(hollowWalls, stage)) {
            DesignRules.hollowWallsOrder(hollowWalls, stage).ifPresent(warnings::add);
        }

        if (!violations.isEmpty()) {
            return new ReadResult(null, violations, warnings);
        }
        Design design = new Design(name, revision,
                new PackageSpec(bodyLength, bodyWidth, height, frequency, harmonics, riseTime, terminalSide),
                new PanelSpec(rows, columns, pitchX, pitchY, margin, kerf),
                new ShieldSpec(shieldMaterial, thickness, clearance,
                        new OpeningsSpec(style, perWall, openingLength, openingHeight), hollowWalls, permeability),
                new MandrelSpec(mandrelMaterial, recessDepth),
                new EncapsulationSpec(encapsulant, permittivity, stage, allowance),
                new BondingSpec(bondingMaterial, padSize, padThickness),
                new Requirements(minShielding, apertureRule),
                new ProcessSpec(currentDensity, singulation));
        return new ReadResult(design, List.of(), warnings);
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

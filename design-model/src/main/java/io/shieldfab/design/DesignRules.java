package io.shieldfab.design;

import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.geometry.DepressionGeometry.Axis;
import io.shieldfab.design.geometry.FlowRoute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import static io.shieldfab.design.DesignLimits.GEOMETRY_EPSILON_MM;
import static io.shieldfab.design.DesignLimits.PANEL_SIDE_MAX_MM;
import static io.shieldfab.design.DesignLimits.RECESS_TOLERANCE_FRACTION;
import static io.shieldfab.design.DesignLimits.RECESS_TOLERANCE_MIN_MM;
import static io.shieldfab.design.DesignLimits.number;

/**
 * The cross-field rules of a design document (docs/design-document.md, "Rules across fields"), one method per
 * {@link DesignRule}. Each returns the violation or warning as data (rule, field, measured, limit, unit) with a
 * message for a package designer that gives the numbers and what to change, or empty. The geometric rules measure
 * the {@link DepressionGeometry} on the integer nanometre grid, the same numbers the layout draws, so validation and
 * layout agree at every boundary.
 */
final class DesignRules {

    private DesignRules() {
    }

    /**
     * Rules 1 and 2: the depression must fit inside the pitch, leaving a street wider than the saw kerf (claim 1:
     * severing between depressions must not cut a side wall). Violation on the pitch when the recess alone does not
     * fit, on the kerf ({@code kerfKnown}) when only the kerf does not.
     */
    static Optional<Violation> footprint(Axis axis, String bodyField, long thicknessNm, boolean kerfKnown) {
        String pitchField = "pitch" + axis.name() + "Mm";
        double footprint = mm(axis.recessNm());
        double pitch = mm(axis.pitchNm());
        double kerf = mm(axis.kerfNm());
        String how = "package." + bodyField + " " + number(mm(axis.bodyNm())) + " + 2 × shield.wallClearanceMm "
                + number(mm(axis.clearanceNm())) + " + 2 × shield.thicknessUm " + number(thicknessNm / 1e3) + " µm";
        if (!axis.recessFits()) {
            return Optional.of(Violation.of(DesignRule.RECESS_WITHIN_PITCH, "panel." + pitchField, footprint, pitch,
                    "mm", "the depression's outer footprint along " + axis.name() + " is {measured} {unit} (" + how
                            + ") and does not fit in " + pitchField + " {limit} {unit}; make " + pitchField
                            + " more than " + number(mm(axis.recessNm() + axis.kerfNm()))
                            + " mm (footprint + saw kerf) or reduce the clearance"));
        }
        if (kerfKnown && !axis.kerfFits()) {
            String street = number(mm(axis.streetNm()));
            return Optional.of(Violation.of(DesignRule.KERF_WITHIN_STREET, "panel.sawKerfMm", kerf,
                    mm(axis.streetNm()), "mm", "the street between depressions along " + axis.name() + " is "
                            + pitchField + " " + number(pitch) + " − footprint " + number(footprint) + " mm (" + how
                            + ") = {limit} {unit}, not wider than sawKerfMm {measured} {unit}, so the saw would cut"
                            + " the side walls; make " + pitchField + " more than "
                            + number(mm(axis.recessNm() + axis.kerfNm())) + " mm or use a kerf narrower than "
                            + street + " mm"));
        }
        return Optional.empty();
    }

    /**
     * Rule 3: the panel outline per side (count × pitch + 2 × margin) is at most
     * {@link DesignLimits#PANEL_SIDE_MAX_MM}.
     */
    static Optional<Violation> panelSide(char axis, String countField, int count, String pitchField, double pitchMm,
                                         double marginMm) {
        double side = count * pitchMm + 2 * marginMm;
        if (side <= PANEL_SIDE_MAX_MM + GEOMETRY_EPSILON_MM) {
            return Optional.empty();
        }
        String countName = countField.substring(countField.indexOf('.') + 1);
        return Optional.of(Violation.of(DesignRule.PANEL_SIDE, countField, side, PANEL_SIDE_MAX_MM, "mm",
                "the panel outline along " + axis + " is " + countName + " " + count + " × " + pitchField + " "
                        + number(pitchMm) + " + 2 × marginMm " + number(marginMm) + " = {measured} {unit}, more than"
                        + " the largest panel side of {limit} {unit}; use at most "
                        + (int) Math.floor((PANEL_SIDE_MAX_MM - 2 * marginMm) / pitchMm) + " " + countName
                        + " at this pitch or split the panel"));
    }

    /**
     * Rule 4: the openings must fit on the shorter inner wall, by {@link DepressionGeometry#openingsNeedNm}. SLOTS:
     * perWall slots plus one slot length of solid wall between neighbours; PILLARS: the gaps must leave some pillar.
     */
    static Optional<Violation> openingsOnWall(OpeningStyle style, int perWall, long lengthNm, long thicknessNm,
                                              Axis x, Axis y) {
        boolean yShorter = y.cavityNm() < x.cavityNm();
        Axis shorter = yShorter ? y : x;
        long wallNm = shorter.cavityNm();
        long needNm = DepressionGeometry.openingsNeedNm(style, perWall, lengthNm, thicknessNm);
        if (DepressionGeometry.openingsFit(needNm, wallNm)) {
            return Optional.empty();
        }
        double length = mm(lengthNm);
        String wallHow = (yShorter ? "along Y: package.bodyWidthMm " : "along X: package.bodyLengthMm ")
                + number(mm(shorter.bodyNm())) + " + 2 × shield.wallClearanceMm " + number(mm(shorter.clearanceNm()));
        double notch = length + 2 * mm(thicknessNm);
        String neededHow = switch (style) {
            case SLOTS -> perWall + " slots × " + number(length) + " mm + " + (perWall - 1) + " × " + number(length)
                    + " mm of solid wall between slots = {measured} {unit}";
            case TROUGHS -> perWall + " trough notches × " + number(notch) + " mm (lengthMm + 2 × thickness) + "
                    + (perWall - 1) + " × " + number(notch) + " mm of rib between notches = {measured} {unit}";
            default -> perWall + " gaps × " + number(length) + " mm = {measured} {unit}";
        };
        double wall = mm(wallNm);
        double largest = switch (style) {
            case SLOTS -> wall / (2.0 * perWall - 1);
            case TROUGHS -> wall / (2.0 * perWall - 1) - 2 * mm(thicknessNm);
            default -> wall / perWall;
        };
        return Optional.of(Violation.of(DesignRule.OPENINGS_ON_WALL, "shield.openings.lengthMm", mm(needNm), wall,
                "mm", "the openings do not fit on the wall: " + neededHow + " is not less than the shorter inner"
                        + " wall, {limit} {unit} (" + wallHow + "); use fewer openings (perWall) or make lengthMm"
                        + " less than " + number(largest) + " mm"));
    }

    /** Rule 5: an opening cannot be taller than the side wall, whose height is the mandrel recess depth. */
    static Optional<Violation> openingHeight(long heightNm, long recessDepthNm) {
        if (DepressionGeometry.openingHeightFits(heightNm, recessDepthNm)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(DesignRule.OPENING_HEIGHT, "shield.openings.heightMm", mm(heightNm),
                mm(recessDepthNm), "mm", "an opening {measured} {unit} high does not fit in a side wall {limit} {unit}"
                        + " high (mandrel.recessDepthMm); make heightMm at most {limit} {unit}"));
    }

    /**
     * Rule 9: a length the layout cannot draw. Below half a nanometre it rounds to 0 on the layout's 1 nm grid
     * (docs/layout.md), which would leave a depression, wall, opening or pad of no size.
     */
    static Optional<Violation> belowLayoutGrid(String field, double lengthMm) {
        if (DepressionGeometry.nm(lengthMm) > 0) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(DesignRule.LAYOUT_GRID, field, lengthMm, 0.000001, "mm",
                "is {measured} {unit}, below the layout's 1 nm grid; it would round to 0 nm"
                        + " (use at least {limit} {unit})"));
    }

    /**
     * Rule 10: the layout files must stay within the output limits (docs/design-document.md, "Output size"): their
     * size grows with the sites (rows × columns) times the shapes of one site, which the openings per wall multiply.
     * One violation on each field that drives it, {@code panel.rows}, {@code panel.columns} and, with openings,
     * {@code shield.openings.perWall}, each with the figures over their limits and the largest value of that field
     * that fits when the others stay.
     */
    static List<Violation> outputSize(OutputEstimate.Input input, OutputLimits limits) {
        OutputEstimate estimate = OutputEstimate.of(input);
        List<String> over = estimate.exceeded(limits);
        if (over.isEmpty()) {
            return List.of();
        }
        int perWall = input.style() == OpeningStyle.NONE ? 0 : input.perWall();
        String size = "the layout files would be too large: rows " + input.rows() + " × columns " + input.columns()
                + " = " + OutputEstimate.count(estimate.sites()) + " sites of " + estimate.shapesPerSite() + " shapes"
                + (perWall > 0 ? " (" + 4 * perWall + " of them openings, 4 × perWall " + perWall + ")" : "")
                + " give " + String.join(", ", over) + "; ";
        List<Violation> violations = new ArrayList<>();
        int rows = largestWithin(input.rows() - 1, input::withRows, limits);
        violations.add(outputSize("panel.rows", input.rows(), rows, "rows", size + (rows >= 1
                ? "use at most " + rows + " rows with " + input.columns() + " columns"
                : "even one row of " + input.columns() + " columns is too large; use fewer columns")));
        int columns = largestWithin(input.columns() - 1, input::withColumns, limits);
        violations.add(outputSize("panel.columns", input.columns(), columns, "columns", size + (columns >= 1
                ? "use at most " + columns + " columns with " + input.rows() + " rows"
                : "even one column of " + input.rows() + " rows is too large; use fewer rows")));
        if (perWall > 0) {
            int fewer = largestWithin(perWall - 1, input::withPerWall, limits);
            violations.add(outputSize("shield.openings.perWall", perWall, fewer, "openings", size + (fewer >= 1
                    ? "use at most " + fewer + " openings per wall on this panel, or fewer sites"
                    : "fewer openings alone are not enough on this panel; use fewer rows or columns")));
        }
        return violations;
    }

    /** Rule 10's violation on one field: its value against the largest value that fits (0: none does). */
    private static Violation outputSize(String field, int value, int largest, String unit, String message) {
        return new Violation(field, message, DesignRule.OUTPUT_SIZE.code(), (double) value, (double) largest, unit);
    }

    /** The largest value from 1 to {@code max} whose estimate is within the limits (they grow with it), or 0. */
    private static int largestWithin(int max, IntFunction<OutputEstimate.Input> with, OutputLimits limits) {
        int low = 0;
        int high = max;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (OutputEstimate.of(with.apply(mid)).within(limits)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * Rule 7, claim 8: the recess depth should be about the package height. Warning (field mandrel.recessDepthMm) when
     * the recess is shallower than the package, or differs by more than max(0.05 mm, 10 % of the height).
     */
    static Optional<Violation> recessDepth(double recessDepthMm, double packageHeightMm) {
        double tolerance = Math.max(RECESS_TOLERANCE_MIN_MM, RECESS_TOLERANCE_FRACTION * packageHeightMm);
        double difference = recessDepthMm - packageHeightMm;
        if (difference < -GEOMETRY_EPSILON_MM) {
            return Optional.of(Violation.of(DesignRule.RECESS_DEPTH, "mandrel.recessDepthMm", recessDepthMm,
                    packageHeightMm, "mm", "the recess ({measured} {unit}) is shallower than the package"
                            + " (package.heightMm {limit} {unit}), so the package would stand proud of the shield"
                            + " (claim 8); make recessDepthMm between " + number(packageHeightMm) + " and "
                            + number(packageHeightMm + tolerance) + " mm"));
        }
        if (difference > tolerance + GEOMETRY_EPSILON_MM) {
            return Optional.of(Violation.of(DesignRule.RECESS_DEPTH, "mandrel.recessDepthMm", recessDepthMm,
                    packageHeightMm + tolerance, "mm", "the recess ({measured} {unit}) is " + number(difference)
                            + " mm deeper than the package (package.heightMm " + number(packageHeightMm)
                            + " mm), more than the " + number(tolerance) + " mm tolerance (claim 8: recess depth"
                            + " about the package height); make recessDepthMm between " + number(packageHeightMm)
                            + " and {limit} {unit}"));
        }
        return Optional.empty();
    }

    /**
     * Rule 8, claim 15: {@code hollowWalls} true states that the wall spaces are open to the rear when the
     * encapsulant goes in, which is only so once the support is removed.
     */
    static Optional<Violation> hollowWallsOrder(boolean hollowWalls, EncapsulationStage stage) {
        if (!hollowWalls || stage != EncapsulationStage.BEFORE_SUPPORT_REMOVAL) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(DesignRule.HOLLOW_WALL_ORDER, "encapsulation.stage", "hollow side walls"
                + " (shield.hollowWalls true) must be encapsulated after the mandrel is removed (claim 15), but stage"
                + " is BEFORE_SUPPORT_REMOVAL; set encapsulation.stage to AFTER_SUPPORT_REMOVAL or make the walls"
                + " solid; recipe-service refuses this combination with 422"));
    }

    /**
     * Rule 11 (warning; recipe-service refuses it with 422), claims 13, 15, 16: the openings must give the
     * encapsulant a path from one depression to the next in the chosen stage. Slots through the side walls face the
     * solid mandrel rib while the support is in place.
     */
    static Optional<Violation> flowPath(FlowRoute route) {
        if (!route.blocked()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(DesignRule.FLOW_PATH, "shield.openings.style", "slots through the side"
                + " walls face the solid mandrel rib while the support is in place (encapsulation.stage"
                + " BEFORE_SUPPORT_REMOVAL), so the encapsulant has no path from one depression to the next (claims"
                + " 13, 16); use style TROUGHS (channels over the rib, same lengthMm and heightMm), or set"
                + " encapsulation.stage to AFTER_SUPPORT_REMOVAL: the slots then open into the wall spaces, which a"
                + " rear covering layer closes (claim 15); recipe-service refuses this combination with 422"));
    }

    private static double mm(long nm) {
        return nm / 1e6;
    }
}

package io.shieldfab.design;

import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;

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
 * The cross-field rules of a design document (docs/design-document.md, "Rules across fields"). Each returns
 * the violation or warning, worded for a package designer with the numbers and what to change, or empty.
 *
 * <pre>
 *   one site, section along X:
 *
 *   |&lt;-------------------------- pitchXMm --------------------------&gt;|
 *   | street/2 |&lt;------------- outer footprint -------------&gt;| street/2 |
 *              |t|clearance|&lt;--- bodyLengthMm ---&gt;|clearance|t|
 *              |&lt;-------- inner wall length ----------&gt;|   (between the t's)
 *   street = pitch - footprint must be wider than sawKerfMm
 * </pre>
 */
final class DesignRules {

    private DesignRules() {
    }

    /** Outer footprint of one depression along an axis, mm: body + 2 × clearance + 2 × wall thickness. */
    static double outerFootprintMm(double bodyMm, double clearanceMm, double thicknessMm) {
        return bodyMm + 2 * clearanceMm + 2 * thicknessMm;
    }

    /** Inner length of a side wall along an axis, mm: body + 2 × clearance. */
    static double innerWallMm(double bodyMm, double clearanceMm) {
        return bodyMm + 2 * clearanceMm;
    }

    /**
     * The depression must fit inside the pitch, leaving a street wider than the saw kerf (claim 1: severing
     * between depressions must not cut a side wall). Violation on the pitch when the footprint alone does not
     * fit, on the kerf when only the kerf does not.
     */
    static Optional<Violation> footprint(char axis, String bodyField, double bodyMm, double clearanceMm,
                                         double thicknessMm, String pitchField, double pitchMm, Double kerfMm) {
        double footprint = outerFootprintMm(bodyMm, clearanceMm, thicknessMm);
        String how = "package." + bodyField + " " + number(bodyMm) + " + 2 × shield.wallClearanceMm "
                + number(clearanceMm) + " + 2 × shield.thicknessUm " + number(thicknessMm * 1000) + " µm";
        double kerf = kerfMm == null ? 0 : kerfMm;
        if (footprint >= pitchMm - GEOMETRY_EPSILON_MM) {
            return Optional.of(new Violation("panel." + pitchField, "the depression's outer footprint along " + axis
                    + " is " + number(footprint) + " mm (" + how + ") and does not fit in " + pitchField + " "
                    + number(pitchMm) + " mm; make " + pitchField + " more than " + number(footprint + kerf)
                    + " mm (footprint + saw kerf) or reduce the clearance"));
        }
        double street = pitchMm - footprint;
        if (kerfMm != null && street <= kerfMm + GEOMETRY_EPSILON_MM) {
            return Optional.of(new Violation("panel.sawKerfMm", "the street between depressions along " + axis
                    + " is " + pitchField + " " + number(pitchMm) + " − footprint " + number(footprint) + " mm ("
                    + how + ") = " + number(street) + " mm, not wider than sawKerfMm " + number(kerfMm)
                    + " mm, so the saw would cut the side walls; make " + pitchField + " more than "
                    + number(footprint + kerfMm) + " mm or use a kerf narrower than " + number(street) + " mm"));
        }
        return Optional.empty();
    }

    /** The panel outline per side (count × pitch + 2 × margin) must not exceed {@link DesignLimits#PANEL_SIDE_MAX_MM}. */
    static Optional<Violation> panelSide(char axis, String countField, int count, String pitchField, double pitchMm,
                                         double marginMm) {
        double side = count * pitchMm + 2 * marginMm;
        if (side <= PANEL_SIDE_MAX_MM + GEOMETRY_EPSILON_MM) {
            return Optional.empty();
        }
        String countName = countField.substring(countField.indexOf('.') + 1);
        return Optional.of(new Violation(countField, "the panel outline along " + axis + " is " + countName + " "
                + count + " × " + pitchField + " " + number(pitchMm) + " + 2 × marginMm " + number(marginMm) + " = "
                + number(side) + " mm, more than the largest panel side of " + number(PANEL_SIDE_MAX_MM)
                + " mm; use at most " + (int) Math.floor((PANEL_SIDE_MAX_MM - 2 * marginMm) / pitchMm) + " "
                + countName + " at this pitch or split the panel"));
    }

    /**
     * The openings must fit on the shorter inner wall. SLOTS: perWall slots plus at least one slot length of
     * solid wall between neighbours, (2·perWall − 1)·lengthMm &lt; wall. PILLARS: the perWall gaps must leave
     * some pillar, perWall·lengthMm &lt; wall.
     */
    static Optional<Violation> openingsOnWall(OpeningStyle style, int perWall, double lengthMm, double bodyLengthMm,
                                              double bodyWidthMm, double clearanceMm) {
        double wallX = innerWallMm(bodyLengthMm, clearanceMm);
        double wallY = innerWallMm(bodyWidthMm, clearanceMm);
        boolean yShorter = wallY < wallX;
        double wall = Math.min(wallX, wallY);
        String wallHow = (yShorter ? "along Y: package.bodyWidthMm " + number(bodyWidthMm)
                : "along X: package.bodyLengthMm " + number(bodyLengthMm))
                + " + 2 × shield.wallClearanceMm " + number(clearanceMm);
        double needed;
        String neededHow;
        if (style == OpeningStyle.SLOTS) {
            needed = (2.0 * perWall - 1) * lengthMm;
            neededHow = perWall + " slots × " + number(lengthMm) + " mm + " + (perWall - 1) + " × " + number(lengthMm)
                    + " mm of solid wall between slots = " + number(needed) + " mm";
        } else {
            needed = perWall * lengthMm;
            neededHow = perWall + " gaps × " + number(lengthMm) + " mm = " + number(needed) + " mm";
        }
        if (needed < wall - GEOMETRY_EPSILON_MM) {
            return Optional.empty();
        }
        double largest = style == OpeningStyle.SLOTS ? wall / (2.0 * perWall - 1) : wall / perWall;
        return Optional.of(new Violation("shield.openings.lengthMm", "the openings do not fit on the wall: "
                + neededHow + " is not less than the shorter inner wall, " + number(wall) + " mm (" + wallHow
                + "); use fewer openings (perWall) or make lengthMm less than " + number(largest) + " mm"));
    }

    /** An opening cannot be taller than the side wall, whose height is the mandrel recess depth. */
    static Optional<Violation> openingHeight(double heightMm, double recessDepthMm) {
        if (heightMm <= recessDepthMm + GEOMETRY_EPSILON_MM) {
            return Optional.empty();
        }
        return Optional.of(new Violation("shield.openings.heightMm", "an opening " + number(heightMm)
                + " mm high does not fit in a side wall " + number(recessDepthMm)
                + " mm high (mandrel.recessDepthMm); make heightMm at most " + number(recessDepthMm) + " mm"));
    }

    /**
     * A length the layout cannot draw: below half a nanometre it rounds to 0 on the layout's 1 nm grid
     * (docs/layout.md), which would leave a depression, wall or pad of no size. Found by the layout fuzz test
     * (a 1e-7 mm package height passed the "greater than 0" range and failed in the layout service).
     */
    static Optional<Violation> belowLayoutGrid(String field, double lengthMm) {
        if (lengthMm >= GEOMETRY_EPSILON_MM / 2) {
            return Optional.empty();
        }
        return Optional.of(new Violation(field, "is " + number(lengthMm) + " mm, below the layout's 1 nm grid; it"
                + " would round to 0 nm (use at least 0.000001 mm)"));
    }

    /**
     * The layout files must stay within the output limits (docs/design-document.md, "Output size"): their size grows
     * with the sites (rows × columns) times the shapes of one site, which the openings per wall multiply. One
     * violation on each field that drives it, {@code panel.rows}, {@code panel.columns} and, with openings,
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
        violations.add(new Violation("panel.rows", size + (rows >= 1
                ? "use at most " + rows + " rows with " + input.columns() + " columns"
                : "even one row of " + input.columns() + " columns is too large; use fewer columns")));
        int columns = largestWithin(input.columns() - 1, input::withColumns, limits);
        violations.add(new Violation("panel.columns", size + (columns >= 1
                ? "use at most " + columns + " columns with " + input.rows() + " rows"
                : "even one column of " + input.rows() + " rows is too large; use fewer rows")));
        if (perWall > 0) {
            int fewer = largestWithin(perWall - 1, input::withPerWall, limits);
            violations.add(new Violation("shield.openings.perWall", size + (fewer >= 1
                    ? "use at most " + fewer + " openings per wall on this panel, or fewer sites"
                    : "fewer openings alone are not enough on this panel; use fewer rows or columns")));
        }
        return violations;
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
     * Claim 8: the recess depth should be about the package height. Warning (field mandrel.recessDepthMm) when
     * the recess is shallower than the package, or differs by more than max(0.05 mm, 10 % of the height).
     */
    static Optional<Violation> recessDepth(double recessDepthMm, double packageHeightMm) {
        double tolerance = Math.max(RECESS_TOLERANCE_MIN_MM, RECESS_TOLERANCE_FRACTION * packageHeightMm);
        double difference = recessDepthMm - packageHeightMm;
        if (difference < -GEOMETRY_EPSILON_MM) {
            return Optional.of(new Violation("mandrel.recessDepthMm", "the recess (" + number(recessDepthMm)
                    + " mm) is shallower than the package (package.heightMm " + number(packageHeightMm)
                    + " mm), so the package would stand proud of the shield (claim 8); make recessDepthMm between "
                    + number(packageHeightMm) + " and " + number(packageHeightMm + tolerance) + " mm"));
        }
        if (difference > tolerance + GEOMETRY_EPSILON_MM) {
            return Optional.of(new Violation("mandrel.recessDepthMm", "the recess (" + number(recessDepthMm)
                    + " mm) is " + number(difference) + " mm deeper than the package (package.heightMm "
                    + number(packageHeightMm) + " mm), more than the " + number(tolerance)
                    + " mm tolerance (claim 8: recess depth about the package height); make recessDepthMm between "
                    + number(packageHeightMm) + " and " + number(packageHeightMm + tolerance) + " mm"));
        }
        return Optional.empty();
    }

    /** Claim 15: hollow walls open to the rear need the support removed before encapsulation. */
    static Optional<Violation> hollowWallsOrder(boolean hollowWalls, EncapsulationStage stage) {
        if (!hollowWalls || stage != EncapsulationStage.BEFORE_SUPPORT_REMOVAL) {
            return Optional.empty();
        }
        return Optional.of(new Violation("encapsulation.stage", "hollow side walls (shield.hollowWalls true) must be"
                + " encapsulated after the mandrel is removed (claim 15), but stage is BEFORE_SUPPORT_REMOVAL;"
                + " set encapsulation.stage to AFTER_SUPPORT_REMOVAL or make the walls solid; recipe-service"
                + " refuses this combination with 422"));
    }
}

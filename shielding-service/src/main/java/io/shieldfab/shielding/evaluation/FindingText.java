package io.shieldfab.shielding.evaluation;

import io.shieldfab.shielding.evaluation.ShieldingReport.FillLimit;
import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.OpeningWindow;
import io.shieldfab.shielding.evaluation.ShieldingReport.Resonance;
import io.shieldfab.shielding.evaluation.ShieldingReport.RuleCheck;

import java.util.List;
import java.util.Locale;

/**
 * The words of the findings, rendered from their data (the rule check where the rule is tightest, the fix found)
 * with the number formats of {@link Quantities}. Clients read the data; the sentences are for people.
 */
final class FindingText {

    /** A finding's message and fix. */
    record Text(String message, String fix) {
    }

    private FindingText() {
    }

    /** Where a rule is tightest: frequency, harmonic and the wavelength in the encapsulant. */
    static String at(FrequencyCheck fc) {
        return " at " + Quantities.hz(fc.frequencyHz()) + " (harmonic " + fc.harmonic() + ", λ = "
                + Quantities.mm(fc.wavelengthMm()) + " in the encapsulant)";
    }

    /** The source the wall SE assumed: its region, type and distance (docs/shielding.md). */
    private static String source(ShieldingReport.SolidWall w, boolean named) {
        String face = w.sourceFace() == ShieldingReport.SourceFace.TOP_WALL ? "top wall" : "side walls";
        return w.fieldRegion() == ShieldingReport.FieldRegion.NEAR
                ? " for a " + w.sourceType().name().toLowerCase(Locale.ROOT) + " near-field source "
                + Quantities.mm(w.sourceDistanceMm()) + " from the " + face + " (inside λ/2π = "
                + Quantities.mm(w.boundaryMm()) + (named ? "; as requirements.nearFieldSource names it)"
                : "; the worse of the magnetic and electric forms)")
                : " for a plane wave (the package is " + Quantities.mm(w.sourceDistanceMm()) + " from the " + face
                + ", beyond λ/2π = " + Quantities.mm(w.boundaryMm()) + ")";
    }

    static Text wall(ShieldModel c, RuleCheck r, FrequencyCheck fc, double thicknessFixUm) {
        return new Text("The " + Quantities.num(r.actualMm() * 1000) + " µm " + c.material.name().toLowerCase(Locale.ROOT)
                + " wall gives " + Quantities.db(fc.solidWallSeDb()) + ", below the required " + Quantities.db(c.minSe)
                + at(fc) + source(fc.solidWall(), c.design.requirements().nearFieldSource() != null) + ".",
                "Plate at least " + Quantities.num(thicknessFixUm) + " µm (shield.thicknessUm); that reaches "
                        + Quantities.db(c.minSe) + " at every checked frequency.");
    }

    /** The seam: the longest unbonded stretch of the rim, what it lets through, and the bonding that closes it. */
    static Text seam(ShieldModel c, RuleCheck r, FrequencyCheck fc, FixSearch.SeamFix fix) {
        ShieldGeometry.Seam seam = c.g.seam();
        String bonded = seam.gapCount() == 1
                ? "The rim is bonded nowhere (no bonding pad fits on the lands): the whole rim, "
                : "The rim is bonded at " + seam.gapCount() + " pads; the longest stretch between two of them, ";
        String message = bonded + Quantities.mm(seam.longestGapMm()) + ", is a slot between the can and the board"
                + " that gives " + Quantities.db(r.measured()) + " against the required " + Quantities.db(c.minSe)
                + at(fc) + " (the largest passing stretch there is " + Quantities.mm(r.limitMm()) + ").";
        String ring = "bond the rim all round (bonding.pattern RING): a continuous joint closes the seam.";
        String text = fix.padsPerSide() == null
                ? "B" + ring.substring(1) + " No pad count up to " + FixSearch.MAX_PADS_PER_SIDE + " per side passes"
                + " at every checked frequency."
                : "Use " + fix.padsPerSide() + " pads per side (bonding.padsPerSide; the longest stretch is then "
                + Quantities.mm(fix.longestGapMm()) + "), which passes at every checked frequency, or " + ring;
        return new Text(message, text);
    }

    static Text seamNotEvaluated() {
        return new Text("The layout gives no seam (metrics seamGapCount and seamLongestGapMm): the seam between the"
                + " can's rim and the board is not checked.", "Evaluate with a layout of the current layout-service.");
    }

    static Text opening(ShieldModel c, RuleCheck r, FrequencyCheck fc, String field, double openingFixMm,
                        OpeningWindow window) {
        String fix = openingFixMm > 0
                ? "Make the largest opening dimension at most " + Quantities.num(openingFixMm) + " mm (" + field
                + (c.g.bothOpeningDimensionsAbove(openingFixMm) ? " and the other opening dimension" : "")
                + "); that passes every aperture rule at every checked frequency"
                + (window == null ? "." : ". Keep the smallest opening dimension at least "
                + Quantities.mm(window.minMm()) + " for the fill (opening window " + range(window) + ").")
                : "No opening size passes at every checked frequency; close the walls (shield.openings.style NONE)"
                + " or lower requirements.minShieldingDb.";
        return new Text("The largest opening, " + Quantities.mm(r.actualMm()) + ", " + what(c, r, fc) + at(fc) + ".",
                fix);
    }

    /** An aperture finding whose opening fix the fill cannot pass: both limits, and the fix of the window. */
    static Text openingOutsideWindow(ShieldModel c, RuleCheck r, FrequencyCheck fc, OpeningWindow w) {
        Text window = window(c, w);
        return new Text("The largest opening, " + Quantities.mm(r.actualMm()) + ", " + what(c, r, fc) + at(fc)
                + ". No smaller opening fixes it, as the " + window.message().substring("The ".length()),
                window.fix());
    }

    /**
     * An empty opening window: the fill's limit (and where it comes from) against the shielding's, and either the
     * finer filler that opens it or the other levers of the fill (docs/shielding.md, "Opening window").
     */
    static Text window(ShieldModel c, OpeningWindow w) {
        String fillNeeds = "the fill needs pathways of at least " + Quantities.mm(w.minMm()) + " ("
                + (w.minLimitedBy() == FillLimit.FILLER
                ? Quantities.num(w.fillerFactor()) + " × the "
                + Quantities.num(c.design.encapsulation().fillerTopCutUm()) + " µm filler top cut" : "the flow along the chain within the allowed share of the gel time") + ")";
        String shieldingAllows = w.maxMm() > 0
                ? "the shielding allows at most " + Quantities.mm(w.maxMm()) + " at " + Quantities.hz(w.maxFrequencyHz())
                : "no opening reaches the shielding target at " + Quantities.hz(w.maxFrequencyHz());
        String message = "The opening window is empty: " + fillNeeds + ", " + shieldingAllows + ".";
        String fix;
        if (w.fillerTopCutMaxUm() != null) {
            fix = "Use a compound with a filler top cut of at most " + Quantities.num(w.fillerTopCutMaxUm())
                    + " µm (" + OpeningWindows.FILLER_FIELD + "): the filler rule then allows openings down to "
                    + Quantities.mm(w.maxMm()) + ", so openings of " + Quantities.mm(w.maxMm())
                    + " both fill and shield.";
        } else {
            fix = (w.minLimitedBy() == FillLimit.FILLER && w.maxMm() > 0
                    ? "A finer filler alone does not open it: the flow along the chain needs "
                    + Quantities.mm(w.flowMinMm()) + ". " : "")
                    + "Shorten the chain (encapsulation.gatesPerRow, or encapsulation.method COMPRESSION_MOLD),"
                    + " add pathways (shield.openings.perWall), lower encapsulation.viscosityPaS, raise"
                    + " encapsulation.pressureKPa, use a compound with a longer encapsulation.gelTimeS or a finer"
                    + " filler (encapsulation.fillerTopCutUm), or lower requirements.minShieldingDb.";
        }
        return new Text(message, fix);
    }

    private static String range(OpeningWindow w) {
        return "[" + Quantities.num(w.minMm()) + ", " + Quantities.num(w.maxMm()) + "] mm";
    }

    private static String what(ShieldModel c, RuleCheck r, FrequencyCheck fc) {
        return switch (r.rule()) {
            case OPENING_BELOW_WAVELENGTH -> "is not smaller than the wavelength " + Quantities.mm(r.limitMm())
                    + " (claims 14 and 23 require every opening to be smaller than the wavelength)";
            case OPENING_BELOW_WAVELENGTH_AT_HARMONIC -> "is not smaller than the wavelength "
                    + Quantities.mm(r.limitMm()) + " at this harmonic (an engineering rule: claims 14 and 23 speak"
                    + " only of the operating frequency)";
            case OPENING_BELOW_HALF_WAVELENGTH -> "is not smaller than half a wavelength, " + Quantities.mm(r.limitMm())
                    + ": the opening resonates and no longer shields";
            case OPENING_BELOW_QUARTER_WAVELENGTH -> "is not smaller than a quarter wavelength, "
                    + Quantities.mm(r.limitMm()) + ": the gap is open at one end, resonates there and no longer shields";
            case APERTURE_SHIELDING -> "lets the openings on one wall give only "
                    + Quantities.db(fc.apertureSeDb() == null ? 0 : fc.apertureSeDb()) + " against the required "
                    + Quantities.db(c.minSe) + " (largest passing opening here " + Quantities.mm(r.limitMm()) + ")";
            default -> "exceeds the design rule " + c.design.requirements().apertureRule().name() + " limit "
                    + Quantities.mm(r.limitMm());
        };
    }

    static Text resonance(ShieldModel c, int harmonic, double f, List<Resonance> modes, boolean warn, Double clearance,
                          double margin) {
        ShieldGeometry g = c.g;
        String listed = String.join(", ", modes.stream()
                .map(r -> r.mode() + " (" + Quantities.hz(r.frequencyHz()) + ")").toList());
        String message = "The depression (" + Quantities.mm(g.cavityLengthMm()) + " × " + Quantities.mm(g.cavityWidthMm())
                + " × " + Quantities.mm(g.cavityDepthMm()) + ", loaded with the package: effective εr "
                + Quantities.num(c.cavityEr()) + ") resonates within "
                + Quantities.pct(margin) + " of harmonic " + harmonic + " (" + Quantities.hz(f) + "): "
                + listed + ". Fields inside can build up there."
                + (warn ? "" : " Reported for review, not as a warning: this is a harmonic of an RF carrier"
                + " (the design gives no package.riseTimeS), whose level is normally far below the"
                + " fundamental's; give package.riseTimeS to treat harmonics as digital edge content.");
        String fix = clearance != null
                ? "Reduce shield.wallClearanceMm to " + Quantities.num(clearance) + " mm: the smaller depression moves"
                + " every mode out of the " + Quantities.pct(margin) + " margin of every checked frequency."
                : "No smaller wall clearance clears the " + Quantities.pct(margin) + " margin (the cavity has many"
                + " modes in this band); change mandrel.recessDepthMm or the package size, or use a lossy encapsulant"
                + " to damp the resonance.";
        return new Text(message, fix);
    }

    static Text truncated(EmissionRange range, int checked) {
        if (range.rule() == EmissionRange.Rule.HARMONICS_OVERRIDE) {
            return new Text("The design asks for " + range.harmonics() + " harmonics (up to the knee frequency);"
                    + " only the first " + checked + " are checked.",
                    "Raise shieldfab.shielding.max-checked-frequencies or lengthen package.riseTimeS.");
        }
        return new Text("The emission rule " + range.rule() + " asks for " + range.harmonics() + " harmonics (up to "
                + Quantities.hz(range.upToHz()) + "); only the first " + checked + " are checked.",
                "Raise shieldfab.shielding.max-checked-frequencies, or give package.harmonics to check fewer.");
    }

    static Text enclosureNotApplicable(String reason) {
        return new Text("The enclosure model (Robinson et al. 1998) does not apply to these openings: " + reason
                + "; the report has no enclosure SE.", "None needed; aperture and wall rules still apply.");
    }
}

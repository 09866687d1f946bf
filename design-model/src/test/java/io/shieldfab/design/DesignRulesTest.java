package io.shieldfab.design;

import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.geometry.DepressionGeometry.Axis;
import org.junit.jupiter.api.Test;

import static io.shieldfab.design.Fixtures.read;
import static io.shieldfab.design.Fixtures.wifi;
import static io.shieldfab.design.Fixtures.with;
import static io.shieldfab.design.geometry.DepressionGeometry.nm;
import static io.shieldfab.design.geometry.DepressionGeometry.nmFromUm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rules across fields, each with a failing and a passing fixture. Expected numbers are worked out by hand in
 * the comments from the geometry in docs/design-document.md ("Rules across fields") and the Wi-Fi example
 * (body 5.0 × 4.0 × 0.9 mm, clearance 0.3 mm, nickel 25 µm, pitch 7.0 × 6.0 mm, kerf 0.2 mm).
 */
class DesignRulesTest {

    /** The Wi-Fi cavity: X 5.0 + 0.6 = 5.6 mm, Y 4.0 + 0.6 = 4.6 mm (the openings rule reads only the cavity). */
    private static final Axis X = axis('X', 5.0, 25, 7.0, 0.2);
    private static final Axis Y = axis('Y', 4.0, 25, 6.0, 0.2);

    /** One axis of the Wi-Fi site in nm: body, clearance 0.3 mm, wall total, pitch, kerf. */
    private static Axis axis(char name, double bodyMm, double wallUm, double pitchMm, double kerfMm) {
        return new Axis(name, nm(bodyMm), nm(0.3), nmFromUm(wallUm), nm(pitchMm), nm(kerfMm));
    }

    @Test
    void outerFootprintAndInnerWall() {
        // footprint X = 5.0 + 2 × 0.3 + 2 × 0.025 = 5.0 + 0.6 + 0.05 = 5.65 mm; street 7.0 − 5.65 = 1.35 mm
        assertThat(axis('X', 5.0, 25, 7.0, 0.2).recessNm()).isEqualTo(5_650_000);
        assertThat(axis('X', 5.0, 25, 7.0, 0.2).streetNm()).isEqualTo(1_350_000);
        // inner wall Y = 4.0 + 2 × 0.3 = 4.6 mm
        assertThat(axis('Y', 4.0, 25, 6.0, 0.2).cavityNm()).isEqualTo(4_600_000);
    }

    @Test
    void aDepressionLargerThanThePitchIsAViolationOnThePitch() {
        // footprint 5.65 mm does not fit in a 5.65 mm pitch; needs more than 5.65 + 0.2 = 5.85 mm
        ReadResult result = read(with(wifi(), "panel.pitchXMm", "5.65"));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit,
                    Violation::unit).containsExactly("RECESS_WITHIN_PITCH", "panel.pitchXMm", 5.65, 5.65, "mm");
            assertThat(v.message()).isEqualTo("the depression's outer footprint along X is 5.65 mm"
                    + " (package.bodyLengthMm 5 + 2 × shield.wallClearanceMm 0.3 + 2 × shield.thicknessUm 25 µm)"
                    + " and does not fit in pitchXMm 5.65 mm; make pitchXMm more than 5.85 mm (footprint + saw kerf)"
                    + " or reduce the clearance");
        });
    }

    @Test
    void aStreetNoWiderThanTheKerfIsAViolationOnTheKerf() {
        // Y: footprint 4.0 + 0.6 + 0.05 = 4.65 mm; pitch 4.8 leaves a street of 4.8 − 4.65 = 0.15 mm ≤ kerf 0.2 mm
        ReadResult result = read(with(wifi(), "panel.pitchYMm", "4.8"));

        // measured: the kerf 0.2 mm; limit: the street 0.15 mm it must be narrower than
        assertThat(result.violations()).singleElement()
                .extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit)
                .containsExactly("KERF_WITHIN_STREET", "panel.sawKerfMm", 0.2, 0.15);
    }

    @Test
    void aStreetJustWiderThanTheKerfPasses() {
        // Y: street 4.86 − 4.65 = 0.21 mm > kerf 0.2 mm
        assertThat(read(with(wifi(), "panel.pitchYMm", "4.86")).violations()).isEmpty();
        // the kerf rule directly: street 0.21 > 0.2 passes, 0.2 (equal) fails
        assertThat(DesignRules.footprint(axis('Y', 4.0, 25, 4.86, 0.2), "bodyWidthMm", 25_000, true)).isEmpty();
        assertThat(DesignRules.footprint(axis('Y', 4.0, 25, 4.85, 0.2), "bodyWidthMm", 25_000, true))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("KERF_WITHIN_STREET"));
    }

    @Test
    void aHollowWallIsOneThicknessAroundTheRib() {
        // claim 15's hollow wall is the inverted U around the rib: one plated thickness, 25 µm, not three skins.
        // Footprint X = 5.0 + 0.6 + 0.05 = 5.65 mm; pitch 5.85 leaves a street of 0.2 mm, wider than kerf 0.15 mm
        ReadResult hollow = read(with(with(with(with(wifi(), "shield.hollowWalls", "true"), "panel.pitchXMm", "5.85"),
                "panel.sawKerfMm", "0.15"), "encapsulation.stage", "\"AFTER_SUPPORT_REMOVAL\""));
        assertThat(hollow.violations()).isEmpty();
        // kerf 0.2 equals that street: refused with the one-thickness arithmetic
        ReadResult result = read(with(with(wifi(), "panel.pitchXMm", "5.85"), "panel.sawKerfMm", "0.2"));
        assertThat(result.violations()).singleElement()
                .extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit)
                .containsExactly("KERF_WITHIN_STREET", "panel.sawKerfMm", 0.2, 0.2);
        assertThat(result.violations().get(0).message()).contains("+ 2 × shield.thicknessUm 25 µm) = 0.2 mm, not"
                + " wider than sawKerfMm 0.2 mm");
    }

    @Test
    void slotsWithTheSupportInPlaceHaveNoFlowPath() {
        // claims 13, 16: a slot through a side wall faces the solid rib until the support is removed
        ReadResult slots = read(with(wifi(), "shield.openings.style", "\"SLOTS\""));
        assertThat(slots.valid()).isTrue();
        assertThat(slots.warnings()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::rule, Violation::field)
                    .containsExactly("FLOW_PATH", "shield.openings.style");
            assertThat(v.message()).contains("use style TROUGHS").contains("AFTER_SUPPORT_REMOVAL")
                    .contains("rear covering layer");
        });
        // the same slots after support removal open into the wall spaces: a path, no warning
        assertThat(read(with(with(wifi(), "shield.openings.style", "\"SLOTS\""), "encapsulation.stage",
                "\"AFTER_SUPPORT_REMOVAL\"")).warnings()).isEmpty();
        // troughs and pillar gaps carry flow in either stage; solid walls have nothing to flow through
        for (String style : new String[]{"TROUGHS", "PILLARS"}) {
            assertThat(read(with(wifi(), "shield.openings.style", "\"" + style + "\"")).warnings()).isEmpty();
        }
    }

    @Test
    void moreGatesThanSitesInARowAreRefused() {
        // the Wi-Fi panel has 6 columns: 6 gates (one per site) pass, 7 do not
        assertThat(read(with(wifi(), "encapsulation.gatesPerRow", "6")).violations()).isEmpty();
        assertThat(read(with(wifi(), "encapsulation.gatesPerRow", "7")).violations()).singleElement()
                .extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit)
                .containsExactly("GATES_WITHIN_ROW", "encapsulation.gatesPerRow", 7.0, 6.0);
    }

    @Test
    void slotsMustLeaveOneSlotLengthOfSolidWallBetweenThem() {
        // shorter inner wall: Y, 4.0 + 2 × 0.3 = 4.6 mm. 3 slots of 0.8: (2·3 − 1) × 0.8 = 4.0 < 4.6 passes.
        assertThat(DesignRules.openingsOnWall(OpeningStyle.SLOTS, 3, nm(0.8), 25_000, X, Y)).isEmpty();
        // 3 slots of 0.93: 5 × 0.93 = 4.65 ≥ 4.6 fails; the largest slot is 4.6 / 5 = 0.92 mm
        assertThat(DesignRules.openingsOnWall(OpeningStyle.SLOTS, 3, nm(0.93), 25_000, X, Y)).hasValueSatisfying(v -> {
            assertThat(v).extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit)
                    .containsExactly("OPENINGS_ON_WALL", "shield.openings.lengthMm", 4.65, 4.6);
            assertThat(v.message()).isEqualTo("the openings do not fit on the wall: 3 slots × 0.93 mm + 2 × 0.93 mm"
                    + " of solid wall between slots = 4.65 mm is not less than the shorter inner wall, 4.6 mm"
                    + " (along Y: package.bodyWidthMm 4 + 2 × shield.wallClearanceMm 0.3); use fewer openings"
                    + " (perWall) or make lengthMm less than 0.92 mm");
        });
    }

    @Test
    void troughNotchesMustLeaveOneNotchOfRibBetweenThem() {
        // each notch is ℓ + 2t wide in the rib (the deposit lines it); 3 troughs of 0.86 mm, t 25 µm:
        // (2·3 − 1) × (0.86 + 0.05) = 5 × 0.91 = 4.55 < 4.6 passes
        assertThat(DesignRules.openingsOnWall(OpeningStyle.TROUGHS, 3, nm(0.86), 25_000, X, Y)).isEmpty();
        // 0.87 mm: 5 × 0.92 = 4.6, not less than 4.6; the largest trough is 4.6 / 5 − 0.05 = 0.87 mm (exclusive)
        assertThat(DesignRules.openingsOnWall(OpeningStyle.TROUGHS, 3, nm(0.87), 25_000, X, Y))
                .hasValueSatisfying(v -> {
                    assertThat(v).extracting(Violation::measured, Violation::limit).containsExactly(4.6, 4.6);
                    assertThat(v.message()).contains("3 trough notches × 0.92 mm (lengthMm + 2 × thickness) + 2 ×"
                            + " 0.92 mm of rib between notches = 4.6 mm").contains("less than 0.87 mm");
                });
    }

    @Test
    void pillarGapsMustLeaveSomePillar() {
        // 5 gaps of 0.9 mm = 4.5 mm < 4.6 mm passes; 5 × 0.92 = 4.6 mm is not less than 4.6 mm
        assertThat(DesignRules.openingsOnWall(OpeningStyle.PILLARS, 5, nm(0.9), 25_000, X, Y)).isEmpty();
        assertThat(DesignRules.openingsOnWall(OpeningStyle.PILLARS, 5, nm(0.92), 25_000, X, Y))
                .hasValueSatisfying(v -> assertThat(v.measured()).isEqualTo(4.6));
    }

    @Test
    void openingsLongerThanTheWallAreAViolationThroughTheReader() {
        // 4 troughs of 1.5 mm (the Wi-Fi example's style), notches 1.5 + 2 × 0.025 = 1.55 mm:
        // 7 × 1.55 = 10.85 mm on a 4.6 mm wall
        ReadResult result = read(with(wifi(), "shield.openings.lengthMm", "1.5"));
        ReadResult four = read(with(with(wifi(), "shield.openings.lengthMm", "1.5"), "shield.openings.perWall", "4"));

        assertThat(result.violations()).extracting(Violation::field).containsExactly("shield.openings.lengthMm");
        assertThat(four.violations()).singleElement()
                .satisfies(v -> assertThat(v.measured()).isEqualTo(10.85));
    }

    @Test
    void anOpeningCannotBeTallerThanTheWall() {
        // wall height = recess depth 0.95 mm: 0.95 passes, 0.96 fails
        assertThat(read(with(wifi(), "shield.openings.heightMm", "0.95")).violations()).isEmpty();
        ReadResult result = read(with(wifi(), "shield.openings.heightMm", "0.96"));
        assertThat(result.violations()).containsExactly(new Violation("shield.openings.heightMm",
                "an opening 0.96 mm high does not fit in a side wall 0.95 mm high (mandrel.recessDepthMm);"
                        + " make heightMm at most 0.95 mm", "OPENING_HEIGHT", 0.96, 0.95, "mm"));
    }

    @Test
    void thePanelOutlineIsAtMostTwoMetresPerSide() {
        // 284 × 7.0 + 2 × 3.0 = 1994 mm passes; 285 × 7.0 + 6 = 2001 mm fails; floor((2000 − 6) / 7) = 284
        assertThat(DesignRules.panelSide('X', "panel.columns", 284, "pitchXMm", 7.0, 3.0)).isEmpty();
        ReadResult result = read(with(wifi(), "panel.columns", "285"));
        assertThat(result.violations()).singleElement()
                .extracting(Violation::rule, Violation::field, Violation::measured, Violation::limit)
                .containsExactly("PANEL_SIDE", "panel.columns", 2001.0, 2000.0);
    }

    @Test
    void recessDepthAboutThePackageHeightIsOnlyAWarning() {
        // height 0.9: tolerance max(0.05, 10 % × 0.9 = 0.09) = 0.09 mm; 0.99 is 0.09 deeper → fine
        assertThat(DesignRules.recessDepth(0.99, 0.9)).isEmpty();
        // 1.0 is 0.1 deeper > 0.09 → warning
        assertThat(DesignRules.recessDepth(1.0, 0.9)).hasValueSatisfying(v -> {
            assertThat(v).extracting(Violation::rule, Violation::field, Violation::measured)
                    .containsExactly("RECESS_DEPTH", "mandrel.recessDepthMm", 1.0);
            assertThat(v.limit()).isCloseTo(0.99, within(1e-12));
        });
        // height 0.3: tolerance max(0.05, 0.03) = 0.05 mm; 0.35 passes, 0.36 warns
        assertThat(DesignRules.recessDepth(0.35, 0.3)).isEmpty();
        assertThat(DesignRules.recessDepth(0.36, 0.3)).isPresent();
        // shallower than the package by any amount warns
        assertThat(DesignRules.recessDepth(0.89, 0.9)).hasValueSatisfying(v ->
                assertThat(v).extracting(Violation::measured, Violation::limit).containsExactly(0.89, 0.9));

        ReadResult result = read(with(wifi(), "mandrel.recessDepthMm", "1.2"));
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).extracting(Violation::field).containsExactly("mandrel.recessDepthMm");
    }

    @Test
    void hollowWallsBeforeSupportRemovalIsAWarning() {
        assertThat(DesignRules.hollowWallsOrder(true, EncapsulationStage.AFTER_SUPPORT_REMOVAL)).isEmpty();
        assertThat(DesignRules.hollowWallsOrder(false, EncapsulationStage.BEFORE_SUPPORT_REMOVAL)).isEmpty();

        ReadResult result = read(with(wifi(), "shield.hollowWalls", "true"));
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).singleElement()
                .extracting(Violation::rule, Violation::field, Violation::measured)
                .containsExactly("HOLLOW_WALL_ORDER", "encapsulation.stage", null);
    }

    @Test
    void aLayoutTooLargeToWriteIsAViolationOnEachFieldThatDrivesIt() {
        // finding 5 (docs/evidence.md): 500 × 500 sites of 406 polygons = 101 752 006 shapes, DXF 26.6 GiB.
        // Rows at 500 columns: each row adds 500 × 407 + 2 = 203 502 shapes and 500 × 114 348 = 57.2 MB of DXF,
        // so 9 rows (1 831 518 shapes, 491 MiB) fit the defaults of 2 000 000 shapes and 512 MiB, 10 do not.
        // Openings: even 1 slot a wall leaves 250 000 × (10 + 1) = 2.75 million shapes.
        ReadResult result = DesignReader.create(OutputLimits.DEFAULTS).read(Fixtures.finding5());

        assertThat(result.violations()).extracting(Violation::field)
                .containsExactly("panel.rows", "panel.columns", "shield.openings.perWall");
        String size = "the layout files would be too large: rows 500 × columns 500 = 250,000 sites of 406 shapes"
                + " (400 of them openings, 4 × perWall 100) give 101,752,006 shapes in a flat file (limit 2,000,000),"
                + " DXF 26.6 GiB (limit 512 MiB), flat GDSII 6.06 GiB (limit 256 MiB); ";
        assertThat(result.violations()).extracting(Violation::message).containsExactly(
                size + "use at most 9 rows with 500 columns",
                size + "use at most 9 columns with 500 rows",
                size + "fewer openings alone are not enough on this panel; use fewer rows or columns");
    }

    @Test
    void theLargestPanelTheSizeRuleNamesPasses() {
        // 9 rows of 500 columns: 1 831 518 shapes, within the defaults; 10 rows: 2 035 026, over
        DesignReader limited = DesignReader.create(OutputLimits.DEFAULTS);
        assertThat(limited.read(with(Fixtures.finding5(), "panel.rows", "9")).violations()).isEmpty();
        assertThat(limited.read(with(Fixtures.finding5(), "panel.rows", "10")).violations())
                .extracting(Violation::field).containsExactly("panel.rows", "panel.columns", "shield.openings.perWall");
        // the same 10 rows pass limits raised to 2 100 000 shapes and 600 MiB of DXF
        OutputLimits raised = new OutputLimits(2_100_000, 16L << 20, 256L << 20, 600L << 20, 16L << 20);
        assertThat(DesignReader.create(raised).read(with(Fixtures.finding5(), "panel.rows", "10")).violations()).isEmpty();
    }

    @Test
    void theSizeRuleIsReportedTogetherWithFieldErrors() {
        // a bad name does not hide the size: both are reported at once
        ReadResult result = DesignReader.create(OutputLimits.DEFAULTS)
                .read(with(Fixtures.finding5(), "name", "\"bad name\""));
        assertThat(result.violations()).extracting(Violation::field)
                .containsExactly("name", "panel.rows", "panel.columns", "shield.openings.perWall");
    }

    @Test
    void crossFieldRulesStillRunWhenUnrelatedFieldsAreBroken() {
        // rows 0 is broken, but the pitch rule has all its inputs and is reported too
        ReadResult result = read(with(with(wifi(), "panel.rows", "0"), "panel.pitchXMm", "5.0"));

        assertThat(result.violations()).extracting(Violation::field).containsExactly("panel.rows", "panel.pitchXMm");
    }
}

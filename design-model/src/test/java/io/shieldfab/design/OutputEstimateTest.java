package io.shieldfab.design;

import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import org.junit.jupiter.api.Test;

import static io.shieldfab.design.Fixtures.read;
import static io.shieldfab.design.Fixtures.wifi;
import static io.shieldfab.design.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output estimate (docs/design-document.md, "Output size"), each term worked out by hand in the comments.
 * layout-service's OutputEstimateTest checks the same estimates against the real writers. Without the estimate the
 * reader would accept the finding-5 design (docs/evidence.md), whose layout files are gigabytes.
 */
class OutputEstimateTest {

    @Test
    void theWifiExampleWorkedByHand() {
        // 4 rows × 6 columns at 7 × 6 mm, margin 3, kerf 0.2, 3 troughs a wall before support removal (no rear
        // cover), 0.3 mm pads. Pads: recess 5 + 0.6 + 0.05 = 5.65 mm, land (7 − 5.65 − 0.2) / 2 = 0.575 ≥ 0.3 (Y the
        // same): they fit.
        OutputEstimate e = OutputEstimate.of(read(wifi()).design());

        // per site: recess 1 + bottom 1 + walls 4 + half-troughs 4 × 3 + their notches 4 × 3 + pads 4 = 34
        assertThat(e.shapesPerSite()).isEqualTo(34);
        assertThat(e.sites()).isEqualTo(24);
        // 24 × (34 + 1 label) + outline 1 + streets (4 + 6 + 2) + fiducials 3 + indices (4 + 6) = 840 + 26
        assertThat(e.shapes()).isEqualTo(866);
        // labels "R1C1"…: 2 × 24 + 6 columns × (1+1+1+1) + 4 rows × (1+1+1+1+1+1) = 96 characters;
        // indices "C1"… "R1"…: 10 + 4 + 6 = 20 characters.
        // hierarchical: library 90 + site cell 50 + 34 × 64 + fiducials 308 + streets 368 + top 64 + outline 64
        //   + 10 texts × 43 + 20 + site AREF and ends 70 = 140 + 2176 + 308 + 368 + 128 + 430 + 20 + 70 = 3640
        assertThat(e.gdsBytes()).isEqualTo(3640);
        // flat: 90 + 64 + 64 × (1 + 12 + 24 × 34) + 128 × 3 + 24 × 43 + 96 + 450 + 8
        //   = 154 + 64 × 829 + 384 + 1032 + 96 + 450 + 8 = 154 + 53 056 + 1970 = 55 180
        assertThat(e.flatGdsBytes()).isEqualTo(55_180);
        // DXF: the panel is 48 mm across, so a number has at most 2 + 7 = 9 characters; a rectangle on a layer of
        // L characters is 51 + 2L + 4 × (25 + L + 18) = 223 + 6L: recess 307, bottom 325, wall 277, opening 265,
        // notch 301, pad 289, outline 301, street 283; the 12-vertex fiducial 51 + 16 + 12 × 51 = 679; a text 57 + 45.
        // site 307 + 325 + 4 × 277 + 12 × 265 + 12 × 301 + 4 × 289 = 9688; fixed 160 + 763 + 28 + 21 + 15 = 987;
        // file 987 + 4 × 9 + 301 + 12 × 283 + 3 × 679 + 24 × (9688 + 102) + 96 + 10 × 102 + 20
        //   = 987 + 36 + 301 + 3396 + 2037 + 234 960 + 96 + 1020 + 20 = 242 853
        assertThat(e.dxfBytes()).isEqualTo(242_853);
        // SVG: 8792 + 2 × 34 × 84 + 24 labels × 40 + 96 + 10 indices × 40 + 20 + 12 streets × 69 + 3 × 251
        //   = 8792 + 5712 + 960 + 96 + 400 + 20 + 828 + 753 = 17 561
        assertThat(e.svgBytes()).isEqualTo(17_561);
        assertThat(e.within(OutputLimits.DEFAULTS)).isTrue();
    }

    @Test
    void theSecurityReviewDesignIsFarOverEveryFlatLimit() {
        // docs/evidence.md, finding 5: 500 × 500 sites at 3.9 mm, 100 slots a wall (with the support in place: a
        // FLOW_PATH warning, no rear cover). The 0.3 mm pads do not fit
        // (land (3.9 − 3.44 − 0.2) / 2 = 0.13 mm), so a site has 2 + 4 + 400 = 406 polygons.
        OutputEstimate e = OutputEstimate.of(read(Fixtures.finding5()).design());

        assertThat(e.shapesPerSite()).isEqualTo(406);
        // 250 000 × 407 + outline 1 + streets 1002 + fiducials 3 + indices 1000
        assertThat(e.shapes()).isEqualTo(101_752_006L);
        // a number has at most 4 + 7 = 11 characters (1956 mm); a site 323 + 341 + 4 × 293 + 400 × 281 = 114 236
        // bytes of DXF and its label 112: about 250 000 × 114 348 = 28.6 GB
        assertThat(e.dxfBytes()).isBetween(28_500_000_000L, 28_700_000_000L);
        // flat GDSII: 250 000 × (406 × 64 + 43) = 6.5 GB
        assertThat(e.flatGdsBytes()).isBetween(6_500_000_000L, 6_510_000_000L);
        assertThat(e.exceeded(OutputLimits.DEFAULTS)).containsExactly(
                "101,752,006 shapes in a flat file (limit 2,000,000)",
                "DXF 26.6 GiB (limit 512 MiB)",
                "flat GDSII 6.06 GiB (limit 256 MiB)");
        // the files that place one site cell stay small: GDSII 406 × 64 bytes + 1000 index texts, SVG 2 × 406 × 84
        // + 1002 streets × 69 + 1000 indices × 40: both under 1 MB
        assertThat(e.gdsBytes()).isLessThan(1_000_000);
        assertThat(e.svgBytes()).isLessThan(1_000_000);
    }

    @Test
    void pillarsMultiplyTheWallsAndTroughsAddTheirNotches() {
        // PILLARS with 6 gaps: each of the 4 wall rectangles becomes 7 pillars = 28, + 24 openings + 2 + 4 pads = 58
        // (the mcu-pillars example); the pillar gaps need no rear cover
        OutputEstimate.Input input = new OutputEstimate.Input(20, 25, 9, 9, 5, 0.25, false, OpeningStyle.PILLARS, 6,
                4);
        assertThat(OutputEstimate.of(input).shapesPerSite()).isEqualTo(58);
        // SLOTS leave the walls whole: 2 + 4 + 24 + 4 = 34
        assertThat(OutputEstimate.of(new OutputEstimate.Input(20, 25, 9, 9, 5, 0.25, false, OpeningStyle.SLOTS, 6, 4))
                .shapesPerSite()).isEqualTo(34);
        // TROUGHS: 2 + 4 + 24 half-troughs + 24 notches + 4 = 58
        assertThat(OutputEstimate.of(new OutputEstimate.Input(20, 25, 9, 9, 5, 0.25, false, OpeningStyle.TROUGHS, 6,
                4)).shapesPerSite()).isEqualTo(58);
        // NONE ignores perWall: 2 + 4 + 0 + 0 (no pads) = 6
        assertThat(OutputEstimate.of(new OutputEstimate.Input(1, 1, 9, 9, 5, 0.25, false, OpeningStyle.NONE, 0, 0))
                .shapesPerSite()).isEqualTo(6);
    }

    @Test
    void theRearCoverIsOneMoreRectangleOfThePanel() {
        // slots after support removal: 20 × 25 = 500 sites of 34; the cover adds 1 shape, one 64-byte rectangle to
        // each GDSII, a rectangle on REAR_COVER (10 characters, numbers of 3 + 7 = 10 characters for the 235 mm panel)
        // 51 + 20 + 4 × (25 + 10 + 20) = 291 bytes to the DXF and a 74 + 32 = 106-byte outline to the SVG
        OutputEstimate open = OutputEstimate.of(new OutputEstimate.Input(20, 25, 9, 9, 5, 0.25, false,
                OpeningStyle.SLOTS, 6, 4));
        OutputEstimate covered = OutputEstimate.of(new OutputEstimate.Input(20, 25, 9, 9, 5, 0.25, true,
                OpeningStyle.SLOTS, 6, 4));
        assertThat(covered.shapes() - open.shapes()).isEqualTo(1);
        assertThat(covered.gdsBytes() - open.gdsBytes()).isEqualTo(64);
        assertThat(covered.flatGdsBytes() - open.flatGdsBytes()).isEqualTo(64);
        assertThat(covered.dxfBytes() - open.dxfBytes()).isEqualTo(291);
        assertThat(covered.svgBytes() - open.svgBytes()).isEqualTo(106);
    }

    @Test
    void noMarginMeansNoFiducialsNoIndicesAndNineCharacterNumbers() {
        // 1 × 1 site at 2 mm, margin 0: shapes = 1 × (6 + 1) + outline 1 + streets 4 = 12; the panel is 2 mm across
        // but a street edge is at −0.1 mm, so numbers are counted at 9 characters, not 1 + 7
        OutputEstimate e = OutputEstimate.of(new OutputEstimate.Input(1, 1, 2, 2, 0, 0.2, false, OpeningStyle.NONE, 0,
                0));
        assertThat(e.shapes()).isEqualTo(12);
        assertThat(OutputEstimate.numberChars(2)).isEqualTo(9);
        assertThat(OutputEstimate.numberChars(1956)).isEqualTo(11);
    }

    @Test
    void padsAreCountedWhenTheyMayFit() {
        // Wi-Fi: land 0.575 mm; a 0.575 mm pad fits exactly, 0.575004 mm is within the 5 nm allowed for rounding, 0.58 not
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, 0.575, 1)).isTrue();
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, 0.575004, 1)).isTrue();
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, 0.58, 1)).isFalse();
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, null, 1)).isTrue();
        // recess 4.65 mm along Y: 15 pads of 0.3 mm (4.5 mm) fit a side, 16 (4.8 mm) do not; a ring needs only the land
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, 0.3, 15)).isTrue();
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, 0.3, 16)).isFalse();
        assertThat(OutputEstimate.padsMayFit(5, 4, 0.3, 25, 7, 6, 0.2, 0.575, 0)).isTrue();
    }

    @Test
    void digitSumsAndSizes() {
        // 1..9 → 9, 10..99 → 90 × 2, 100..500 → 401 × 3: 9 + 180 + 1203 = 1392
        assertThat(OutputEstimate.digitSum(500)).isEqualTo(1392);
        assertThat(OutputEstimate.digitSum(0)).isZero();
        assertThat(OutputEstimate.bytes(512L << 20)).isEqualTo("512 MiB");
        assertThat(OutputEstimate.bytes(980)).isEqualTo("980 B");
        assertThat(OutputEstimate.bytes(1536)).isEqualTo("1.5 KiB");
    }

    @Test
    void onlyAReaderWithLimitsChecksTheSize() {
        DesignReader limited = DesignReader.create(OutputLimits.DEFAULTS);
        assertThat(limited.read(wifi()).valid()).isTrue();
        assertThat(limited.outputLimits()).contains(OutputLimits.DEFAULTS);
        assertThat(DesignReader.create().outputLimits()).isEmpty();
        assertThat(DesignReader.create().read(Fixtures.finding5()).valid()).isTrue();
    }
}

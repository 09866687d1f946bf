package io.shieldfab.design.process;

import io.shieldfab.design.Design;
import io.shieldfab.design.DesignFormat;
import io.shieldfab.design.DesignReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fill of the shipped examples, from the design through the route (docs/physics.md §6). */
class FillInputsTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "designs");

    private static Design example(String file) throws IOException {
        String text = Files.readString(EXAMPLES.resolve(file));
        return DesignReader.create().read(text, file.endsWith(".yaml") ? DesignFormat.YAML : DesignFormat.JSON)
                .design();
    }

    @Test
    void theWifiIsTransferMouldedWithAGateAtEverySiteBecauseOneGateARowWouldGel() throws IOException {
        // 6 columns, 6 gates a row: chain ceil(6 / 6) = 1; troughs 0.057 × 0.057 mm, 3 a wall, duct = street X
        // 7 − 5.65 = 1.35 + 2 × 0.025 = 1.4 mm; V = cavity 5.6 × 4.6 × 0.95 = 24.472 − package 5 × 4 × 0.9 = 18
        // + troughs 3 × 0.057 × 0.057 × (1.35 + 1.35 + 4 × 0.025) = 0.0272916 → 6.4992916 mm³ a site;
        // μ 10 Pa·s, ΔP 7000 kPa, gel 30 s (EMC defaults)
        FillInput in = FillInputs.from(example("wifi-fem-2g4.json"));
        assertThat(in.chainSites()).isEqualTo(1);
        assertThat(in.ductLengthMm()).isCloseTo(1.4, within(1e-12));
        assertThat(in.stepVolumeMm3()).isCloseTo(6.4992916, within(1e-12));
        assertThat(in.depressionsVented()).isTrue();
        // each gate feeds its own depression: nothing flows through a trough in series, 0 s of the allowed 15 s
        FillResult fill = FillModel.evaluate(in, FillPolicy.DEFAULT);
        assertThat(fill.fillTimeS()).isZero();
        assertThat(fill.allowedTimeS()).isCloseTo(15, within(1e-12));
        assertThat(fill.status()).isEqualTo(FillStatus.PASS);
        // filler 3 × 15 µm = 0.045 mm ≤ 0.057 mm; no flow limit with a chain of one
        assertThat(fill.fillerMinOpeningMm()).isCloseTo(0.045, within(1e-12));
        assertThat(fill.minOpeningMm()).isCloseTo(0.045, within(1e-12));
        // one gate a row (chain 6) would gel: G = 3 × 0.057e-3 × (0.057e-3)³ × (1 − 0.63) / (12 × 10 × 1.4e-3)
        // = 3 × 1.0556001e-17 × 0.37 / 0.168 = 6.9745007e-17; T = V / G / ΔP × N(N−1)/2
        // = 6.4992916e-9 / 6.9745007e-17 / 7e6 × 15 = 9.3186479e7 / 7e6 × 15 = 199.68531 s ≫ 15 s
        assertThat(FillModel.chainFillTimeS(in, 6)).isCloseTo(199.68531, within(1e-5));
    }

    @Test
    void compressionMouldingFeedsEveryDepressionSoOnlyTheFillerLimits() throws IOException {
        // 28 GHz: compression-moulded, chain 1; filler 3 × 5 µm = 0.015 mm against troughs 0.15 × 0.08 mm
        FillResult fine = FillInputs.evaluate(example("mmwave-28g.yaml"), FillPolicy.DEFAULT);
        assertThat(fine.longestChainSites()).isEqualTo(1);
        assertThat(fine.status()).isEqualTo(FillStatus.PASS);
        assertThat(fine.minOpeningMm()).isCloseTo(0.015, within(1e-12));
        // coarse filler: 3 × 25 µm = 0.075 mm > the 0.015 mm openings: FAIL, finer filler ≤ 0.015 / 3 = 5 µm
        FillResult coarse = FillInputs.evaluate(example("mmwave-28g-coarse-filler.yaml"), FillPolicy.DEFAULT);
        assertThat(coarse.status()).isEqualTo(FillStatus.FAIL);
        assertThat(coarse.minOpeningMm()).isCloseTo(0.075, within(1e-12));
        assertThat(coarse.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(FillRule.FILLER_PASSES_OPENING);
            assertThat(f.message()).contains("fillerTopCutUm at most 5 µm");
        });
    }

    @Test
    void theMcuIsDispensedIntoEverySiteThroughItsPillarGaps() throws IOException {
        // 25 columns, 25 dispense points a row: chain 1; gaps 0.5 × 0.831 mm ≥ 3 × 50 µm = 0.15 mm (liquid epoxy)
        FillResult fill = FillInputs.evaluate(example("mcu-pillars.json"), FillPolicy.DEFAULT);
        assertThat(fill.longestChainSites()).isEqualTo(1);
        assertThat(fill.status()).isEqualTo(FillStatus.PASS);
    }

    @Test
    void lowSlotsIntoAClosedWallSpaceTrapItsAir() throws IOException {
        // the Wi-Fi panel with slots after support removal: 0.057 mm slots in 0.95 mm walls leave the wall space's
        // air trapped under the land (rear cover below), and a transfer mould traps each depression's air above them;
        // with one gate a row (chain 6) the flow crosses the 0.025 mm walls, shorter than the 0.057 mm slots
        Design slots = DesignReader.create().read(Files.readString(EXAMPLES.resolve("wifi-fem-2g4.json"))
                .replace("\"TROUGHS\"", "\"SLOTS\"")
                .replace("\"gatesPerRow\": 6", "\"gatesPerRow\": 1")
                .replace("\"BEFORE_SUPPORT_REMOVAL\"", "\"AFTER_SUPPORT_REMOVAL\""), DesignFormat.JSON).design();
        FillInput in = FillInputs.from(slots);
        assertThat(in.wallsPerStep()).isEqualTo(2);
        assertThat(in.ductLengthMm()).isCloseTo(0.025, within(1e-12));
        assertThat(in.wallSpaceVented()).isFalse();
        assertThat(in.depressionsVented()).isFalse();
        assertThat(FillModel.evaluate(in, FillPolicy.DEFAULT).findings()).extracting(FillFinding::rule)
                .contains(FillRule.DEPRESSIONS_VENTED, FillRule.WALL_SPACE_VENTED, FillRule.FLOW_MODEL_RANGE);
    }
}

package io.shieldfab.shielding.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Design;
import io.shieldfab.shielding.evaluation.ShieldingReport.FillLimit;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.OpeningWindow;
import io.shieldfab.shielding.evaluation.ShieldingReport.Resonance;
import io.shieldfab.shielding.evaluation.ShieldingReport.RuleCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.Severity;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.evaluation.ShieldingReport.SweepPoint;
import io.shieldfab.shielding.evaluation.ShieldingReport.Weakest;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Evaluations of the suite's example designs (examples/designs) with their layouts (src/test/resources/layouts).
 * The physics behind each figure is checked in the physics tests; here the rules, findings, fixes and verdicts.
 */
class ShieldingEvaluatorTest {

    private static ShieldingReport evaluate(ObjectNode tree, ObjectNode layout) {
        return ExampleLayouts.evaluate(tree, layout);
    }

    private ShieldingReport evaluate(ObjectNode tree, String layout) {
        return evaluate(tree, ExampleLayouts.tree(layout));
    }

    /**
     * Applies an opening fix the way a designer would: no opening dimension larger than the fix. The fixed design's
     * layout is the fixture layout-service made of it.
     */
    private static void applyOpeningFix(ObjectNode tree, double fixMm) {
        ObjectNode o = (ObjectNode) tree.get("shield").get("openings");
        o.put("lengthMm", Math.min(o.get("lengthMm").asDouble(), fixMm));
        o.put("heightMm", Math.min(o.get("heightMm").asDouble(), fixMm));
    }

    /**
     * The Wi-Fi example's first draft: three 0.8 × 0.2 mm slots per wall (the sketch of docs/design-document.md), before the
     * evaluation's fix sized the shipped example's slots.
     */
    private static ObjectNode wifiFirstDraft() {
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("shield").get("openings")).put("lengthMm", 0.8).put("heightMm", 0.2);
        return tree;
    }

    private static Finding finding(ShieldingReport r, ShieldingRule rule) {
        return r.findings().stream().filter(f -> f.rule() == rule).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + r.findings()));
    }

    @Test
    void wifiFirstDraftFailsTheThirtyDecibelRequirementThroughItsTroughs() {
        // 3 troughs of 0.8 mm per wall in εr 3.8, nickel 25 µm, 30 dB required at 2.45 GHz … 24.5 GHz (an intentional
        // radiator, FCC 15.33(a): 10 harmonics). d/L = 0.025/0.8 < 1: no depth credit (ApertureShieldingTest).
        // Fundamental: λ = 62.77155 mm, 20·log10(62.77155/1.6) − 10·log10(3) = 31.8729 − 4.7712 = 27.1017 dB < 30.
        // Harmonic 10: λ = 6.277155 mm, 20·log10(6.277155/1.6) − 4.7712 = 11.8729 − 4.7712 = 7.1017 dB.
        ShieldingReport r = evaluate(wifiFirstDraft(), ExampleLayouts.WIFI_FIRST_DRAFT);
        assertThat(r.verdict()).isEqualTo(Status.FAIL);
        assertThat(r.geometrySource()).isEqualTo("LAYOUT");
        assertThat(r.frequencies()).hasSize(10);
        assertThat(r.frequencies().get(0).apertureSeDb()).isCloseTo(27.1017, within(0.0001));
        assertThat(r.frequencies().get(9).apertureSeDb()).isCloseTo(7.1017, within(0.0001));
        // The wall itself is far above the target: nickel μr(2.45 GHz) = 5.65 from the default curve.
        assertThat(r.frequencies().get(0).relativePermeability()).isCloseTo(5.6466, within(0.0005));
        assertThat(r.frequencies()).allSatisfy(f -> assertThat(f.solidWallSeDb()).isGreaterThan(200));
        // Claims 14/23 (L < λ at 2.45 GHz), L < λ at the harmonics and λ/2 hold everywhere.
        assertThat(r.frequencies()).allSatisfy(f -> assertThat(f.rules())
                .filteredOn(x -> x.rule() == ShieldingRule.OPENING_BELOW_WAVELENGTH
                        || x.rule() == ShieldingRule.OPENING_BELOW_WAVELENGTH_AT_HARMONIC
                        || x.rule() == ShieldingRule.OPENING_BELOW_HALF_WAVELENGTH)
                .allMatch(x -> x.status() == Status.PASS));
        Finding f = finding(r, ShieldingRule.APERTURE_SHIELDING);
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        // Tightest at harmonic 10: 7.1017 dB measured against the 30 dB limit.
        assertThat(f.frequencyHz()).isEqualTo(24.5e9);
        assertThat(f.measured()).isCloseTo(7.1017, within(0.0001));
        assertThat(f.limit()).isEqualTo(30.0);
        assertThat(f.unit()).isEqualTo("dB");
        assertThat(f.field()).isEqualTo("shield.openings.lengthMm");
        assertThat(f.fixField()).isEqualTo("shield.openings.lengthMm");
        // At 24.5 GHz without the depth credit (d/L = 0.025/0.057 < 1): L = 6.277155/(2·10^(34.7712/20)) =
        // 6.277155/109.5445 = 0.057302 mm, floored to 0.057.
        assertThat(f.fixValue()).isEqualTo(0.057);
        // λ/20 is missed from harmonic 4 (λ/20 = 0.7846 mm) up: a warning, measured against λ/20 at 24.5 GHz.
        Finding rule = finding(r, ShieldingRule.APERTURE_LAMBDA_OVER_20);
        assertThat(rule.severity()).isEqualTo(Severity.WARN);
        assertThat(rule.measured()).isEqualTo(0.8);
        assertThat(rule.limit()).isCloseTo(6.277155 / 20, within(0.000001));
        assertThat(rule.unit()).isEqualTo("mm");
    }

    @Test
    void findingsAreWordedFromTheirData() {
        ShieldingReport r = evaluate(wifiFirstDraft(), ExampleLayouts.WIFI_FIRST_DRAFT);
        Finding f = finding(r, ShieldingRule.APERTURE_SHIELDING);
        assertThat(f.message()).isEqualTo("The largest opening, 0.8000 mm, lets the openings on one wall give only"
                + " 7.1 dB against the required 30.0 dB (largest passing opening here 0.05730 mm) at 24.50 GHz"
                + " (harmonic 10, λ = 6.277 mm in the encapsulant).");
        // Gated at every site, the flow needs nothing (a chain of one); the 15 µm filler needs 3 × 15 µm = 0.045 mm.
        assertThat(f.fix()).isEqualTo("Make the largest opening dimension at most 0.057 mm (shield.openings.lengthMm"
                + " and the other opening dimension); that passes every aperture rule at every checked frequency."
                + " Keep the smallest opening dimension at least 0.04500 mm for the fill (opening window"
                + " [0.045, 0.057] mm).");
        assertThat(finding(r, ShieldingRule.APERTURE_LAMBDA_OVER_20).message())
                .contains("exceeds the design rule LAMBDA_OVER_20 limit 0.3139 mm", "harmonic 10");
    }

    @Test
    void theWeakestCheckedFrequencyIsReportedWithItsMargin() {
        // The first draft is weakest at harmonic 10 (7.1017 dB, worked above): 22.90 dB short of 30 dB.
        Weakest w = evaluate(wifiFirstDraft(), ExampleLayouts.WIFI_FIRST_DRAFT).weakest();
        assertThat(w.harmonic()).isEqualTo(10);
        assertThat(w.frequencyHz()).isEqualTo(24.5e9);
        assertThat(w.totalSeDb()).isCloseTo(7.1017, within(0.0001));
        assertThat(w.marginDb()).isCloseTo(7.1017 - 30, within(0.0001));
        // The shipped example: also harmonic 10, 20·log10(6.277155/0.114) − 4.7712 = 34.8171 − 4.7712 = 30.0459 dB.
        Weakest shipped = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI).weakest();
        assertThat(shipped.harmonic()).isEqualTo(10);
        assertThat(shipped.marginDb()).isCloseTo(0.0459, within(0.0001));
    }

    @Test
    void wifiFirstDraftWithTheFixAppliedIsTheShippedExample() {
        ObjectNode tree = wifiFirstDraft();
        double fix = finding(evaluate(tree, ExampleLayouts.WIFI_FIRST_DRAFT), ShieldingRule.APERTURE_SHIELDING).fixValue();
        assertThat(fix).isEqualTo(0.057);
        applyOpeningFix(tree, fix);
        assertThat(tree).isEqualTo(ExampleDesigns.tree(ExampleDesigns.WIFI));
        ShieldingReport r = evaluate(tree, ExampleLayouts.WIFI);
        assertThat(r.findings()).extracting(Finding::severity).doesNotContain(Severity.FAIL, Severity.WARN);
        assertThat(r.verdict()).isEqualTo(Status.PASS);
        assertThat(r.frequencies()).allSatisfy(x -> assertThat(x.totalSeDb()).isGreaterThanOrEqualTo(30.0));
    }

    @Test
    void wifiExampleAsShippedPasses() {
        // The shipped troughs, 0.057 × 0.057 mm, three per wall, bonded with a ring. Tightest at harmonic 10
        // (24.5 GHz): 30.0459 dB ≥ 30 (worked above); the fundamental 20·log10(62.77155/0.114) − 4.7712 = 50.0459 dB.
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        assertThat(r.verdict()).isEqualTo(Status.PASS);
        assertThat(r.findings()).extracting(Finding::severity).doesNotContain(Severity.FAIL, Severity.WARN);
        assertThat(r.frequencies()).hasSize(10);
        assertThat(r.frequencies().get(0).apertureSeDb()).isCloseTo(50.0459, within(0.0001));
        assertThat(r.frequencies().get(9).apertureSeDb()).isCloseTo(30.0459, within(0.0001));
        assertThat(r.frequencies()).allSatisfy(x -> assertThat(x.totalSeDb()).isGreaterThanOrEqualTo(30.0));
        assertThat(r.seam().pattern()).isEqualTo("RING");
        assertThat(r.frequencies()).allSatisfy(x -> assertThat(x.seamSeDb()).isNull());
    }

    @Test
    void wifiOpeningWindowIsOpenBetweenTheFillerAndTheTenthHarmonic() {
        // Upper edge: the 0.057 mm opening fix at 24.5 GHz (wifiFirstDraft… above), published even on a PASS.
        // Lower edge: a gate at every site (6 per row of 6) leaves no chain to flow along (flow limit 0), so the
        // filler sets it: 3 × 15 µm = 0.045 mm. [0.045, 0.057] is not empty.
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        assertThat(r.maxOpeningMm()).isEqualTo(0.057);
        assertThat(r.fillMinOpeningMm()).isCloseTo(0.045, within(1e-12));
        OpeningWindow w = r.openingWindow();
        assertThat(w.minMm()).isCloseTo(0.045, within(1e-12));
        assertThat(w.maxMm()).isEqualTo(0.057);
        assertThat(w.maxFrequencyHz()).isEqualTo(24.5e9);
        assertThat(w.minLimitedBy()).isEqualTo(FillLimit.FILLER);
        assertThat(w.flowMinMm()).isEqualTo(0.0);
        assertThat(w.empty()).isFalse();
        assertThat(w.fillerTopCutMaxUm()).isNull();
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain(ShieldingRule.OPENING_WINDOW);
    }

    @Test
    void mmWaveFixIsTheSmallestOpeningItsFillerFills() {
        // Compression moulding feeds every depression from above (flow limit 0); 3 × 5 µm = 0.015 mm. At 84 GHz
        // (λ = 1.830837 mm, 4 troughs, 15 µm copper, 40 dB) an opening of 0.015 mm is exactly as deep as it is wide,
        // so the waveguide credit counts (fc = c/(2·0.015 mm·√3.8) = 5126.34 GHz): 20·log10(1.830837/0.03) − 6.0206
        // + 27.2875·√(1 − (84/5126.34)²) = 35.7106 − 6.0206 + 27.2839 = 56.974 dB; at 0.016 mm it does not:
        // 35.1500 − 6.0206 = 29.129 dB. The fix is
        // 0.015 mm, and the window [0.015, 0.015] holds it.
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.MMWAVE), ExampleLayouts.MMWAVE);
        OpeningWindow w = r.openingWindow();
        assertThat(w.minMm()).isCloseTo(0.015, within(1e-12));
        assertThat(w.flowMinMm()).isEqualTo(0.0);
        assertThat(w.minLimitedBy()).isEqualTo(FillLimit.FILLER);
        assertThat(w.maxMm()).isEqualTo(0.015);
        assertThat(w.maxFrequencyHz()).isEqualTo(84e9);
        assertThat(w.empty()).isFalse();
        Finding f = finding(r, ShieldingRule.APERTURE_SHIELDING);
        assertThat(f.fixField()).isEqualTo("shield.openings.lengthMm");
        assertThat(f.fixValue()).isEqualTo(0.015);
        assertThat(f.fix()).endsWith("Keep the smallest opening dimension at least 0.01500 mm for the fill"
                + " (opening window [0.015, 0.015] mm).");
    }

    @Test
    void coarseFillerEmptiesTheWindowAndTheFinerFillerFixPasses() {
        // The 28 GHz module with 0.015 × 0.015 mm troughs and a ring (the layout of the fixed 28 GHz example):
        // every aperture and seam rule passes, but the 25 µm filler needs 3 × 25 µm = 0.075 mm > 0.015 mm: the
        // window is empty. Fix: top cut ≤ 0.015 mm / 3 = 5 µm.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.MMWAVE_COARSE_FILLER);
        ShieldingReport r = evaluate(tree, ExampleLayouts.MMWAVE_FIXED);
        assertThat(r.verdict()).isEqualTo(Status.FAIL);
        assertThat(r.frequencies()).allSatisfy(x -> assertThat(x.status()).isNotEqualTo(Status.FAIL));
        OpeningWindow w = r.openingWindow();
        assertThat(w.empty()).isTrue();
        assertThat(w.minMm()).isCloseTo(0.075, within(1e-12));
        assertThat(w.maxMm()).isEqualTo(0.015);
        assertThat(w.fillerTopCutMaxUm()).isEqualTo(5.0);
        Finding f = finding(r, ShieldingRule.OPENING_WINDOW);
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        assertThat(f.measured()).isCloseTo(0.075, within(1e-12));
        assertThat(f.limit()).isEqualTo(0.015);
        assertThat(f.unit()).isEqualTo("mm");
        assertThat(f.frequencyHz()).isEqualTo(84e9);
        assertThat(f.fixField()).isEqualTo("encapsulation.fillerTopCutUm");
        assertThat(f.fixValue()).isEqualTo(5.0);
        assertThat(f.message()).isEqualTo("The opening window is empty: the fill needs pathways of at least 0.07500 mm"
                + " (3 × the 25 µm filler top cut), the shielding allows at most 0.01500 mm at 84.00 GHz.");
        // Applied, the filler needs 0.015 mm: the window [0.015, 0.015] holds the troughs. What remains is the
        // loaded cavity's TM220 near the carrier (mmWaveExampleFailsAndItsFixesRemoveEveryFailure).
        ((ObjectNode) tree.get("encapsulation")).put("fillerTopCutUm", f.fixValue());
        ShieldingReport fixed = evaluate(tree, ExampleLayouts.MMWAVE_FIXED);
        assertThat(fixed.openingWindow().empty()).isFalse();
        assertThat(fixed.openingWindow().minMm()).isCloseTo(0.015, within(1e-12));
        assertThat(fixed.findings()).extracting(Finding::severity).doesNotContain(Severity.FAIL);
        assertThat(fixed.verdict()).isEqualTo(Status.WARN);
    }

    @Test
    void anOpeningFixTheFillCannotPassIsNotProposed() {
        // The 28 GHz example (0.15 × 0.08 mm troughs, FAIL at 84 GHz, fix 0.015 mm) moulded with the 25 µm filler:
        // the fill needs 0.075 mm, so the aperture finding proposes the finer filler instead of 0.015 mm openings.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.MMWAVE);
        ((ObjectNode) tree.get("encapsulation")).put("fillerTopCutUm", 25);
        ShieldingReport r = evaluate(tree, ExampleLayouts.MMWAVE);
        Finding f = finding(r, ShieldingRule.APERTURE_SHIELDING);
        assertThat(f.fixField()).isEqualTo("encapsulation.fillerTopCutUm");
        assertThat(f.fixValue()).isEqualTo(5.0);
        assertThat(f.message()).contains("No smaller opening fixes it, as the opening window is empty",
                "at least 0.07500 mm", "at most 0.01500 mm at 84.00 GHz");
        assertThat(r.findings()).noneMatch(x -> "shield.openings.lengthMm".equals(x.fixField()));
        // A transfer-moulded chain of 8 through the 0.15 × 0.08 mm troughs instead: the flow, not the filler, sets
        // the lower edge (FLOW), and a finer filler cannot open the window: no fix value, the levers in words.
        ((ObjectNode) tree.get("encapsulation")).put("fillerTopCutUm", 5).put("method", "TRANSFER_MOLD");
        ShieldingReport flow = evaluate(tree, ExampleLayouts.MMWAVE);
        OpeningWindow w = flow.openingWindow();
        assertThat(w.minLimitedBy()).isEqualTo(FillLimit.FLOW);
        // The flow's limit (FillModel's duct formula for this chain: 0.0743 mm) is above the shielding's 0.015 mm
        // and the filler's 3 × 5 µm = 0.015 mm is not what limits.
        assertThat(w.fillerMinMm()).isCloseTo(0.015, within(1e-12));
        assertThat(w.minMm()).isGreaterThan(0.015);
        assertThat(w.empty()).isTrue();
        Finding x = finding(flow, ShieldingRule.OPENING_WINDOW);
        assertThat(x.fixField()).isNull();
        assertThat(x.fixValue()).isNull();
        assertThat(x.field()).isEqualTo("shield.openings");
        assertThat(x.fix()).contains("encapsulation.gatesPerRow", "shield.openings.perWall");
    }

    @Test
    void closedWallsHaveNoOpeningWindow() {
        // No pathway to fill: the window is absent, the largest opening the shielding allows is still published.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("shield").get("openings")).put("style", "NONE").put("perWall", 0);
        ShieldingReport r = evaluate(tree, ExampleLayouts.WIFI_CLOSED_GOLD_1UM);
        assertThat(r.openingWindow()).isNull();
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain(ShieldingRule.OPENING_WINDOW);
        // One opening is assumed (no −10·log10(n) term) in the layout's 1 µm wall (d/L far below 1: no depth
        // credit). At 24.5 GHz (λ = 6.277155 mm): 20·log10(6.277155/(2L)) = 30 at L = 3.138577/31.6228 =
        // 0.099250 mm, floored to 0.099 mm.
        assertThat(r.maxOpeningMm()).isEqualTo(0.099);
    }

    @Test
    void openingLargerThanTheWavelengthBreaksClaimsFourteenAndTwentyThree() {
        // The Wi-Fi panel's 0.8 mm troughs driven at 250 GHz, fundamental only. In the encapsulant (εr 3.8):
        // λ = c / (f·√εr) = 299 792 458 / (250e9 · 1.9493589) m = 0.615161 mm < 0.8 mm, so the opening is
        // not smaller than the wavelength (claims 14, 23) nor than λ/2, and its aperture SE is 0 dB.
        ObjectNode tree = wifiFirstDraft();
        ObjectNode pkg = (ObjectNode) tree.get("package");
        pkg.put("operatingFrequencyHz", 250e9);
        pkg.put("harmonics", 1);
        ShieldingReport r = evaluate(tree, ExampleLayouts.WIFI_FIRST_DRAFT);

        assertThat(r.verdict()).isEqualTo(Status.FAIL);
        RuleCheck claim = r.frequencies().get(0).rules().stream()
                .filter(x -> x.rule() == ShieldingRule.OPENING_BELOW_WAVELENGTH).findFirst().orElseThrow();
        assertThat(claim.status()).isEqualTo(Status.FAIL);
        assertThat(claim.limitMm()).isCloseTo(0.615161, within(0.000005));
        assertThat(claim.actualMm()).isEqualTo(0.8);
        assertThat(claim.field()).isEqualTo("shield.openings.lengthMm");
        assertThat(claim.measured()).isEqualTo(0.8);
        assertThat(claim.limit()).isCloseTo(0.615161, within(0.000005));
        assertThat(claim.unit()).isEqualTo("mm");
        assertThat(r.frequencies().get(0).apertureSeDb()).isEqualTo(0.0);
        Finding f = finding(r, ShieldingRule.OPENING_BELOW_WAVELENGTH);
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        assertThat(f.measured()).isEqualTo(0.8);
        assertThat(f.limit()).isCloseTo(0.615161, within(0.000005));
        assertThat(f.message()).contains("claims 14 and 23");
        // The aperture rule caps the opening harder than λ/20 = 0.030758 mm: 30 dB with 3 per wall needs
        // 0.615161/(2·10^(34.7712/20)) = 0.005616 mm without the depth credit; with it, which the 25 µm wall gives
        // any opening up to 0.025 mm (d/L ≥ 1), 0.025 mm passes (fc = c/(2·0.025 mm·√3.8) = 3075.7 GHz):
        // 20·log10(0.615161/0.05) − 4.7712 + 27.2875·√(1 − (250/3075.7)²) = 21.8004 − 4.7712 + 27.1972 = 44.226 dB;
        // 0.026 mm gets no credit: 21.4597 − 4.7712 = 16.688 dB. The fill
        // needs 3 × 15 µm = 0.045 mm (gated at every site, the flow needs nothing): the window is empty, and a finer
        // filler opens it: top cut ≤ 0.025 mm / 3 = 8.333 µm.
        assertThat(r.maxOpeningMm()).isEqualTo(0.025);
        assertThat(r.openingWindow().empty()).isTrue();
        assertThat(f.fixField()).isEqualTo("encapsulation.fillerTopCutUm");
        assertThat(f.fixValue()).isEqualTo(8.333);
        assertThat(f.message()).contains("at least 0.04500 mm", "at most 0.02500 mm");
    }

    @Test
    void theClaimsWavelengthRuleIsTheOperatingFrequencys() {
        // The first draft's 0.8 mm troughs at 100 GHz with 2 harmonics, εr 3.8: λ1 = 299792458/(1e11·1.9493589) m =
        // 1.537902 mm > 0.8 mm, so claims 14 and 23 hold at the operating frequency; λ2 = 0.768951 mm < 0.8 mm at
        // the 2nd harmonic, where the claims say nothing: the same limit there is an engineering rule, a WARN (the
        // opening also fails λ/2 = 0.384476 mm there, which is what makes it leak).
        ObjectNode tree = wifiFirstDraft();
        ((ObjectNode) tree.get("package")).put("operatingFrequencyHz", 100e9).put("harmonics", 2);
        ShieldingReport r = evaluate(tree, ExampleLayouts.WIFI_FIRST_DRAFT);
        RuleCheck atCarrier = r.frequencies().get(0).rules().stream()
                .filter(x -> x.rule() == ShieldingRule.OPENING_BELOW_WAVELENGTH).findFirst().orElseThrow();
        assertThat(atCarrier.status()).isEqualTo(Status.PASS);
        assertThat(atCarrier.limitMm()).isCloseTo(1.537902, within(0.000001));
        assertThat(r.frequencies().get(0).rules()).extracting(RuleCheck::rule)
                .doesNotContain(ShieldingRule.OPENING_BELOW_WAVELENGTH_AT_HARMONIC);
        assertThat(r.frequencies().get(1).rules()).extracting(RuleCheck::rule)
                .doesNotContain(ShieldingRule.OPENING_BELOW_WAVELENGTH);
        Finding harmonic = finding(r, ShieldingRule.OPENING_BELOW_WAVELENGTH_AT_HARMONIC);
        assertThat(harmonic.severity()).isEqualTo(Severity.WARN);
        assertThat(harmonic.limit()).isCloseTo(0.768951, within(0.000001));
        assertThat(harmonic.message()).contains("an engineering rule", "speak only of the operating frequency");
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain(ShieldingRule.OPENING_BELOW_WAVELENGTH);
        assertThat(finding(r, ShieldingRule.OPENING_BELOW_HALF_WAVELENGTH).severity()).isEqualTo(Severity.FAIL);
    }

    @Test
    void mmWaveExampleFailsAndItsFixesRemoveEveryFailure() {
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.MMWAVE);
        ShieldingReport before = evaluate(tree, ExampleLayouts.MMWAVE);
        assertThat(before.verdict()).isEqualTo(Status.FAIL);
        Finding f = finding(before, ShieldingRule.APERTURE_SHIELDING);
        // Tightest at 84 GHz (harmonic 3): λ = 1.830837 mm; 4 troughs; 0.15 mm: 20·log10(1.830837/0.3) − 6.0206 =
        // 15.7106 − 6.0206 = 9.690 dB (no depth credit, d/L = 0.1).
        assertThat(f.frequencyHz()).isEqualTo(84e9);
        assertThat(f.measured()).isCloseTo(9.690, within(0.001));
        assertThat(f.fixValue()).isEqualTo(0.015);
        // The four pads leave 5.19 mm seams (layout): resonant below λ/2 = 0.9154 mm at 84 GHz, 0 dB; no pad count
        // up to 20 a side passes, so the fix is the ring.
        Finding seam = finding(before, ShieldingRule.SEAM_SHIELDING);
        assertThat(seam.measured()).isEqualTo(0.0);
        assertThat(seam.fixField()).isEqualTo("bonding.pattern");
        applyOpeningFix(tree, f.fixValue());
        ((ObjectNode) tree.get("bonding")).put("pattern", "RING");
        ShieldingReport after = evaluate(tree, ExampleLayouts.MMWAVE_FIXED);
        assertThat(after.findings()).extracting(Finding::severity).doesNotContain(Severity.FAIL);
        assertThat(after.frequencies()).allSatisfy(x -> assertThat(x.totalSeDb()).isGreaterThanOrEqualTo(40.0));
        // What remains is the loaded cavity (LoadedCavityTest): φ = 4.5·4.5·0.8/(4.9·4.9·0.85) = 0.793787,
        // εeff = 0.793787·11.7 + 0.206213·3.8 = 10.070917; TM220 = c/(2√3.8)·√(2·(2/4.9)²) = 44.3862 GHz unloaded,
        // × √(3.8/10.070917) = 27.2650 GHz loaded, |28 − 27.2650|/27.2650 = 2.696 % of the mode from the carrier:
        // a warning, and no smaller clearance clears the dense modes around it.
        assertThat(after.verdict()).isEqualTo(Status.WARN);
        Finding resonance = after.findings().stream().filter(x -> x.severity() == Severity.WARN).findFirst().orElseThrow();
        assertThat(resonance.rule()).isEqualTo(ShieldingRule.CAVITY_RESONANCE);
        assertThat(resonance.frequencyHz()).isEqualTo(28e9);
        assertThat(resonance.measured()).isCloseTo(2.696, within(0.001));
        assertThat(after.cavityResonances()).anySatisfy(x -> {
            assertThat(x.mode()).isEqualTo("TM220");
            assertThat(x.frequencyHz()).isCloseTo(27.2650e9, within(0.0002e9));
            assertThat(x.unloadedFrequencyHz()).isCloseTo(44.3862e9, within(0.0002e9));
            assertThat(x.flagged()).isTrue();
        });
    }

    @Test
    void mcuExampleWithPillarWallsAndKneeFrequencyPasses() {
        // 48 MHz, rise time 2 ns → knee 0.5/2e-9 = 250 MHz, an unintentional radiator: checked to 2 GHz, 41
        // harmonics (microcontrollerEdgesRaiseItsHighestFrequencyToTheKnee).
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.MCU);
        assertThat(r.kneeFrequencyHz()).isCloseTo(250e6, within(1.0));
        assertThat(r.frequencies()).hasSize(41);
        assertThat(r.verdict()).isEqualTo(Status.PASS);
        // 24 pillar gaps per depression (layout metrics.openingsPerSite) are 6 per wall.
        assertThat(r.geometry().openingsPerWall()).isEqualTo(6);
        assertThat(r.geometry().openEnded()).isTrue();
    }

    @Test
    void pillarGapsAreCheckedAsNotches() {
        // The MCU's gaps are open at the rim (route PILLAR_GAPS): notches, resonant at λ/4. At the 41st harmonic,
        // 1.968 GHz, in εr 3.5: λ = 299792458/(1.968e9·1.8708287) m = 81.42572 mm; six 0.831 mm notches:
        // 20·log10(81.42572/(4·0.831)) − 10·log10(6) = 27.7820 − 7.7815 = 20.0005 dB ≥ 20 (a closed slot would give
        // 6.0206 dB more). The fix is the largest notch that gives 20 dB: λ/(4·10^(27.7815/20)) = 0.831048 mm,
        // floored to 0.831 mm: the shipped gaps.
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.MCU);
        ShieldingReport.FrequencyCheck top = r.frequencies().get(40);
        assertThat(top.frequencyHz()).isCloseTo(1.968e9, within(1.0));
        assertThat(top.apertureSeDb()).isCloseTo(20.0005, within(0.0001));
        assertThat(top.rules()).extracting(RuleCheck::rule)
                .contains(ShieldingRule.OPENING_BELOW_QUARTER_WAVELENGTH)
                .doesNotContain(ShieldingRule.OPENING_BELOW_HALF_WAVELENGTH);
        RuleCheck quarter = top.rules().stream()
                .filter(x -> x.rule() == ShieldingRule.OPENING_BELOW_QUARTER_WAVELENGTH).findFirst().orElseThrow();
        assertThat(quarter.limitMm()).isCloseTo(81.42572 / 4, within(0.00001));
        assertThat(r.maxOpeningMm()).isEqualTo(0.831);
        // The same layout without its route: the design's PILLARS style says the same.
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.MCU);
        ExampleLayouts.metrics(layout).remove("route");
        ShieldingReport fallback = evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), layout);
        assertThat(fallback.frequencies().get(40).apertureSeDb()).isCloseTo(20.0005, within(0.0001));
        // And gaps 0.9 mm high (the first MCU design) fail: 20·log10(81.42572/3.6) − 7.7815 = 19.3077 dB.
        ObjectNode tall = ExampleDesigns.tree(ExampleDesigns.MCU);
        ((ObjectNode) tall.get("shield").get("openings")).put("heightMm", 0.9);
        ObjectNode tallLayout = ExampleLayouts.tree(ExampleLayouts.MCU);
        ExampleLayouts.metrics(tallLayout).put("openingHeightMm", 0.9).put("openingMaxDimensionMm", 0.9);
        Finding f = finding(evaluate(tall, tallLayout), ShieldingRule.APERTURE_SHIELDING);
        assertThat(f.measured()).isCloseTo(19.3077, within(0.0001));
        assertThat(f.fixField()).isEqualTo("shield.openings.heightMm");
        assertThat(f.fixValue()).isEqualTo(0.831);
    }

    @Test
    void riseTimeExtendsTheChecksToTheKneeFrequency() {
        // MCU with 5 harmonics asked for and t_r = 0.2 ns: knee = 2.5 GHz → floor(2.5e9/48e6) = 52 harmonics.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.MCU);
        ((ObjectNode) tree.get("package")).put("harmonics", 5).put("riseTimeS", 0.2e-9);
        ShieldingReport r = evaluate(tree, ExampleLayouts.MCU);
        assertThat(r.checkedRange().rule()).isEqualTo(EmissionRange.Rule.HARMONICS_OVERRIDE);
        assertThat(r.frequencies()).hasSize(52);
        assertThat(r.frequencies().get(51).frequencyHz()).isCloseTo(52 * 48e6, within(1.0));
    }

    /**
     * The example evaluated with its package section edited (harmonics left out: the emission rule applies), checked
     * against the expected range; every harmonic of the range up to the cap is in frequencies[].
     */
    private ShieldingReport underTheRule(String example, String layout, Consumer<ObjectNode> editPackage,
                                         EmissionRange.Rule rule, double upToHz, int harmonics) {
        ObjectNode tree = ExampleDesigns.tree(example);
        ObjectNode pkg = (ObjectNode) tree.get("package");
        pkg.remove("harmonics");
        editPackage.accept(pkg);
        ShieldingReport r = evaluate(tree, layout);
        assertThat(r.checkedRange().rule()).isEqualTo(rule);
        assertThat(r.checkedRange().upToHz()).isCloseTo(upToHz, within(1.0));
        assertThat(r.checkedRange().harmonics()).isEqualTo(harmonics);
        assertThat(r.frequencies()).hasSize(harmonics);
        return r;
    }

    @Test
    void shippedExamplesAreCheckedOverTheirFccRanges() {
        // No shipped example gives package.harmonics: Wi-Fi (intentional) 10 · 2.45 GHz = 24.5 GHz; 28 GHz
        // (intentional) min(5 · 28, 100) = 100 GHz → 3 harmonics; MCU (unintentional, knee 250 MHz) 2 GHz → 41.
        assertThat(evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI).checkedRange())
                .isEqualTo(new ShieldingReport.CheckedRange(EmissionRange.Rule.FCC_15_33_A, 24.5e9, 10));
        assertThat(evaluate(ExampleDesigns.tree(ExampleDesigns.MMWAVE), ExampleLayouts.MMWAVE).checkedRange())
                .isEqualTo(new ShieldingReport.CheckedRange(EmissionRange.Rule.FCC_15_33_A, 100e9, 3));
        assertThat(evaluate(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.MCU).checkedRange())
                .isEqualTo(new ShieldingReport.CheckedRange(EmissionRange.Rule.FCC_15_33_B, 2e9, 41));
    }

    @Test
    void harmonicsOverrideTheRule() {
        // The Wi-Fi with package.harmonics 5: 5 · 2.45 GHz = 12.25 GHz, named as the override.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("package")).put("harmonics", 5);
        assertThat(evaluate(tree, ExampleLayouts.WIFI).checkedRange()).isEqualTo(
                new ShieldingReport.CheckedRange(EmissionRange.Rule.HARMONICS_OVERRIDE, 5 * 2.45e9, 5));
    }

    @Test
    void transmitterWithoutHarmonicsIsCheckedOverTheFccRange() {
        // Wi-Fi as an intentional radiator: 15.33(a)(1), 10 · 2.45 = 24.5 GHz < 40 GHz → 10 harmonics, the 10th at
        // 24.5 GHz.
        ShieldingReport r = underTheRule(ExampleDesigns.WIFI, ExampleLayouts.WIFI, p -> p.put("radiator", "INTENTIONAL"),
                EmissionRange.Rule.FCC_15_33_A, 24.5e9, 10);
        assertThat(r.frequencies().get(9).frequencyHz()).isCloseTo(24.5e9, within(1.0));
    }

    @Test
    void millimetreWaveTransmitterWithoutHarmonicsStopsAt100GHz() {
        // 28 GHz intentional: 15.33(a)(2), 5 · 28 = 140 GHz > 100 GHz → up to 100 GHz → 3 harmonics (84 GHz).
        underTheRule(ExampleDesigns.MMWAVE, ExampleLayouts.MMWAVE, p -> p.put("radiator", "INTENTIONAL"),
                EmissionRange.Rule.FCC_15_33_A, 100e9, 3);
    }

    @Test
    void microcontrollerWithoutHarmonicsIsCheckedToItsFccRange() {
        // 48 MHz unintentional (the default), no rise time: 15.33(b)(1), 48 MHz ≤ 108 MHz → 1 GHz;
        // 1000/48 = 20.83 → 20 harmonics (960 MHz).
        ShieldingReport r = underTheRule(ExampleDesigns.MCU, ExampleLayouts.MCU, p -> p.remove("riseTimeS"),
                EmissionRange.Rule.FCC_15_33_B, 1e9, 20);
        assertThat(r.frequencies().get(19).frequencyHz()).isCloseTo(960e6, within(1.0));
    }

    @Test
    void microcontrollerEdgesRaiseItsHighestFrequencyToTheKnee() {
        // 48 MHz with 2 ns edges (the example's): knee 0.5/2 ns = 250 MHz is the highest frequency;
        // 108 < 250 ≤ 500 MHz → 2 GHz; 2000/48 = 41.67 → 41 harmonics (1.968 GHz). The default cap is 200 checked
        // frequencies (EvaluationSettings.DEFAULTS), so all 41 are checked and no CHECKS_TRUNCATED.
        ShieldingReport r = underTheRule(ExampleDesigns.MCU, ExampleLayouts.MCU, p -> { },
                EmissionRange.Rule.FCC_15_33_B, 2e9, 41);
        assertThat(r.findings()).noneMatch(f -> f.rule() == ShieldingRule.CHECKS_TRUNCATED);
    }

    @Test
    void fccRangeBeyondTheCapIsTruncatedWithANote() {
        // 48 MHz with 0.2 ns edges: knee 2.5 GHz > 1 GHz → min(5 · 2.5, 40) = 12.5 GHz; 12500/48 = 260.4 → 260
        // harmonics, more than the default cap of 200: 200 are checked, with a note.
        ShieldingReport r = underTheRule(ExampleDesigns.MCU, ExampleLayouts.MCU, p -> p.put("riseTimeS", 0.2e-9),
                EmissionRange.Rule.FCC_15_33_B, 12.5e9, 200);
        Finding f = finding(r, ShieldingRule.CHECKS_TRUNCATED);
        assertThat(f.measured()).isEqualTo(260.0);
        assertThat(f.limit()).isEqualTo(200.0);
        assertThat(f.message()).contains("FCC_15_33_B", "260 harmonics");
    }

    @Test
    void thinWallFailsWithAThicknessFixThatPasses() {
        // Closed walls, 1 µm gold (the thinnest plating the design model accepts), 90 dB required.
        // Gold σ = 4.52e7 S/m (CRC, 20 °C; σr 0.77931). At 2.45 GHz: δ = 2.36729/√2.45 = 1.51240 µm,
        //   t/δ = 0.66120, A = 8.6859·0.66120 = 5.7431 dB,
        //   the package is r = 0.95 − 0.90 = 0.05 mm below the top wall (side clearance 0.3 mm), inside
        //   λ/2π = 19.475 mm: magnetic near field (the worse form), R_H = 14.6 + 10·log10(2.45e9 · (5e-5)² · 0.77931)
        //   = 14.6 + 10·log10(4.77328) = 14.6 + 6.7882 = 21.388 dB (the plane wave's 73.025 dB no longer applies),
        //   x = 1.32240: e^(−x) = 0.26650, cos x = 0.24585, sin x = 0.96931 → Re = 0.93448, Im = 0.25832,
        //   |.|² = 0.87326 + 0.06673 = 0.93998 → B = −0.2688 dB; total = 5.7431 + 21.388 − 0.2688 = 26.862 dB < 90
        //   → FAIL.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ObjectNode shield = (ObjectNode) tree.get("shield");
        shield.put("material", "GOLD");
        shield.put("thicknessUm", 1.0);
        ((ObjectNode) shield.get("openings")).put("style", "NONE").put("perWall", 0);
        ((ObjectNode) tree.get("requirements")).put("minShieldingDb", 90);
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI_CLOSED_GOLD_1UM);
        ShieldingReport r = evaluate(tree, layout);
        assertThat(r.verdict()).isEqualTo(Status.FAIL);
        assertThat(r.frequencies().get(0).apertureSeDb()).isNull();
        assertThat(r.frequencies().get(0).solidWallSeDb()).isCloseTo(26.862, within(0.002));
        Finding f = finding(r, ShieldingRule.WALL_SHIELDING);
        assertThat(f.fixField()).isEqualTo("shield.thicknessUm");
        assertThat(f.field()).isEqualTo("shield.thicknessUm");
        assertThat(f.measured()).isLessThan(90.0);
        assertThat(f.limit()).isEqualTo(90.0);
        assertThat(f.unit()).isEqualTo("dB");
        // The plated wall is the layout's (metrics.wallThicknessUm): plate the fix, then one step (0.1 µm) less.
        ExampleLayouts.metrics(layout).put("wallThicknessUm", f.fixValue());
        ShieldingReport after = evaluate(tree, layout);
        assertThat(after.verdict()).isEqualTo(Status.PASS);
        // One step thinner fails again: the fix is the smallest passing thickness.
        ExampleLayouts.metrics(layout).put("wallThicknessUm", f.fixValue() - 0.1);
        assertThat(evaluate(tree, layout).verdict()).isEqualTo(Status.FAIL);
    }

    @Test
    void harmonicOfAnRfCarrierOnACavityModeIsFlaggedForReview() {
        // The shipped Wi-Fi: the package loads the depression (LoadedCavityTest), TM110 = 21.633 GHz in the mould
        // compound alone drops to 13.603 GHz, and H6 = 14.70 GHz lies (14.70 − 13.603)/13.603 = 8.07 % above it, within
        // the 10 % margin. The design gives no rise time, so this is an RF carrier's harmonic: flagged and listed,
        // INFO, verdict PASS.
        ShieldingReport r = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        Resonance tm110 = r.cavityResonances().get(0);
        assertThat(tm110.mode()).isEqualTo("TM110");
        assertThat(tm110.frequencyHz()).isCloseTo(13.6028e9, within(0.0001e9));
        assertThat(tm110.unloadedFrequencyHz()).isCloseTo(21.6329e9, within(0.0001e9));
        assertThat(tm110.flagged()).isTrue();
        assertThat(tm110.nearHarmonic()).isEqualTo(6);
        Finding f = finding(r, ShieldingRule.CAVITY_RESONANCE);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.measured()).isCloseTo(8.066, within(0.001));
        assertThat(f.message()).contains("TM110", "harmonic 6", "package.riseTimeS", "effective εr 9.611");
        assertThat(r.verdict()).isEqualTo(Status.PASS);
    }

    @Test
    void harmonicOfADigitalEdgeOnACavityModeWarns() {
        // The same module, 9 harmonics asked for, with 20 ps edges: knee 0.5/20 ps = 25 GHz → floor(25/2.45) = 10
        // harmonics; H6 on the loaded TM110 (13.603 GHz) now carries edge content falling only as 1/k, so the
        // resonance warns, as do H8 (TM210, 20.216 GHz) and H9 (TM120, 22.727 GHz).
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("package")).put("harmonics", 9).put("riseTimeS", 20e-12);
        ShieldingReport r = evaluate(tree, ExampleLayouts.WIFI);
        assertThat(r.frequencies()).hasSize(10);
        assertThat(r.findings()).filteredOn(x -> x.rule() == ShieldingRule.CAVITY_RESONANCE)
                .extracting(Finding::frequencyHz).containsExactly(14.7e9, 19.6e9, 22.05e9);
        assertThat(r.findings()).filteredOn(x -> x.rule() == ShieldingRule.CAVITY_RESONANCE)
                .allMatch(x -> x.severity() == Severity.WARN);
        assertThat(r.verdict()).isEqualTo(Status.WARN);
    }

    @Test
    void hugeCavityAtTheHighestFrequenciesStaysBounded() {
        // The largest depression the design model allows (140 × 140 × 19.5 mm, εr 100) at 300 GHz × 50 harmonics
        // has ~1e14 modes below the top frequency: enumeration is budgeted, the clearance search gives up cleanly.
        ObjectNode tree = ExampleDesigns.hugeCavity();
        long start = System.nanoTime();
        ShieldingReport r = evaluate(tree, ExampleLayouts.WIFI_HUGE_CAVITY);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20.0);
        assertThat(r.frequencies()).hasSize(50);
        assertThat(r.cavityResonances()).isNotEmpty();
        assertThat(r.verdict()).isEqualTo(Status.FAIL);
    }

    @Test
    void evaluationsAreDeterministic() {
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.MMWAVE);
        assertThat(evaluate(tree, ExampleLayouts.MMWAVE)).isEqualTo(evaluate(tree, ExampleLayouts.MMWAVE));
    }

    @Test
    void sweepShowsTheEnclosureResonanceDip() {
        // Wi-Fi: the Robinson curve dips below 0 dB near the depression's TM110 in the mould compound alone
        // (21.63 GHz: Robinson's box is filled homogeneously, docs/shielding.md) inside the sweep (1.225 GHz …
        // 49 GHz = 2 × 24.5 GHz). The first draft's 0.8 mm troughs couple strongly enough for the lossless model
        // to go negative at a sweep point.
        ShieldingReport r = evaluate(wifiFirstDraft(), ExampleLayouts.WIFI_FIRST_DRAFT);
        assertThat(r.sweep()).hasSize(1000);
        assertThat(r.sweep().get(0).frequencyHz()).isCloseTo(1.225e9, within(1.0));
        SweepPoint min = r.sweep().stream()
                .min(Comparator.comparingDouble(p -> p.enclosureSeDb())).orElseThrow();
        assertThat(min.enclosureSeDb()).isNegative();
        assertThat(min.frequencyHz()).isBetween(0.9 * 21.633e9, 21.633e9 * 1.001);
    }
}

package io.shieldfab.recipe.process;

import io.shieldfab.design.process.FillFinding;
import io.shieldfab.design.process.FillMethod;
import io.shieldfab.design.process.FillResult;
import io.shieldfab.design.process.FillStatus;

import java.util.List;

/**
 * The recipe's {@code fill} object and the fill calculator's answer: design-model's {@link FillResult} as the recipe
 * JSON carries it (docs/recipe.md §4, "The fill object"), numbers to six significant digits so the content hash is
 * stable.
 *
 * @param method              how the encapsulant is brought in
 * @param viscosityPaS        viscosity used, Pa·s
 * @param fillerTopCutUm      filler top cut used, µm
 * @param gelTimeS            gel (or working) time used, s
 * @param pressureKPa         driving pressure used, kPa
 * @param minOpeningMm        the fill's lower limit of the smallest pathway dimension, mm
 * @param fillerMinOpeningMm  filler factor × top cut, mm
 * @param flowMinOpeningMm    the flow's limit of the smallest dimension at the openings' shape, mm
 * @param longestChainSites   depressions fed in series from one gate or dispense point
 * @param fillTimeS           time to fill that chain, s
 * @param allowedTimeS        gel fraction × gel time, s
 * @param requiredPressureKPa pressure that fills the chain in exactly the allowed time, kPa
 * @param status              {@code PASS} or {@code FAIL} (any ERROR finding)
 * @param findings            the failed checks with their fixes, and information notes
 */
public record FillReport(FillMethod method, double viscosityPaS, double fillerTopCutUm, double gelTimeS,
                         double pressureKPa, double minOpeningMm, double fillerMinOpeningMm, double flowMinOpeningMm,
                         int longestChainSites, double fillTimeS, double allowedTimeS, double requiredPressureKPa,
                         FillStatus status, List<FillFinding> findings) {

    public FillReport {
        findings = List.copyOf(findings);
    }

    public static FillReport of(FillResult r) {
        return new FillReport(r.method(), Units.significant(r.viscosityPaS()),
                Units.significant(r.fillerTopCutUm()), Units.significant(r.gelTimeS()),
                Units.significant(r.pressureKPa()), Units.significant(r.minOpeningMm()),
                Units.significant(r.fillerMinOpeningMm()), Units.significant(r.flowMinOpeningMm()),
                r.longestChainSites(), Units.significant(r.fillTimeS()), Units.significant(r.allowedTimeS()),
                Units.significant(r.requiredPressureKPa()), r.status(),
                r.findings().stream().map(f -> new FillFinding(f.rule(), f.severity(), f.field(),
                        Units.significant(f.measured()), Units.significant(f.limit()), f.unit(), f.message())).toList());
    }

    /** Whether the recipe may be released: a failed fill may be compiled and read, never run (docs/recipe.md §6). */
    public boolean passes() {
        return status == FillStatus.PASS;
    }

    /** The ERROR findings, the ones that fail the fill. */
    public List<FillFinding> errors() {
        return findings.stream().filter(f -> f.severity() == FillFinding.Severity.ERROR).toList();
    }
}

package io.shieldfab.design.process;

import java.util.List;

/**
 * The fill model's answer for one row (docs/physics.md, section 6). Times in s, pressure in kPa, lengths in mm.
 * Every value is finite: a chain of more than one depression needs pathways ({@link FillInput} refuses it without).
 *
 * @param method              the fill method
 * @param viscosityPaS        viscosity used, Pa·s
 * @param fillerTopCutUm      filler top cut used, µm
 * @param gelTimeS            gel (or working) time used, s
 * @param pressureKPa         driving pressure used, kPa
 * @param minOpeningMm        the fill's lower limit for the smallest pathway dimension: max(filler, flow), mm
 * @param fillerMinOpeningMm  k × filler top cut, mm
 * @param flowMinOpeningMm    smallest square pathway side (same count, duct length and chain) that fills within the
 *                            allowed time, mm; 0 when chainSites == 1 or there are no pathways
 * @param longestChainSites   depressions fed in series from one gate (the input's chainSites)
 * @param fillTimeS           time to fill the chain, s
 * @param allowedTimeS        gelFraction × gelTimeS, s
 * @param requiredPressureKPa driving pressure that would fill the chain in exactly the allowed time, kPa
 * @param status              FAIL when any finding is an ERROR
 * @param findings            the failed checks and the information notes
 */
public record FillResult(FillMethod method, double viscosityPaS, double fillerTopCutUm, double gelTimeS,
                         double pressureKPa, double minOpeningMm, double fillerMinOpeningMm, double flowMinOpeningMm,
                         int longestChainSites, double fillTimeS, double allowedTimeS, double requiredPressureKPa,
                         FillStatus status, List<FillFinding> findings) {

    public FillResult {
        findings = List.copyOf(findings);
    }
}

package io.shieldfab.shielding.rest.dto;

import io.shieldfab.design.Violation;
import io.shieldfab.shielding.evaluation.ShieldingReport;

import java.time.Instant;
import java.util.List;

/**
 * The shielding report on the wire (docs/api-guide.md): {@code verdict}, {@code frequencies[]}, {@code cavityResonances[]},
 * {@code findings[]} are the contract; the other fields add context and the sweep for the chart.
 */
public record EvaluationReport(String id, Instant createdAt, String designName, String revision, String verdict,
                               String geometrySource, String material, double minShieldingDb, String apertureRule,
                               Double kneeFrequencyHz, Geometry geometry, List<FrequencyCheck> frequencies,
                               List<Resonance> cavityResonances, List<Finding> findings, List<Violation> designWarnings,
                               List<SweepPoint> sweep) {

    public record Geometry(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, double wallThicknessUm,
                           int openingsPerWall, double openingMaxDimensionMm, double openingLengthMm,
                           double openingHeightMm) {
    }

    public record FrequencyCheck(double frequencyHz, int harmonic, double wavelengthMm, double skinDepthUm,
                                 double relativePermeability, double solidWallSeDb, Double apertureSeDb,
                                 Double enclosureSeDb, double totalSeDb, String status, List<RuleCheck> rules) {
    }

    public record RuleCheck(String rule, String status, double limitMm, double actualMm, String bound) {
    }

    public record Resonance(String mode, double frequencyHz, boolean flagged, Integer nearHarmonic) {
    }

    public record Finding(String rule, String severity, String message, String fix, String fixField, Double fixValue,
                          Double frequencyHz) {
    }

    public record SweepPoint(double frequencyHz, Double enclosureSeDb, Double apertureSeDb, double solidWallSeDb) {
    }

    public static EvaluationReport from(String id, Instant createdAt, ShieldingReport r, List<Violation> warnings) {
        var g = r.geometry();
        return new EvaluationReport(id, createdAt, r.designName(), r.revision(), r.verdict().name(), r.geometrySource(),
                r.material(), r.minShieldingDb(), r.apertureRule(), r.kneeFrequencyHz(),
                new Geometry(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), g.wallThicknessUm(),
                        g.openingsPerWall(), g.openingMaxDimensionMm(), g.openingLengthMm(), g.openingHeightMm()),
                r.frequencies().stream().map(f -> new FrequencyCheck(f.frequencyHz(), f.harmonic(), f.wavelengthMm(),
                        f.skinDepthUm(), f.relativePermeability(), f.solidWallSeDb(), f.apertureSeDb(),
                        f.enclosureSeDb(), f.totalSeDb(), f.status().name(),
                        f.rules().stream().map(x -> new RuleCheck(x.rule(), x.status().name(), x.limitMm(),
                                x.actualMm(), x.bound().name())).toList())).toList(),
                r.cavityResonances().stream().map(x -> new Resonance(x.mode(), x.frequencyHz(), x.flagged(),
                        x.nearHarmonic())).toList(),
                r.findings().stream().map(x -> new Finding(x.rule(), x.severity(), x.message(), x.fix(), x.fixField(),
                        x.fixValue(), x.frequencyHz())).toList(),
                List.copyOf(warnings),
                r.sweep().stream().map(x -> new SweepPoint(x.frequencyHz(), x.enclosureSeDb(), x.apertureSeDb(),
                        x.solidWallSeDb())).toList());
    }
}

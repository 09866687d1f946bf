package io.shieldfab.gateway.portal;

import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.client.LayoutResult;
import io.shieldfab.gateway.client.RecipeResult;
import io.shieldfab.gateway.portal.PortalViews.BundleFile;
import io.shieldfab.gateway.portal.PortalViews.Fact;
import io.shieldfab.gateway.portal.PortalViews.Finding;
import io.shieldfab.gateway.portal.PortalViews.FrequencyRow;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.gateway.service.HandoffOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stored facts of a finished handoff ({@link HandoffOutcome}) in words and numbers for people. Formatting
 * only: every judgement (verdict, status per harmonic, the weakest frequency) is shielding-service's, as stored.
 */
final class OutcomeFacts {

    private OutcomeFacts() {
    }

    static String verdictSummary(EvaluationResult report) {
        String verdict = report.verdict() == null ? "" : report.verdict();
        String target = number(report.minShieldingDb(), 1);
        String head = switch (verdict) {
            case "PASS" -> "The shield meets every rule";
            case "WARN" -> "The shield meets the requirement, with findings to look at";
            case "FAIL" -> "The shield does not meet the requirement";
            default -> "Shielding verdict " + verdict;
        };
        HandoffView.OpeningWindow window = HandoffView.OpeningWindow.of(report);
        return head + (target.isEmpty() ? "." : " (target " + target + " dB).") + weakest(report.weakest())
                + (window == null ? "" : " " + window.sentence());
    }

    /** The weakest checked frequency as the report names it; nothing for a report without one. */
    private static String weakest(EvaluationResult.Weakest weakest) {
        if (weakest == null || weakest.totalSeDb() == null || weakest.frequencyHz() == null) {
            return "";
        }
        return " The weakest shielding is " + number(weakest.totalSeDb(), 1) + " dB at " + frequency(weakest.frequencyHz())
                + (weakest.harmonic() == null ? "." : " (harmonic " + weakest.harmonic() + ").");
    }

    static List<Finding> findings(EvaluationResult report) {
        return report.findings().stream().map(f -> new Finding(text(f.rule()), text(f.severity()), text(f.message()),
                text(f.fix()))).toList();
    }

    static List<FrequencyRow> frequencies(EvaluationResult report) {
        return report.frequencies().stream().map(f -> new FrequencyRow(f.harmonic() == null ? "" : f.harmonic().toString(),
                f.frequencyHz() == null ? "" : frequency(f.frequencyHz()), number(f.wavelengthMm(), 2),
                number(f.totalSeDb(), 1), text(f.status()))).toList();
    }

    static List<Fact> layoutFacts(LayoutResult layout) {
        List<Fact> facts = new ArrayList<>();
        LayoutResult.Panel panel = layout.panel();
        LayoutResult.Metrics metrics = layout.metrics() == null
                ? new LayoutResult.Metrics(null, null, null, null, null) : layout.metrics();
        add(facts, "Sites", layout.siteCount() == null ? "" : layout.siteCount() + " (" + layout.rows() + " × " + layout.columns() + ")");
        add(facts, "Panel", panel == null || panel.widthMm() == null ? ""
                : number(panel.widthMm(), 1) + " × " + number(panel.heightMm(), 1) + " mm");
        add(facts, "Plated area", unit(metrics.platedAreaMm2(), 1, "mm²"));
        add(facts, "Openings", metrics.openingCount() == null ? ""
                : metrics.openingCount() + ", largest " + number(metrics.openingMaxDimensionMm(), 3) + " mm");
        add(facts, "Wall thickness", unit(metrics.wallThicknessUm(), 1, "µm"));
        add(facts, "Encapsulant volume", unit(metrics.encapsulantVolumeMm3(), 1, "mm³"));
        return facts;
    }

    static List<Fact> recipeFacts(RecipeResult recipe) {
        List<Fact> facts = new ArrayList<>();
        RecipeResult.Summary s = recipe.summary();
        if (s == null) {
            return facts;
        }
        add(facts, "Deposit", text(s.depositMetal()));
        add(facts, "Plating current", unit(s.platingCurrentA(), 3, "A"));
        add(facts, "Plating time", s.platingDurationS() == null ? "" : duration(s.platingDurationS()));
        add(facts, "Deposit mass", unit(s.depositMassG(), 3, "g"));
        add(facts, "Encapsulant to dispense", unit(s.encapsulantVolumeMm3(), 1, "mm³"));
        add(facts, "Total cut length", unit(s.totalCutLengthMm(), 1, "mm"));
        add(facts, "Singulation time", s.singulationDurationS() == null ? "" : duration(s.singulationDurationS()));
        return facts;
    }

    static String recipeLine(RecipeResult recipe) {
        if (recipe.id() == null) {
            return "";
        }
        String hash = text(recipe.contentHash());
        return "Recipe version " + (recipe.version() == null ? "?" : recipe.version()) + ", " + text(recipe.status())
                + (hash.isEmpty() ? "" : ", content hash " + hash.substring(0, Math.min(12, hash.length())) + "…");
    }

    /** The bundle's files as the manifest lists them, then the manifest itself. */
    static List<BundleFile> bundleFiles(String id, List<HandoffOutcome.BundledFile> files) {
        List<BundleFile> out = new ArrayList<>();
        for (HandoffOutcome.BundledFile f : files) {
            if (BundleFiles.DESCRIPTIONS.containsKey(f.name())) {
                out.add(new BundleFile(f.name(), BundleFiles.DESCRIPTIONS.get(f.name()), PortalViews.size(f.sizeBytes()),
                        f.sha256(), "/handoffs/" + id + "/files/" + f.name()));
            }
        }
        out.add(new BundleFile("manifest.json", BundleFiles.DESCRIPTIONS.get("manifest.json"), "", "",
                "/handoffs/" + id + "/files/manifest.json"));
        return out;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String unit(Double value, int digits, String unit) {
        return value == null ? "" : number(value, digits) + " " + unit;
    }

    static String number(Double value, int digits) {
        if (value == null) {
            return "";
        }
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String frequency(double hz) {
        if (hz >= 1e9) {
            return String.format(Locale.ROOT, "%.4g GHz", hz / 1e9).replaceAll("\\.?0+ ", " ");
        }
        return String.format(Locale.ROOT, "%.4g MHz", hz / 1e6).replaceAll("\\.?0+ ", " ");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}

package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.RawString;
import io.shieldfab.gateway.HandoffBundle;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.portal.PortalViews.BundleFile;
import io.shieldfab.gateway.portal.PortalViews.Fact;
import io.shieldfab.gateway.portal.PortalViews.Finding;
import io.shieldfab.gateway.portal.PortalViews.FrequencyRow;
import io.shieldfab.gateway.portal.PortalViews.HandoffDetail;
import io.shieldfab.gateway.portal.PortalViews.HandoffList;
import io.shieldfab.gateway.portal.PortalViews.HandoffRow;
import io.shieldfab.gateway.rest.dto.HandoffPage;
import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.gateway.service.HandoffProblem;
import io.shieldfab.gateway.service.HandoffService;
import io.shieldfab.gateway.service.InvalidDesignException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads handoffs for the portal through {@link HandoffService} (so the portal sees exactly what the
 * API answers, owner checks included) and turns a finished bundle into what the handoff page shows.
 */
@ApplicationScoped
public class HandoffDetails {

    /** What the handoff page reads from a bundle. */
    static final java.util.Set<String> PAGE_FILES = java.util.Set.of("shielding-report.json", "layout.json", "recipe.json",
            "manifest.json", "layout.svg");

    private final HandoffService handoffs;
    private final GatewayConfig config;
    private final ObjectMapper mapper;

    public HandoffDetails(HandoffService handoffs, GatewayConfig config, ObjectMapper mapper) {
        this.handoffs = handoffs;
        this.config = config;
        this.mapper = mapper;
    }

    public HandoffList list(PortalSession session, String cursor) {
        HandoffPage page;
        try {
            page = handoffs.listForOwner(session.owner(), config.portal().pageSize(), blankToNull(cursor));
        } catch (InvalidDesignException badCursor) {
            throw new PortalRefusal(400, "Unknown page", "This link to a page of the list is not valid any more.");
        }
        List<HandoffRow> rows = page.items().stream().map(HandoffRow::of).toList();
        return new HandoffList(rows, blankToNull(cursor), page.nextCursor(), rows.stream().anyMatch(HandoffRow::active),
                config.portal().refreshInterval().toMillis());
    }

    public HandoffView view(PortalSession session, String id) {
        return handoffs.viewForOwner(session.owner(), id).orElseThrow(HandoffDetails::notFound);
    }

    /** The stored bundle of a SUCCEEDED handoff of this session's key. */
    public HandoffBundle bundle(PortalSession session, String id) {
        try {
            return handoffs.bundleForOwner(session.owner(), id).orElseThrow(HandoffDetails::notFound);
        } catch (HandoffProblem problem) {
            if (problem.problem().status() == 409) {
                throw new PortalRefusal(409, "Not ready yet", "The bundle exists once the handoff has succeeded.");
            }
            throw notFound();
        }
    }

    public HandoffDetail detail(PortalSession session, String id) {
        HandoffView view = view(session, id);
        HandoffRow row = HandoffRow.of(view);
        long refresh = config.portal().refreshInterval().toMillis();
        boolean succeeded = "SUCCEEDED".equals(view.status());
        boolean failed = "FAILED".equals(view.status());
        if (!succeeded) {
            return new HandoffDetail(row, PortalViews.Step.of(view), false, failed, view.lastError(), view.errors(), view.warnings(), view.verdict(), null,
                    List.of(), List.of(), List.of(), List.of(), null, null, List.of(), null, refresh);
        }
        HandoffBundle stored = bundle(session, id);
        BundleFiles files = BundleFiles.unzip(stored.content, PAGE_FILES);
        JsonNode report = json(files, "shielding-report.json");
        JsonNode layout = json(files, "layout.json");
        JsonNode recipe = json(files, "recipe.json");
        JsonNode manifest = json(files, "manifest.json");
        RawString svg = files.file("layout.svg").flatMap(InlineSvg::prepare).map(RawString::new).orElse(null);
        return new HandoffDetail(row, PortalViews.Step.of(view), true, false, null, view.errors(), view.warnings(), report.path("verdict").asText(view.verdict()),
                verdictSummary(report), findings(report), frequencies(report), layoutFacts(layout), recipeFacts(recipe),
                recipeLine(recipe), svg, bundleFiles(id, manifest), PortalViews.size(stored.sizeBytes), refresh);
    }

    private JsonNode json(BundleFiles files, String name) {
        byte[] bytes = files.file(name).orElse(null);
        if (bytes == null) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    static String verdictSummary(JsonNode report) {
        String verdict = report.path("verdict").asText("");
        String target = number(report.path("minShieldingDb"), 1);
        String weakest = "";
        double min = Double.POSITIVE_INFINITY;
        for (JsonNode f : report.path("frequencies")) {
            double se = f.path("totalSeDb").asDouble(Double.POSITIVE_INFINITY);
            if (se < min) {
                min = se;
                weakest = " The weakest shielding is " + number(f.path("totalSeDb"), 1) + " dB at " + frequency(f.path("frequencyHz"))
                        + " (harmonic " + f.path("harmonic").asInt() + ").";
            }
        }
        String head = switch (verdict) {
            case "PASS" -> "The shield meets every rule";
            case "WARN" -> "The shield meets the requirement, with findings to look at";
            case "FAIL" -> "The shield does not meet the requirement";
            default -> "Shielding verdict " + verdict;
        };
        return head + (target.isEmpty() ? "." : " (target " + target + " dB).") + weakest;
    }

    static List<Finding> findings(JsonNode report) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            out.add(new Finding(f.path("rule").asText(), f.path("severity").asText(), f.path("message").asText(),
                    f.path("fix").asText("")));
        }
        return out;
    }

    static List<FrequencyRow> frequencies(JsonNode report) {
        List<FrequencyRow> out = new ArrayList<>();
        for (JsonNode f : report.path("frequencies")) {
            out.add(new FrequencyRow(Integer.toString(f.path("harmonic").asInt()), frequency(f.path("frequencyHz")),
                    number(f.path("wavelengthMm"), 2), number(f.path("totalSeDb"), 1), f.path("status").asText("")));
        }
        return out;
    }

    static List<Fact> layoutFacts(JsonNode layout) {
        List<Fact> facts = new ArrayList<>();
        JsonNode panel = layout.path("panel");
        JsonNode metrics = layout.path("metrics");
        add(facts, "Sites", layout.path("siteCount").isMissingNode() ? "" :
                layout.path("siteCount").asText() + " (" + layout.path("rows").asText() + " × " + layout.path("columns").asText() + ")");
        add(facts, "Panel", panel.has("widthMm") ? number(panel.path("widthMm"), 1) + " × " + number(panel.path("heightMm"), 1) + " mm" : "");
        add(facts, "Plated area", unit(metrics.path("platedAreaMm2"), 1, "mm²"));
        add(facts, "Openings", metrics.path("openingCount").isMissingNode() ? "" : metrics.path("openingCount").asText()
                + ", largest " + number(metrics.path("openingMaxDimensionMm"), 3) + " mm");
        add(facts, "Wall thickness", unit(metrics.path("wallThicknessUm"), 1, "µm"));
        add(facts, "Encapsulant volume", unit(metrics.path("encapsulantVolumeMm3"), 1, "mm³"));
        return facts;
    }

    static List<Fact> recipeFacts(JsonNode recipe) {
        JsonNode s = recipe.path("summary");
        List<Fact> facts = new ArrayList<>();
        add(facts, "Deposit", s.path("depositMetal").asText(""));
        add(facts, "Plating current", unit(s.path("platingCurrentA"), 3, "A"));
        add(facts, "Plating time", s.has("platingDurationS") ? duration(s.path("platingDurationS").asDouble()) : "");
        add(facts, "Deposit mass", unit(s.path("depositMassG"), 3, "g"));
        add(facts, "Encapsulant to dispense", unit(s.path("encapsulantVolumeMm3"), 1, "mm³"));
        add(facts, "Total cut length", unit(s.path("totalCutLengthMm"), 1, "mm"));
        add(facts, "Singulation time", s.has("singulationDurationS") ? duration(s.path("singulationDurationS").asDouble()) : "");
        return facts;
    }

    static String recipeLine(JsonNode recipe) {
        if (!recipe.has("id")) {
            return "";
        }
        String hash = recipe.path("contentHash").asText("");
        return "Recipe version " + recipe.path("version").asText("?") + ", " + recipe.path("status").asText("")
                + (hash.isEmpty() ? "" : ", content hash " + hash.substring(0, Math.min(12, hash.length())) + "…");
    }

    static List<BundleFile> bundleFiles(String id, JsonNode manifest) {
        List<BundleFile> out = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("name").asText();
            if (BundleFiles.DESCRIPTIONS.containsKey(name)) {
                out.add(new BundleFile(name, BundleFiles.DESCRIPTIONS.get(name), PortalViews.size(f.path("sizeBytes").asLong()),
                        f.path("sha256").asText(), "/handoffs/" + id + "/files/" + name));
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

    private static String unit(JsonNode value, int digits, String unit) {
        return value.isNumber() ? number(value, digits) + " " + unit : "";
    }

    static String number(JsonNode value, int digits) {
        if (!value.isNumber()) {
            return "";
        }
        return new java.math.BigDecimal(value.asDouble()).setScale(digits, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    static String frequency(JsonNode hz) {
        double f = hz.asDouble();
        if (f >= 1e9) {
            return String.format(Locale.ROOT, "%.4g GHz", f / 1e9).replaceAll("\\.?0+ ", " ");
        }
        return String.format(Locale.ROOT, "%.4g MHz", f / 1e6).replaceAll("\\.?0+ ", " ");
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static PortalRefusal notFound() {
        return new PortalRefusal(404, "Handoff not found", "There is no handoff with this id for the API key you signed in with.");
    }

    /** Whether {@code name} is a file the portal serves from a bundle. */
    static Optional<String> bundleFileName(String name) {
        return BundleFiles.DESCRIPTIONS.containsKey(name) ? Optional.of(name) : Optional.empty();
    }
}

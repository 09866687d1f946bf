package io.shieldfab.gateway.portal;

import io.quarkus.qute.RawString;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.client.Verification;
import io.shieldfab.gateway.rest.dto.HandoffView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the portal's templates show: values already formatted for people, so templates hold no logic. */
public final class PortalViews {

    private PortalViews() {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One line of the handoff list. */
    public record HandoffRow(String id, String shortId, String designName, String revision, String status, String created,
                             String createdIso, String verdict, boolean active) {

        static HandoffRow of(HandoffView h) {
            return new HandoffRow(h.id(), h.id().substring(0, Math.min(8, h.id().length())), h.designName(),
                    h.designRevision() == null ? "" : h.designRevision(), h.status(), when(h.createdAt()),
                    h.createdAt() == null ? "" : h.createdAt().toString(), h.verdict(), isActive(h.status()));
        }
    }

    /**
     * A page of the handoff list.
     *
     * @param cursor     the cursor this page was fetched with (null: the newest)
     * @param refreshMs  how often the browser asks again while {@code active}
     */
    public record HandoffList(List<HandoffRow> rows, String cursor, String nextCursor, boolean active, long refreshMs) {

        public String activeCount() {
            long n = rows.stream().filter(HandoffRow::active).count();
            return n == 0 ? "" : n + (n == 1 ? " handoff is" : " handoffs are") + " still running; this list updates by itself.";
        }
    }

    /** A shielding finding with its fix. */
    public record Finding(String rule, String severity, String message, String fix) {
    }

    /** Shielding at one frequency (the fundamental or a harmonic). */
    public record FrequencyRow(String harmonic, String frequency, String wavelengthMm, String totalSeDb, String status) {
    }

    /**
     * One step of a handoff's work as the progress list shows it.
     *
     * @param state {@code done}, {@code active} or {@code waiting}
     */
    public record Step(String name, String state) {

        public boolean done() {
            return "done".equals(state);
        }

        /** What a screen reader says after the step's name. */
        public String spoken() {
            return switch (state) {
                case "done" -> "done";
                case "active" -> "in progress";
                default -> "waiting";
            };
        }

        static List<Step> of(HandoffView h) {
            boolean succeeded = "SUCCEEDED".equals(h.status());
            List<String> names = new ArrayList<>(List.of("Layout", "Shielding report", "Recipe and traveler"));
            List<Boolean> done = new ArrayList<>(List.of(h.layoutId() != null, h.reportId() != null, h.recipeId() != null));
            if (h.fullwaveVerification() != null) {
                // the run the submission asked for: the handoff waits for it before the bundle
                names.add("Full-wave verification");
                done.add(succeeded);
            }
            names.add("Bundle");
            done.add(succeeded);
            List<Step> steps = new ArrayList<>();
            boolean activeShown = !"RUNNING".equals(h.status());
            for (int i = 0; i < names.size(); i++) {
                String state = done.get(i) ? "done" : activeShown ? "waiting" : "active";
                if ("active".equals(state)) {
                    activeShown = true;
                }
                steps.add(new Step(names.get(i), state));
            }
            return steps;
        }
    }

    /** A labelled number ("Plating current", "0.285 A"). */
    public record Fact(String label, String value) {
    }

    /** A file of the bundle and where to download it. */
    public record BundleFile(String name, String description, String size, String sha256, String href) {
    }

    /**
     * The opening window drawn as a bar from 0 to {@code scaleMm} (docs/portal.md, "Using it"; docs/shielding.md, "Opening window"): what the
     * shielding allows (0 to max), what the fill allows (min and up), their overlap in green or the gap between them
     * in red, and the design's smallest and largest opening dimension as markers. Coordinates are SVG user units
     * of a {@link #WIDTH}-wide drawing; the numbers are also given as text.
     */
    public record WindowBar(boolean empty, String sentence, String minMm, String maxMm, String scaleMm,
                            String minX, String fillWidth, String maxX, String windowX, String windowWidth,
                            String smallestMm, String largestMm, String smallestX, String largestX) {

        /** Width of the drawing, SVG user units. */
        public static final double WIDTH = 600;

        static WindowBar of(HandoffView.OpeningWindow w, Double smallestMm, Double largestMm) {
            if (w == null) {
                return null;
            }
            double top = Math.max(w.minMm(), w.maxMm());
            if (largestMm != null) {
                top = Math.max(top, largestMm);
            }
            double scale = niceCeiling(1.2 * top);
            double minX = x(w.minMm(), scale);
            double maxX = x(w.maxMm(), scale);
            return new WindowBar(w.empty(), w.sentence(), mm(w.minMm()), mm(w.maxMm()), mm(scale), units(minX),
                    units(WIDTH - minX), units(maxX), units(Math.min(minX, maxX)), units(Math.abs(maxX - minX)),
                    smallestMm == null ? "" : mm(smallestMm), largestMm == null ? "" : mm(largestMm),
                    smallestMm == null ? "" : units(x(smallestMm, scale)), largestMm == null ? "" : units(x(largestMm, scale)));
        }

        public boolean hasOpenings() {
            return !smallestX.isEmpty();
        }

        /** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ v: a scale end a person reads at a glance. */
        static double niceCeiling(double v) {
            if (!(v > 0)) {
                return 1;
            }
            double decade = Math.pow(10, Math.floor(Math.log10(v)));
            for (double step : new double[]{1, 2, 2.5, 5, 10}) {
                if (step * decade >= v * (1 - 1e-12)) {
                    return step * decade;
                }
            }
            return 10 * decade;
        }

        private static double x(double mm, double scale) {
            return WIDTH * Math.min(mm, scale) / scale;
        }

        private static String units(double x) {
            return String.format(Locale.ROOT, "%.1f", x);
        }

        private static String mm(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
    }

    /** Everything the handoff page shows. */
    public record HandoffDetail(HandoffRow row, List<Step> steps, boolean succeeded, boolean failed, String lastError,
                                List<HandoffView.HandoffError> errors, List<Violation> warnings,
                                String verdict, String verdictSummary, List<Finding> findings, List<FrequencyRow> frequencies,
                                List<Fact> layoutFacts, List<Fact> recipeFacts, String recipeLine, RawString layoutSvg,
                                List<BundleFile> files, String bundleSize, long refreshMs, WindowBar window) {

        public boolean active() {
            return row.active();
        }
    }

    /**
     * The full-wave verification section of a handoff page (docs/portal.md, "Full-wave verification"), shown once the
     * handoff has a shielding report.
     *
     * @param submission   the form's anti-double-submit token: the run's Idempotency-Key, so a resent form starts one run
     * @param unavailable  shielding-service did not answer: the section says so instead of listing runs
     * @param latest       the newest run, null when none has been started
     * @param chartVersion id of the newest SUCCEEDED run, "" when none: part of the chart's URL, so a browser that
     *                     cached the chart fetches it again once it has a new full-wave curve
     * @param poll         whether the section asks again by itself: a run is QUEUED or RUNNING and the handoff page
     *                     around it is not already refreshing
     */
    public record FullWave(boolean shown, String handoffId, String submission, boolean unavailable, VerificationRun latest,
                           String chartVersion, boolean poll, long refreshMs) {

        static FullWave absent() {
            return new FullWave(false, "", "", false, null, "", false, 0);
        }

        public boolean running() {
            return latest != null && latest.running();
        }
    }

    /**
     * A verification run as the section shows it; every figure and word is shielding-service's.
     *
     * @param pulse        what drove the model, in words (docs/shielding.md, "The pulse")
     * @param verdictBasis which figures the report's verdict rests on, as a sentence; "" before the run has a result
     */
    public record VerificationRun(String status, String requested, String finished, String cells, String pulse,
                                  String failureReason, List<VerificationRow> frequencies, List<String> warnings,
                                  String verdictBasis) {

        public boolean running() {
            return isActive(status);
        }

        public boolean failed() {
            return "FAILED".equals(status);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }

        /** Whether a figure is a lower bound (on the solver's rounding floor): the table then says what ≥ means. */
        public boolean withLowerBound() {
            return frequencies.stream().anyMatch(VerificationRow::lowerBound);
        }

        /** Whether a ring-down tail completes the figures: the table then says whether each has settled. */
        public boolean withTail() {
            return frequencies.stream().anyMatch(f -> !f.tail().isEmpty());
        }

        static VerificationRun of(Verification v) {
            Verification.Result result = v.result() == null ? new Verification.Result(null, null) : v.result();
            return new VerificationRun(v.status() == null ? "" : v.status(), when(v.createdAt()), when(v.finishedAt()),
                    v.mesh() == null || v.mesh().cells() == null ? "" : String.format(Locale.ROOT, "%,d", v.mesh().cells()),
                    "OPERATING_FREQUENCY".equals(v.pulse()) ? "pulse centred on the operating frequency"
                            : "broadband pulse",
                    v.failureReason() == null ? "" : v.failureReason(),
                    result.frequencies().stream().map(VerificationRow::of).toList(), result.warnings(),
                    verdictBasis(v.verdictRestsOn()));
        }

        private static String verdictBasis(String restsOn) {
            return switch (restsOn == null ? "" : restsOn) {
                case "ANALYTIC" -> "The verdict rests on the analytic rules: the full-wave figures are shown beside them"
                        + " and do not change it.";
                case "FULLWAVE" -> "The verdict rests on the full-wave figures.";
                default -> "";
            };
        }
    }

    /**
     * The full-wave SE at one checked frequency beside the analytic one, dB with one decimal like the page's other
     * tables; "—" where no field reached a probe (beyond what the run can measure), "≥ " before a lower bound (the
     * can's field on the solver's rounding floor, docs/shielding.md "Rounding floor").
     */
    public record VerificationRow(String harmonic, String frequency, String analyticSeDb, String fullwaveSeDb,
                                  String differenceDb, String weakestProbe, String tail, boolean lowerBound) {

        static VerificationRow of(Verification.CheckedFrequency f) {
            boolean bound = Boolean.TRUE.equals(f.lowerBound()) && f.fullwaveSeDb() != null;
            String prefix = bound ? "≥ " : "";
            return new VerificationRow(f.harmonic() == null ? "" : f.harmonic().toString(),
                    f.frequencyHz() == null ? "" : OutcomeFacts.frequency(f.frequencyHz()),
                    OutcomeFacts.number(f.analyticSeDb(), 1), prefix + beyondReach(f.fullwaveSeDb()),
                    prefix + beyondReach(f.differenceDb()), f.weakestProbe() == null ? "" : f.weakestProbe(), tail(f),
                    bound);
        }

        /**
         * With a ring-down tail: whether the figure has settled, with how far the one completed at an earlier cut
         * lies from it (docs/shielding.md, "Ring-down tail"); "" without a tail.
         */
        private static String tail(Verification.CheckedFrequency f) {
            if (f.truncatedSeDb() == null) {
                return "";
            }
            if (f.tailSpreadDb() == null || f.tailSettled() == null) {
                return "unchecked";
            }
            return (f.tailSettled() ? "settled, ±" : "not settled, ±") + OutcomeFacts.number(f.tailSpreadDb(), 1)
                    + " dB";
        }

        private static String beyondReach(Double db) {
            return db == null ? "—" : OutcomeFacts.number(db, 1);
        }
    }

    static boolean isActive(String status) {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** Sizes as a person reads them: 2.8 kB, 1.2 MB (SI prefixes). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

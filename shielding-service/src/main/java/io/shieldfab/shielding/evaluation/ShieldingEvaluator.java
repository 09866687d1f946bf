package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.Design;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.shielding.evaluation.ShieldingReport.Bound;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.Resonance;
import io.shieldfab.shielding.evaluation.ShieldingReport.RuleCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.evaluation.ShieldingReport.SweepPoint;
import io.shieldfab.shielding.physics.ApertureShape;
import io.shieldfab.shielding.physics.ApertureShielding;
import io.shieldfab.shielding.physics.CavityModes;
import io.shieldfab.shielding.physics.EnclosureShielding;
import io.shieldfab.shielding.physics.Material;
import io.shieldfab.shielding.physics.PhysicalConstants;
import io.shieldfab.shielding.physics.SheetShielding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates one design (with the geometry taken from its layout or from the design) at the fundamental and
 * every harmonic (up to the knee frequency 0.5/t_r when a rise time is given): aperture rules, solid-wall SE,
 * aperture SE, the weakest path, cavity resonances of the depression and a Robinson-model SE sweep. Pure and
 * deterministic: the same input gives the same report. Rules and their statuses are in docs/shielding.md.
 */
public final class ShieldingEvaluator {

    public static final String RULE_CLAIM_WAVELENGTH = "OPENING_BELOW_WAVELENGTH";
    public static final String RULE_HALF_WAVELENGTH = "OPENING_BELOW_HALF_WAVELENGTH";
    public static final String RULE_APERTURE_SHIELDING = "APERTURE_SHIELDING";
    public static final String RULE_WALL_SHIELDING = "WALL_SHIELDING";
    public static final String RULE_CAVITY_RESONANCE = "CAVITY_RESONANCE";
    public static final String RULE_CHECKS_TRUNCATED = "CHECKS_TRUNCATED";
    public static final String RULE_ENCLOSURE_MODEL = "ENCLOSURE_MODEL_NOT_APPLICABLE";

    /** Wall-clearance step of the resonance fix search, mm. */
    private static final double CLEARANCE_STEP_MM = 0.01;
    /** At most this many clearances are tried. */
    private static final int MAX_CLEARANCE_STEPS = 100;
    /** A cavity with more modes than this below the top frequency is too dense for a clearance fix. */
    private static final int MAX_CLEARANCE_MODES = 2_000;
    /** Modes examined for flags (below the top checked frequency + margin). */
    private static final int MAX_FLAGGED_MODES = 2_000;

    private final EvaluationSettings settings;

    public ShieldingEvaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    /** The geometry of one depression as the design describes it (used when no layout is given). */
    public static ShieldGeometry geometryFromDesign(Design design) {
        double clearance = design.shield().wallClearanceMm();
        OpeningsSpec o = design.shield().openings();
        boolean open = o != null && o.maxDimensionMm() > 0;
        return new ShieldGeometry(
                design.packageSpec().bodyLengthMm() + 2 * clearance,
                design.packageSpec().bodyWidthMm() + 2 * clearance,
                design.mandrel().recessDepthMm(),
                design.shield().thicknessUm(),
                open ? o.perWall() : 0,
                open ? o.maxDimensionMm() : 0.0,
                open ? o.lengthMm() : 0.0,
                open ? o.heightMm() : 0.0,
                "DESIGN");
    }

    public ShieldingReport evaluate(Design design, ShieldGeometry g) {
        Context c = new Context(design, g);
        List<Finding> findings = new ArrayList<>();

        double f0 = design.packageSpec().operatingFrequencyHz();
        Double knee = design.packageSpec().riseTimeS() == null ? null : 0.5 / design.packageSpec().riseTimeS();
        int harmonics = Math.max(1, design.packageSpec().harmonics());
        if (knee != null) {
            harmonics = Math.max(harmonics, (int) Math.floor(knee / f0 * (1 + 1e-12)));
        }
        if (harmonics > settings.maxCheckedFrequencies()) {
            findings.add(new Finding(RULE_CHECKS_TRUNCATED, "INFO",
                    "The design asks for " + harmonics + " harmonics (up to the knee frequency); only the first "
                            + settings.maxCheckedFrequencies() + " are checked.",
                    "Raise shieldfab.shielding.max-checked-frequencies or lengthen package.riseTimeS.", null, null, null));
            harmonics = settings.maxCheckedFrequencies();
        }

        List<FrequencyCheck> checks = new ArrayList<>();
        for (int k = 1; k <= harmonics; k++) {
            checks.add(check(c, k, k * f0));
        }
        if (g.hasOpenings() && !c.enclosureApplies) {
            findings.add(new Finding(RULE_ENCLOSURE_MODEL, "INFO",
                    "The enclosure model (Robinson et al. 1998) does not apply to these openings: " + c.enclosureReason
                            + "; the report has no enclosure SE.",
                    "None needed; aperture and wall rules still apply.", null, null, null));
        }
        double topChecked = checks.get(checks.size() - 1).frequencyHz();

        // Cavity modes up to the top of the sweep.
        double sweepStart = f0 / 2.0;
        // TM110 always exists, so the lowest mode lies at or below it.
        double tm110 = CavityModes.frequencyHz(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), c.er, 1, 1, 0);
        double lowest = CavityModes.modes(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), c.er,
                tm110 * (1 + 1e-9), 1).get(0).frequencyHz();
        double sweepStop = Math.max(topChecked * 2.0, Math.min(lowest * 1.25, topChecked * 20));
        // Listed: the lowest modes up to the top of the sweep, plus every mode near a checked frequency.
        List<CavityModes.Mode> lowestModes = CavityModes.modes(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(),
                c.er, sweepStop, settings.maxResonances());
        List<CavityModes.Mode> nearChecks = CavityModes.modes(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(),
                c.er, topChecked / (1 - settings.resonanceMargin()), MAX_FLAGGED_MODES);
        java.util.TreeMap<String, CavityModes.Mode> listed = new java.util.TreeMap<>();
        lowestModes.forEach(m -> listed.put(m.label(), m));
        nearChecks.stream().filter(m -> nearHarmonic(m.frequencyHz(), checks) != null).forEach(m -> listed.put(m.label(), m));
        List<Resonance> resonances = new ArrayList<>();
        listed.values().stream()
                .sorted(java.util.Comparator.comparingDouble(CavityModes.Mode::frequencyHz).thenComparing(CavityModes.Mode::label))
                .forEach(m -> {
                    Integer near = nearHarmonic(m.frequencyHz(), checks);
                    resonances.add(new Resonance(m.label(), m.frequencyHz(), near != null, near));
                });

        findings.addAll(ruleFindings(c, checks));
        findings.addAll(resonanceFindings(design, g, c.er, resonances, checks));

        List<SweepPoint> sweep = sweep(c, sweepStart, sweepStop);

        Status verdict = Status.PASS;
        for (FrequencyCheck fc : checks) {
            verdict = verdict.worst(fc.status());
        }
        for (Finding f : findings) {
            if (f.severity().equals("FAIL") || f.severity().equals("WARN")) {
                verdict = verdict.worst(Status.valueOf(f.severity()));
            }
        }
        return new ShieldingReport(design.name(), design.revision(), verdict, g.source(), c.material.name(),
                design.requirements().minShieldingDb(), design.requirements().apertureRule().name(), knee, g,
                List.copyOf(checks), List.copyOf(resonances), List.copyOf(findings), sweep);
    }

    /** Everything that is the same at every frequency. */
    private final class Context {
        final Design design;
        final ShieldGeometry g;
        final Material material;
        final Double permeabilityOverride;
        final double er;
        final double minSe;
        final int ruleDivisor;
        final String configuredRule;
        final boolean enclosureApplies;
        final String enclosureReason;

        Context(Design design, ShieldGeometry g) {
            this.design = design;
            this.g = g;
            this.material = Material.valueOf(design.shield().material().name());
            this.permeabilityOverride = design.shield().relativePermeability();
            this.er = design.encapsulation().relativePermittivity();
            this.minSe = design.requirements().minShieldingDb();
            this.ruleDivisor = design.requirements().apertureRule().divisor;
            this.configuredRule = "APERTURE_" + design.requirements().apertureRule().name();
            String reason = null;
            if (g.hasOpenings()) {
                try {
                    enclosureInput(g, 1e9, er);
                } catch (IllegalArgumentException e) {
                    reason = e.getMessage();
                }
            }
            this.enclosureApplies = g.hasOpenings() && reason == null;
            this.enclosureReason = reason;
        }

        double mur(double f) {
            return permeabilityOverride != null ? permeabilityOverride : material.relativePermeabilityAt(f);
        }

        SheetShielding.Result sheet(double f, double thicknessUm) {
            return SheetShielding.calculate(SheetShielding.Input.planeWave(material.conductivitySPerM, mur(f), thicknessUm, f));
        }

        ApertureShielding.Result aperture(double f, double lengthMm) {
            return ApertureShielding.calculate(new ApertureShielding.Input(lengthMm, Math.max(1, g.openingsPerWall()), f,
                    g.wallThicknessUm() / 1000.0, er, ApertureShape.RECTANGULAR));
        }

        Double enclosure(double f) {
            return enclosureApplies ? EnclosureShielding.calculate(enclosureInput(g, f, er)).seElectricDb() : null;
        }
    }

    /** The depression as Robinson's box: the aperture wall along the cavity length, probe at the centre. */
    static EnclosureShielding.Input enclosureInput(ShieldGeometry g, double f, double er) {
        return new EnclosureShielding.Input(g.cavityLengthMm(), g.cavityDepthMm(), g.cavityWidthMm(),
                g.openingLengthMm(), g.openingHeightMm(), g.wallThicknessUm() / 1000.0, g.openingsPerWall(),
                g.cavityWidthMm() / 2.0, f, er);
    }

    private FrequencyCheck check(Context c, int k, double f) {
        ShieldGeometry g = c.g;
        double lambda = PhysicalConstants.wavelengthMm(f, c.er);
        SheetShielding.Result wall = c.sheet(f, g.wallThicknessUm());
        List<RuleCheck> rules = new ArrayList<>();
        Double apertureSe = null;
        if (g.hasOpenings()) {
            double l = g.openingMaxDimensionMm();
            rules.add(new RuleCheck(RULE_CLAIM_WAVELENGTH, l < lambda ? Status.PASS : Status.FAIL, lambda, l, Bound.MAX));
            rules.add(new RuleCheck(RULE_HALF_WAVELENGTH, l < lambda / 2 ? Status.PASS : Status.FAIL, lambda / 2, l,
                    Bound.MAX));
            double ruleLimit = lambda / c.ruleDivisor;
            Status ruleStatus = l < ruleLimit ? Status.PASS : (k == 1 ? Status.FAIL : Status.WARN);
            rules.add(new RuleCheck(c.configuredRule, ruleStatus, ruleLimit, l, Bound.MAX));
            apertureSe = c.aperture(f, l).seDb();
            rules.add(new RuleCheck(RULE_APERTURE_SHIELDING, apertureSe >= c.minSe ? Status.PASS : Status.FAIL,
                    largestOpeningForTarget(c, f), l, Bound.MAX));
        }
        rules.add(new RuleCheck(RULE_WALL_SHIELDING, wall.totalDb() >= c.minSe ? Status.PASS : Status.FAIL,
                smallestThicknessUm(c, f) / 1000.0, g.wallThicknessUm() / 1000.0, Bound.MIN));
        Status status = Status.PASS;
        for (RuleCheck r : rules) {
            status = status.worst(r.status());
        }
        double total = apertureSe == null ? wall.totalDb() : Math.min(wall.totalDb(), apertureSe);
        return new FrequencyCheck(f, k, lambda, wall.skinDepthUm(), c.mur(f), wall.totalDb(), apertureSe,
                c.enclosure(f), total, status, List.copyOf(rules));
    }

    /** Largest opening (mm) whose aperture SE, depth bonus included, reaches the target at f (bisection). */
    static double largestOpeningForTarget(Context c, double f) {
        double lambda = PhysicalConstants.wavelengthMm(f, c.er);
        double hi = lambda / 2.0;
        if (c.minSe <= 0) {
            return hi;
        }
        double lo = 0.0;
        for (int i = 0; i < 200 && hi - lo > hi * 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (c.aperture(f, mid).seDb() >= c.minSe) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Smallest wall thickness (µm) whose solid-wall SE reaches the target at f (bisection; SE grows with t). */
    static double smallestThicknessUm(Context c, double f) {
        double lo = 1e-6;
        double hi = 1e6;
        if (c.sheet(f, lo).totalDb() >= c.minSe) {
            return lo;
        }
        for (int i = 0; i < 200 && hi - lo > lo * 1e-12; i++) {
            double mid = Math.sqrt(lo * hi);
            if (c.sheet(f, mid).totalDb() >= c.minSe) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private List<Finding> ruleFindings(Context c, List<FrequencyCheck> checks) {
        // For every rule that is not PASS somewhere: one finding at its tightest frequency.
        Map<String, RuleCheck> worst = new LinkedHashMap<>();
        Map<String, FrequencyCheck> where = new LinkedHashMap<>();
        for (FrequencyCheck fc : checks) {
            for (RuleCheck r : fc.rules()) {
                if (r.status() == Status.PASS) {
                    continue;
                }
                RuleCheck prev = worst.get(r.rule());
                boolean tighter = prev == null || r.status().ordinal() > prev.status().ordinal()
                        || (r.status() == prev.status()
                        && (r.bound() == Bound.MAX ? r.limitMm() < prev.limitMm() : r.limitMm() > prev.limitMm()));
                if (tighter) {
                    worst.put(r.rule(), r);
                    where.put(r.rule(), fc);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        if (worst.isEmpty()) {
            return out;
        }
        double openingFix = openingFix(c, checks);
        double thicknessFix = thicknessFix(c, checks);
        for (Map.Entry<String, RuleCheck> e : worst.entrySet()) {
            RuleCheck r = e.getValue();
            FrequencyCheck fc = where.get(e.getKey());
            String at = " at " + Quantities.hz(fc.frequencyHz()) + " (harmonic " + fc.harmonic() + ", λ = " + Quantities.mm(fc.wavelengthMm())
                    + " in the encapsulant)";
            if (r.rule().equals(RULE_WALL_SHIELDING)) {
                out.add(new Finding(r.rule(), r.status().name(),
                        "The " + Quantities.num(r.actualMm() * 1000) + " µm " + c.material.name().toLowerCase(Locale.ROOT)
                                + " wall gives " + Quantities.db(fc.solidWallSeDb()) + ", below the required "
                                + Quantities.db(c.minSe) + at + ".",
                        "Plate at least " + Quantities.num(thicknessFix) + " µm (shield.thicknessUm); that reaches "
                                + Quantities.db(c.minSe) + " at every checked frequency.",
                        "shield.thicknessUm", thicknessFix, fc.frequencyHz()));
                continue;
            }
            String field = openingField(c.design);
            String what = switch (r.rule()) {
                case RULE_CLAIM_WAVELENGTH -> "is not smaller than the wavelength " + Quantities.mm(r.limitMm())
                        + " (claims 14 and 23 require every opening to be smaller than the wavelength)";
                case RULE_HALF_WAVELENGTH -> "is not smaller than half a wavelength, " + Quantities.mm(r.limitMm())
                        + ": the opening resonates and no longer shields";
                case RULE_APERTURE_SHIELDING -> "lets the openings on one wall give only "
                        + Quantities.db(fc.apertureSeDb() == null ? 0 : fc.apertureSeDb()) + " against the required " + Quantities.db(c.minSe)
                        + " (largest passing opening here " + Quantities.mm(r.limitMm()) + ")";
                default -> "exceeds the design rule " + c.design.requirements().apertureRule().name() + " limit "
                        + Quantities.mm(r.limitMm());
            };
            String fix = openingFix > 0
                    ? "Make the largest opening dimension at most " + Quantities.num(openingFix) + " mm (" + field
                    + (bothDimensionsTooLarge(c.design, openingFix) ? " and the other opening dimension" : "")
                    + "); that passes every aperture rule at every checked frequency."
                    : "No opening size passes at every checked frequency; close the walls (shield.openings.style NONE)"
                    + " or lower requirements.minShieldingDb.";
            out.add(new Finding(r.rule(), r.status().name(),
                    "The largest opening, " + Quantities.mm(r.actualMm()) + ", " + what + at + ".",
                    fix, field, openingFix > 0 ? openingFix : null, fc.frequencyHz()));
        }
        return out;
    }

    /** The largest opening (mm, rounded down to 1 µm) that passes every FAIL-level aperture rule everywhere. */
    private double openingFix(Context c, List<FrequencyCheck> checks) {
        double limit = Double.MAX_VALUE;
        for (FrequencyCheck fc : checks) {
            limit = Math.min(limit, fc.wavelengthMm() / 2.0);
            limit = Math.min(limit, largestOpeningForTarget(c, fc.frequencyHz()));
            if (fc.harmonic() == 1) {
                limit = Math.min(limit, fc.wavelengthMm() / c.ruleDivisor);
            }
        }
        double value = Math.floor(limit * 1000.0 * (1 - 1e-9)) / 1000.0;
        while (value > 0 && !openingPasses(c, checks, value)) {
            value = Math.round(value * 1000.0 - 1.0) / 1000.0;
        }
        return Math.max(value, 0.0);
    }

    private boolean openingPasses(Context c, List<FrequencyCheck> checks, double l) {
        for (FrequencyCheck fc : checks) {
            if (l >= fc.wavelengthMm() / 2.0 || c.aperture(fc.frequencyHz(), l).seDb() < c.minSe
                    || (fc.harmonic() == 1 && l >= fc.wavelengthMm() / c.ruleDivisor)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest thickness (µm, rounded up to 0.1 µm) whose wall SE passes everywhere. */
    private double thicknessFix(Context c, List<FrequencyCheck> checks) {
        double t = 0;
        for (FrequencyCheck fc : checks) {
            t = Math.max(t, smallestThicknessUm(c, fc.frequencyHz()));
        }
        double value = Math.ceil(t * 10.0 * (1 + 1e-12)) / 10.0;
        return Math.max(value, 0.1);
    }

    private static boolean bothDimensionsTooLarge(Design design, double fix) {
        OpeningsSpec o = design.shield().openings();
        return o != null && Math.min(o.lengthMm(), o.heightMm()) > fix;
    }

    private static String openingField(Design design) {
        OpeningsSpec o = design.shield().openings();
        return o != null && o.heightMm() > o.lengthMm() ? "shield.openings.heightMm" : "shield.openings.lengthMm";
    }

    /** The checked harmonic within the margin of a mode, nearest first; checks are k·f0 for k = 1 … K. */
    private Integer nearHarmonic(double modeHz, List<FrequencyCheck> checks) {
        double f0 = checks.get(0).frequencyHz();
        int k0 = (int) Math.floor(modeHz / f0);
        Integer best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int k = Math.max(1, k0); k <= Math.min(checks.size(), k0 + 1); k++) {
            double distance = Math.abs(checks.get(k - 1).frequencyHz() - modeHz);
            if (distance <= settings.resonanceMargin() * modeHz && distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return best;
    }

    private List<Finding> resonanceFindings(Design design, ShieldGeometry g, double er, List<Resonance> resonances,
                                            List<FrequencyCheck> checks) {
        List<Resonance> flagged = resonances.stream().filter(Resonance::flagged).toList();
        if (flagged.isEmpty()) {
            return List.of();
        }
        Double clearance = clearanceFix(design, g, er, checks);
        String fix = clearance != null
                ? "Reduce shield.wallClearanceMm to " + Quantities.num(clearance) + " mm: the smaller depression moves every mode out of the "
                + Quantities.pct(settings.resonanceMargin()) + " margin of every checked frequency."
                : "No smaller wall clearance clears the " + Quantities.pct(settings.resonanceMargin()) + " margin (the cavity has many"
                + " modes in this band); change mandrel.recessDepthMm or the package size, or use a lossy encapsulant"
                + " to damp the resonance.";
        Map<Integer, List<Resonance>> byHarmonic = new java.util.TreeMap<>();
        for (Resonance r : flagged) {
            byHarmonic.computeIfAbsent(r.nearHarmonic(), h -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Resonance>> e : byHarmonic.entrySet()) {
            double f = checks.get(e.getKey() - 1).frequencyHz();
            String modes = String.join(", ", e.getValue().stream()
                    .map(r -> r.mode() + " (" + Quantities.hz(r.frequencyHz()) + ")").toList());
            boolean warn = resonanceWarns(design, e.getKey());
            out.add(new Finding(RULE_CAVITY_RESONANCE, warn ? "WARN" : "INFO",
                    "The depression (" + Quantities.mm(g.cavityLengthMm()) + " × " + Quantities.mm(g.cavityWidthMm()) + " × "
                            + Quantities.mm(g.cavityDepthMm()) + ", εr " + Quantities.num(er) + ") resonates within "
                            + Quantities.pct(settings.resonanceMargin()) + " of harmonic " + e.getKey() + " (" + Quantities.hz(f) + "): "
                            + modes + ". Fields inside can build up there."
                            + (warn ? "" : " Reported for review, not as a warning: this is a harmonic of an RF carrier"
                            + " (the design gives no package.riseTimeS), whose level is normally far below the"
                            + " fundamental's; give package.riseTimeS to treat harmonics as digital edge content."),
                    fix, clearance != null ? "shield.wallClearanceMm" : null, clearance, f));
        }
        return out;
    }

    /**
     * Whether a resonance near harmonic k is a warning. At the fundamental always: the design's full power
     * excites the mode. At harmonics only when the design gives a rise time: a digital edge's harmonics fall
     * only as 1/k (−20 dB/decade) up to the knee 0.5/t_r (C. R. Paul, Introduction to Electromagnetic
     * Compatibility, 2nd ed., Wiley 2006, ch. 3, spectral bounds of trapezoidal pulse trains), while an RF
     * carrier's harmonics are suppressed by the amplifier's output match and filter, and spurious-emission limits
     * (e.g. 3GPP TS 38.101-2 §6.5.3 for FR2 user equipment) keep them far below the carrier. So a mode near an RF
     * harmonic is listed (INFO, flagged on the chart) for the engineer to review rather than turning the verdict
     * to WARN. docs/shielding.md states the policy.
     */
    private static boolean resonanceWarns(Design design, int harmonic) {
        return harmonic == 1 || design.packageSpec().riseTimeS() != null;
    }

    /** The largest wall clearance below the current one (0.01 mm steps) at which no mode is flagged, or null. */
    private Double clearanceFix(Design design, ShieldGeometry g, double er, List<FrequencyCheck> checks) {
        double current = design.shield().wallClearanceMm();
        double top = checks.get(checks.size() - 1).frequencyHz() / (1 - settings.resonanceMargin());
        // 0.01 mm steps, coarser for large clearances so that at most MAX_CLEARANCE_STEPS are tried.
        double step = Math.max(CLEARANCE_STEP_MM, Math.ceil(current / MAX_CLEARANCE_STEPS / CLEARANCE_STEP_MM) * CLEARANCE_STEP_MM);
        int steps = (int) Math.floor(current / step + 1e-9);
        for (int i = 1; i <= steps; i++) {
            double clearance = Math.round((current - i * step) * 1000.0) / 1000.0;
            double shrink = 2 * (current - clearance);
            if (!CavityModes.enumerable(g.cavityLengthMm() - shrink, g.cavityWidthMm() - shrink, g.cavityDepthMm(), er, top)) {
                return null;
            }
            List<CavityModes.Mode> modes = CavityModes.modes(g.cavityLengthMm() - shrink, g.cavityWidthMm() - shrink,
                    g.cavityDepthMm(), er, top, MAX_CLEARANCE_MODES);
            if (modes.size() >= MAX_CLEARANCE_MODES) {
                return null;
            }
            boolean anyFlagged = modes.stream().anyMatch(m -> nearHarmonic(m.frequencyHz(), checks) != null);
            if (!anyFlagged) {
                return clearance;
            }
        }
        return null;
    }

    private List<SweepPoint> sweep(Context c, double start, double stop) {
        int n = settings.sweepPoints();
        List<SweepPoint> points = new ArrayList<>(n);
        double ratio = Math.log(stop / start);
        for (int i = 0; i < n; i++) {
            double f = start * Math.exp(ratio * i / (n - 1));
            Double aperture = c.g.hasOpenings() ? c.aperture(f, c.g.openingMaxDimensionMm()).seDb() : null;
            points.add(new SweepPoint(f, c.enclosure(f), aperture, c.sheet(f, c.g.wallThicknessUm()).totalDb()));
        }
        return List.copyOf(points);
    }
}

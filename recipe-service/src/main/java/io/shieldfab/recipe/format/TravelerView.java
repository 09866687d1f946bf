package io.shieldfab.recipe.format;

import io.shieldfab.recipe.process.FillReport;
import io.shieldfab.recipe.process.Parameter;
import io.shieldfab.recipe.process.RecipeSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The traveler as the template sees it: every figure already formatted for the floor (units, limits, a
 * running step number), so the template holds no logic. Built from a {@link RecipeDocument}.
 *
 * @param title       e.g. {@code wifi-fem-4x6 rev A — recipe v1}
 * @param id          recipe id
 * @param version     recipe version
 * @param status      lifecycle status
 * @param contentHash SHA-256 of the procedure
 * @param designName  design name
 * @param revision    design revision
 * @param layoutId    layout id
 * @param created     who and when compiled
 * @param approved    who and when approved, or "—"
 * @param released    who and when released, or "—"
 * @param summary     headline figures as label/value rows
 * @param units       unit procedures
 * @param warnings    advisories
 */
public record TravelerView(String title, String id, int version, String status, String contentHash,
                           String designName, String revision, String layoutId, String created, String approved,
                           String released, List<Row> summary, List<Unit> units, List<String> warnings) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A label and a formatted value. */
    public record Row(String label, String value) {
    }

    /** A unit procedure. */
    public record Unit(int seq, String name, String claims, String purpose, List<Op> operations) {
    }

    /** An operation. */
    public record Op(String name, List<Step> steps) {
    }

    /** A phase, numbered across the whole traveler (e.g. {@code 2.3}). */
    public record Step(String number, String name, String instruction, List<Setting> settings) {
    }

    /** A parameter: name, value with unit, allowed range. */
    public record Setting(String name, String value, String range) {
    }

    public static TravelerView of(RecipeDocument doc) {
        List<Unit> units = new ArrayList<>();
        int u = 0;
        for (var unit : doc.procedure().unitProcedures()) {
            u++;
            int p = 0;
            List<Op> ops = new ArrayList<>();
            for (var op : unit.operations()) {
                List<Step> steps = new ArrayList<>();
                for (var phase : op.phases()) {
                    p++;
                    steps.add(new Step(u + "." + p, phase.name(), phase.instruction(),
                            phase.parameters().stream().map(TravelerView::setting).toList()));
                }
                ops.add(new Op(op.name(), steps));
            }
            units.add(new Unit(u, unit.name(), unit.claims(), unit.purpose(), ops));
        }
        RecipeSummary s = doc.procedure().summary();
        List<Row> summary = new ArrayList<>(List.of(
                new Row("Sites", Integer.toString(s.siteCount())),
                new Row("Deposit", s.depositMetal()),
                new Row("Plating current", number(s.platingCurrentA()) + " A"),
                new Row("Plating time", number(s.platingDurationS()) + " s (" + hms(s.platingDurationS()) + ")"),
                new Row("Charge", number(s.platingAmpereHours()) + " A·h"),
                new Row("Deposit mass", number(s.depositMassG()) + " g"),
                new Row("Encapsulant to dispense", number(s.encapsulantVolumeMm3()) + " mm³ (net "
                        + number(s.encapsulantNetVolumeMm3()) + " mm³)"),
                new Row("Total cut length", number(s.totalCutLengthMm()) + " mm"),
                new Row("Singulation time", number(s.singulationDurationS()) + " s")));
        FillReport fill = doc.procedure().fill();
        if (fill != null) {
            // the fill summary (docs/recipe.md §4): a FAIL names its rules, so the traveler never hides it
            summary.add(new Row("Encapsulant fill", fill.status() + " (" + fill.method() + ", "
                    + fill.longestChainSites() + " site(s) per gate in " + number(fill.fillTimeS()) + " s of "
                    + number(fill.allowedTimeS()) + " s allowed; smallest opening at least "
                    + number(fill.minOpeningMm()) + " mm)"));
            fill.errors().forEach(f -> summary.add(new Row("Fill " + f.rule(), f.message())));
        }
        String title = doc.procedure().designName() + " rev " + doc.procedure().designRevision()
                + " - recipe v" + doc.version();
        return new TravelerView(title, doc.id(), doc.version(), doc.status(), doc.contentHash(),
                doc.procedure().designName(), doc.procedure().designRevision(),
                doc.layoutId() == null ? "-" : doc.layoutId(),
                who(doc.createdBy(), doc.createdAt()), who(doc.approvedBy(), doc.approvedAt()),
                who(doc.releasedBy(), doc.releasedAt()), summary, units, doc.procedure().warnings());
    }

    private static Setting setting(Parameter p) {
        String unit = p.unit() == null || p.unit().isEmpty() || "1".equals(p.unit()) ? "" : " " + p.unit();
        String value = p.type() == Parameter.Type.TEXT ? String.valueOf(p.value()) : number(p.numeric()) + unit;
        String range = p.min() == null && p.max() == null ? ""
                : number(p.min()) + " to " + number(p.max()) + unit;
        return new Setting(p.name(), value, range);
    }

    /** Up to four decimals, trailing zeros dropped: 3774.16, 0.5, 245. */
    static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String hms(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

    private static String who(String user, Instant when) {
        return user == null || when == null ? "-" : user + ", " + WHEN.format(when);
    }
}

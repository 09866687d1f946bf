package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.Design;
import io.shieldfab.design.Requirements;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.shielding.physics.ApertureShape;
import io.shieldfab.shielding.physics.ApertureShielding;
import io.shieldfab.shielding.evaluation.ShieldingReport.FieldRegion;
import io.shieldfab.shielding.evaluation.ShieldingReport.SolidWall;
import io.shieldfab.shielding.evaluation.ShieldingReport.SourceFace;
import io.shieldfab.shielding.evaluation.ShieldingReport.SourceType;
import io.shieldfab.shielding.physics.EnclosureShielding;
import io.shieldfab.shielding.physics.FieldType;
import io.shieldfab.shielding.physics.Material;
import io.shieldfab.shielding.physics.SheetShielding;

/**
 * Everything of one evaluation that is the same at every frequency: the design's material, encapsulant and
 * requirements, the layout's geometry, and the physics models applied to them (docs/shielding.md, "Per frequency").
 */
final class ShieldModel {

    /**
     * The source distance of a package that touches a face (no gap above it), mm: the layout's 1 nm grid, at which
     * the magnetic near-field reflection is at its 0 dB floor at every frequency the design allows (≤ 300 GHz:
     * 14.6 + 10·log10(3e11 · 1e-18) &lt; 0), so such a wall is credited with A + B only (docs/shielding.md).
     */
    static final double CONTACT_DISTANCE_MM = 1e-6;

    final Design design;
    final ShieldGeometry g;
    final Material material;
    /** εr of the encapsulant: the medium of the openings and the seam. */
    final double er;
    /** The depression loaded with the package: its effective εr sets the cavity's modes (docs/shielding.md). */
    final ShieldingReport.LoadedCavity cavity;
    final double minSe;
    final int ruleDivisor;
    final ShieldingRule configuredRule;
    /** Why the enclosure model does not apply to these openings, or null when it does (or there are none). */
    final String enclosureReason;
    /** The face nearest the package and its distance, the worst face for the wall SE (docs/shielding.md). */
    final SourceFace sourceFace;
    final double sourceDistanceMm;
    /** Whether the openings are open at one end (pillar gaps: notches, docs/shielding.md "Pillar gaps"). */
    final boolean openEnded;
    private final Double permeabilityOverride;
    private final boolean enclosureApplies;

    ShieldModel(Design design, ShieldGeometry g) {
        this.design = design;
        this.g = g;
        this.material = Material.valueOf(design.shield().material().name());
        this.permeabilityOverride = design.shield().relativePermeability();
        this.er = design.encapsulation().relativePermittivity();
        this.cavity = loadedCavity(design, g, er);
        this.minSe = design.requirements().minShieldingDb();
        this.ruleDivisor = design.requirements().apertureRule().divisor;
        this.configuredRule = ShieldingRule.aperture(design.requirements().apertureRule());
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
        // The layout's cavity is the package plus the wall clearance on each side, and recess depth deep
        // (docs/layout.md); the package's own size is the design's.
        double sideMm = Math.min(g.cavityLengthMm() - design.packageSpec().bodyLengthMm(),
                g.cavityWidthMm() - design.packageSpec().bodyWidthMm()) / 2.0;
        double topMm = g.cavityDepthMm() - design.packageSpec().heightMm();
        this.sourceFace = topMm < sideMm ? SourceFace.TOP_WALL : SourceFace.SIDE_WALLS;
        this.sourceDistanceMm = Math.max(CONTACT_DISTANCE_MM, Math.min(sideMm, topMm));
        // The layout's route says whether the openings are pillar gaps; a layout that does not say falls back on
        // the design's opening style, which the layout draws.
        this.openEnded = g.openEnded() != null ? g.openEnded()
                : design.shield().openings() != null
                && design.shield().openings().style() == OpeningStyle.PILLARS;
    }

    /** The shape the openings leak as: a notch when open-ended, else a closed slot. */
    ApertureShape openingShape() {
        return openEnded ? ApertureShape.NOTCH : ApertureShape.RECTANGULAR;
    }

    /** The opening length at which the openings resonate, λ/2 or λ/4 for notches, mm. */
    double resonantLengthMm(double wavelengthMm) {
        return wavelengthMm / ApertureShielding.resonanceDivisor(openingShape());
    }

    /** εr the cavity's modes see: the package and the encapsulant around it, mixed by volume. */
    double cavityEr() {
        return cavity.effectivePermittivity();
    }

    /**
     * The fraction of a mode's frequency within which a checked frequency flags it: the configured margin, or the
     * mode's half-power half-bandwidth 1/(2Q) when the encapsulant's loss makes it wider.
     */
    double resonanceMargin(double configured) {
        return Math.max(configured, cavity.halfBandwidth());
    }

    /**
     * The loaded cavity (docs/shielding.md, "Loaded cavity"): the package body inside the depression,
     * L·W·min(H, d), is the fraction φ of the cavity a·b·d; the effective permittivity is the volume mean
     * εeff = φ·εp + (1 − φ)·εe (the parallel, upper Wiener bound of a two-phase mixture; Sihvola 1999, §2.3), and
     * the dielectric Q is 1/Q = (1 − φ)·εe·tan δe / εeff, the encapsulant's share of the stored electric energy
     * times its loss tangent (Pozar 4th ed. §6.7, eq. 6.46 for a filled cavity; the package's own loss and the
     * walls' are left out, so Q is an upper bound). No loss (tan δ 0) gives no Q (null).
     */
    static ShieldingReport.LoadedCavity loadedCavity(Design design, ShieldGeometry g, double er) {
        return loadedCavity(design, g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), er);
    }

    /** The loaded cavity of an a × b × d depression (the clearance fix tries smaller ones). */
    static ShieldingReport.LoadedCavity loadedCavity(Design design, double aMm, double bMm, double dMm, double er) {
        var p = design.packageSpec();
        double inside = p.bodyLengthMm() * p.bodyWidthMm() * Math.min(p.heightMm(), dMm);
        double phi = Math.min(1.0, inside / (aMm * bMm * dMm));
        double ep = p.relativePermittivity();
        double eff = phi * ep + (1 - phi) * er;
        double tanD = design.encapsulation().lossTangent();
        Double q = tanD > 0 && phi < 1 ? eff / ((1 - phi) * er * tanD) : null;
        return new ShieldingReport.LoadedCavity(ep, phi, er, eff, tanD, q);
    }

    double mur(double f) {
        return permeabilityOverride != null ? permeabilityOverride : material.relativePermeabilityAt(f);
    }

    /** Solid-wall SE at f of a wall thicknessUm thick; the fix search uses it too, so a fix passes the same model. */
    SheetShielding.Result sheet(double f, double thicknessUm) {
        return wall(f, thicknessUm).result();
    }

    /**
     * The solid wall's SE with the reflection of the source at {@link #sourceDistanceMm}: inside λ/2π the near-field
     * form of the source the design names ({@code requirements.nearFieldSource}), or the worse (lower SE) of the
     * magnetic and electric forms when it names none; beyond it the plane wave (Ott 2009, Ch. 6; docs/shielding.md,
     * "Solid wall: source distance").
     */
    Wall wall(double f, double thicknessUm) {
        double boundaryMm = SheetShielding.nearFarBoundaryMm(f);
        double sigma = material.conductivitySPerM;
        double mur = mur(f);
        if (sourceDistanceMm >= boundaryMm) {
            SheetShielding.Result far = SheetShielding.calculate(
                    SheetShielding.Input.planeWave(sigma, mur, thicknessUm, f));
            return new Wall(far, FieldRegion.FAR, SourceType.PLANE_WAVE, boundaryMm);
        }
        SheetShielding.Result magnetic = SheetShielding.calculate(
                new SheetShielding.Input(sigma, mur, thicknessUm, f, FieldType.MAGNETIC_NEAR, sourceDistanceMm));
        SheetShielding.Result electric = SheetShielding.calculate(
                new SheetShielding.Input(sigma, mur, thicknessUm, f, FieldType.ELECTRIC_NEAR, sourceDistanceMm));
        Requirements.NearFieldSource named = design.requirements().nearFieldSource();
        boolean magneticWall = named == null ? magnetic.totalDb() <= electric.totalDb()
                : named == Requirements.NearFieldSource.MAGNETIC;
        return magneticWall
                ? new Wall(magnetic, FieldRegion.NEAR, SourceType.MAGNETIC, boundaryMm)
                : new Wall(electric, FieldRegion.NEAR, SourceType.ELECTRIC, boundaryMm);
    }

    /** One solid-wall result and how it was reached. */
    record Wall(SheetShielding.Result result, FieldRegion region, SourceType sourceType, double boundaryMm) {
    }

    /** The report's account of a wall result at this model's source distance. */
    SolidWall solidWall(Wall w) {
        SheetShielding.Result r = w.result();
        return new SolidWall(w.region(), w.sourceType(), sourceFace, sourceDistanceMm, w.boundaryMm(),
                r.absorptionDb(), r.reflectionDb(), r.multipleReflectionDb());
    }

    /**
     * SE of the seam at f: the longest unbonded stretch of the rim as a slot at the board interface in the
     * encapsulant, the gaps of one can as openings on one face, no depth credit (the flange under it is far
     * shallower than the gap is long); null when the layout gives no seam or the rim is bonded all round
     * (docs/shielding.md, "Seams").
     */
    Double seam(double f) {
        ShieldGeometry.Seam seam = g.seam();
        if (seam == null || seam.closed()) {
            return null;
        }
        return seamSe(seam.longestGapMm(), seam.gapCount(), f);
    }

    /** SE of a seam of {@code count} gaps, the longest {@code gapMm}, at f (the seam fix tries other pad counts). */
    double seamSe(double gapMm, int count, double f) {
        return ApertureShielding.calculate(new ApertureShielding.Input(gapMm, count, f, 0.0, er,
                ApertureShape.RECTANGULAR)).seDb();
    }

    /** Aperture SE of the openings on one wall, the plated wall thickness as their depth (docs/shielding.md). */
    ApertureShielding.Result aperture(double f, double lengthMm) {
        return ApertureShielding.calculate(new ApertureShielding.Input(lengthMm, Math.max(1, g.openingsPerWall()), f,
                g.wallThicknessUm() / 1000.0, er, openingShape()));
    }

    Double enclosure(double f) {
        return enclosureApplies ? EnclosureShielding.calculate(enclosureInput(g, f, er)).seElectricDb() : null;
    }

    /** The depression as Robinson's box: the aperture wall along the cavity length, probe at the centre. */
    static EnclosureShielding.Input enclosureInput(ShieldGeometry g, double f, double er) {
        return new EnclosureShielding.Input(g.cavityLengthMm(), g.cavityDepthMm(), g.cavityWidthMm(),
                g.openingLengthMm(), g.openingHeightMm(), g.wallThicknessUm() / 1000.0, g.openingsPerWall(),
                g.cavityWidthMm() / 2.0, f, er);
    }
}

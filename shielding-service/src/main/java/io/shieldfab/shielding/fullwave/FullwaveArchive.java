package io.shieldfab.shielding.fullwave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The downloadable full-wave model of an evaluation: {@code can.xml} and {@code reference.xml} (openEMS inputs) and a
 * {@code README.md} that says what is modelled, how to run both and how to read the shielding effectiveness from
 * their probes. The zip is reproducible: fixed entry times and order.
 */
public final class FullwaveArchive {

    /** The time every entry carries (the zip format's earliest date), so the same model gives the same bytes. */
    private static final long ENTRY_TIME = 315_532_800_000L;

    private FullwaveArchive() {
    }

    /** An analytic figure to set beside the full-wave one: a checked frequency and its total SE. */
    public record AnalyticPoint(int harmonic, double frequencyHz, double totalSeDb) {
    }

    public static byte[] zip(FullwaveModel m, String designName, String evaluationId, List<AnalyticPoint> analytic) {
        String header = "ShieldFab full-wave model of one site of " + designName + ", shielding evaluation " + evaluationId;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "README.md", readme(m, designName, evaluationId, analytic));
            entry(zip, "can.xml", OpenEmsXml.write(m, true, header + ": with the can"));
            entry(zip, "reference.xml", OpenEmsXml.write(m, false, header + ": the reference, without the can"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String readme(FullwaveModel m, String designName, String evaluationId, List<AnalyticPoint> analytic) {
        StringBuilder s = new StringBuilder();
        s.append("# Full-wave model: ").append(designName).append(" (evaluation ").append(evaluationId).append(")\n\n");
        s.append("Two openEMS (FDTD) inputs of one site, written by ShieldFab's shielding-service from the evaluation's\n")
                .append("geometry (docs/shielding.md, \"Full-wave model\", in the ShieldFab repository):\n\n")
                .append("- `can.xml`: the can over the board's ground plane, its openings, the fill, a dipole at the die;\n")
                .append("- `reference.xml`: the same without the can.\n\n");
        s.append("## Run\n\n```\nmkdir can reference\n(cd can && openEMS ../can.xml)\n(cd reference && openEMS ../reference.xml)\n```\n\n")
                .append("Each run writes one file per probe (`E_xmax`, `E_xmin`, `E_ymax`, `E_ymin`, `E_top`): the time in s and\n")
                .append("Ex, Ey, Ez in V/m, one sample per line after `%` comment lines.\n\n");
        s.append("## Shielding effectiveness\n\n")
                .append("At a frequency f, take the discrete Fourier transform of each component of a probe, the magnitude\n")
                .append("|E(f)| = sqrt(|Ex(f)|² + |Ey(f)|² + |Ez(f)|²), and SE(f) = 20·log10(|E_reference(f)| / |E_can(f)|) dB.\n")
                .append("The shield is as good as its weakest side: take the smallest SE over the five probes.\n\n");
        modelled(s, m);
        mesh(s, m);
        s.append("## The analytic verdict, to compare with\n\n| harmonic | frequency (GHz) | total SE, analytic (dB) |\n| --- | --- | --- |\n");
        for (AnalyticPoint p : analytic) {
            s.append(String.format(Locale.ROOT, "| %d | %s | %s |\n", p.harmonic(), OpenEmsXml.n(p.frequencyHz() / 1e9),
                    OpenEmsXml.n(Math.round(p.totalSeDb() * 10) / 10.0)));
        }
        return s.toString();
    }

    private static void modelled(StringBuilder s, FullwaveModel m) {
        s.append("## What is modelled\n\n");
        s.append(String.format(Locale.ROOT, "- Cavity (inside the walls) %s × %s × %s mm (x × y × z); the rim stands on the ground plane\n"
                + "  (z = 0, the grid's lower boundary, a perfect conductor), the roof at z = %s mm. Units: mm.\n",
                OpenEmsXml.n(m.cavityLengthMm()), OpenEmsXml.n(m.cavityWidthMm()), OpenEmsXml.n(m.cavityDepthMm()),
                OpenEmsXml.n(m.cavityDepthMm())));
        FullwaveModel.Walls w = m.walls();
        s.append(w.perfect()
                ? String.format(Locale.ROOT, "- Walls and roof: perfect conductors (zero-thickness sheets). The plated wall is %s µm, %s skin\n"
                        + "  depths at the lowest checked frequency: its own attenuation is far above what the openings leak.\n",
                        OpenEmsXml.n(w.thicknessUm()), OpenEmsXml.n(Math.round(w.thicknessUm() / w.skinDepthUm() * 10) / 10.0))
                : String.format(Locale.ROOT, "- Walls and roof: openEMS conducting sheets, σ = %s S/m, %s µm thick (fewer than %s skin depths\n"
                        + "  at the lowest checked frequency). A magnetic deposit's permeability is not modelled (μr = 1).\n",
                        OpenEmsXml.n(w.conductivitySPerM()), OpenEmsXml.n(w.thicknessUm()), OpenEmsXml.n(FullwaveModel.PEC_SKIN_DEPTHS)));
        long perWall = m.openings().stream().filter(o -> o.wall() == FullwaveModel.Wall.X_MIN).count();
        if (m.openings().isEmpty()) {
            s.append("- Openings: none (closed walls).\n");
        } else {
            FullwaveModel.Opening o = m.openings().get(0);
            s.append(String.format(Locale.ROOT, "- Openings: %d per side wall, %s mm along the wall × %s mm up from the rim, evenly spaced\n"
                    + "  (centres at (i + ½)/n of the wall), as the troughs and pillar gaps the layout draws connect\n"
                    + "  neighbouring depressions at the rim.\n", perWall, OpenEmsXml.n(o.lengthMm()), OpenEmsXml.n(o.heightMm())));
        }
        s.append(String.format(Locale.ROOT, "- Fill: the cavity with εr = %s, the loaded cavity's effective permittivity (package and\n"
                + "  encapsulant by volume), and κ = %s S/m, the encapsulant's tan δ at %s GHz (the lowest cavity mode;\n"
                + "  the package lossless). Outside the can: air.\n", OpenEmsXml.n(m.fillPermittivity()),
                OpenEmsXml.n(m.fillConductivitySPerM()), OpenEmsXml.n(m.lossReferenceHz() / 1e9)));
        FullwaveModel.Pulse pulse = m.pulse();
        s.append(String.format(Locale.ROOT, "- Source: a z-directed %s at the centre, from z = %s to %s mm;\n"
                + "  a Gaussian-modulated sine centred on %s GHz, −20 dB at %s and %s GHz, without any DC (odd in time)%s.\n",
                m.source() == FullwaveModel.Source.MAGNETIC_DIPOLE
                        ? "magnetic dipole (soft H-field excitation on the four cells round the axis; the design names a\n"
                        + "  magnetic near-field source)"
                        : "electric dipole (soft E-field excitation)",
                OpenEmsXml.n(m.sourceZ1Mm()), OpenEmsXml.n(m.sourceZ2Mm()), OpenEmsXml.n(pulse.centreHz() / 1e9),
                OpenEmsXml.n(round4((pulse.centreHz() - pulse.halfWidthHz()) / 1e9)),
                OpenEmsXml.n(round4((pulse.centreHz() + pulse.halfWidthHz()) / 1e9)),
                pulse.kind() == FullwaveModel.PulseKind.OPERATING_FREQUENCY ? String.format(Locale.ROOT,
                        ":\n  the pulse centred on the operating frequency, whose figure alone it gives; a verification runs\n"
                        + "  it for %s ns (16 σ, σ = %s ns)", OpenEmsXml.n(round4(pulse.runS() * 1e9)),
                        OpenEmsXml.n(round4(pulse.widthS() * 1e9))) : ""));
        s.append(String.format(Locale.ROOT, "- Probes: %s mm outside each side wall at half height and above the roof.\n",
                OpenEmsXml.n(FullwaveModel.PROBE_DISTANCE_MM)));
        s.append(String.format(Locale.ROOT, "- Boundaries: Mur absorbing on the other five faces, %s mm of air from the can.\n",
                OpenEmsXml.n(m.marginMm())));
        seam(s, m.seam());
        s.append("- Not modelled: the package's own metal, the neighbouring sites.\n\n");
    }

    private static void seam(StringBuilder s, FullwaveModel.Seam seam) {
        if (seam.notModelled() != null) {
            s.append("- Seam: NOT MODELLED: ").append(seam.notModelled()).append(". The rim is drawn bonded all round;\n")
                    .append("  the evaluation's seam rule rates the gaps the layout reports.\n");
        } else if (!seam.open()) {
            s.append("- Seam: none; the rim is bonded to the board all round.\n");
        } else {
            double longest = seam.gaps().stream().mapToDouble(FullwaveModel.Opening::lengthMm).max().orElse(0);
            s.append(String.format(Locale.ROOT, "- Seam: %d bonding pads of %s mm hold the rim; between them it stands %s mm above the\n"
                    + "  board (the bonding material's thickness): %d gaps in the side walls from the board up, the\n"
                    + "  longest %s mm (a gap round a corner is two, one on each wall, meeting there)%s. A pad\n"
                    + "  bonds the stretch of rim it lies beside; the flange over a gap is not drawn (no depth credit,\n"
                    + "  as the seam rule).\n",
                    seam.padCount(), OpenEmsXml.n(seam.padSizeMm()), OpenEmsXml.n(seam.gapHeightMm()),
                    seam.gaps().size(), OpenEmsXml.n(Math.round(longest * 1e4) / 1e4),
                    seam.drawnHeightMm() == seam.gapHeightMm() ? ""
                            : ";\n  drawn " + OpenEmsXml.n(seam.drawnHeightMm()) + " mm high, on the openings' mesh lines (within "
                            + Math.round(FullwaveModel.Seam.SNAP_FRACTION * 100) + " %)"));
        }
    }

    private static void mesh(StringBuilder s, FullwaveModel m) {
        s.append("## Mesh\n\n");
        s.append(String.format(Locale.ROOT, "%d × %d × %d lines, %d cells. No cell larger than λ/%d at %s GHz in the medium it\n"
                        + "is in (%s mm in air, %s mm in the fill); at least %d cells across an opening; neighbouring cells\n"
                        + "differ by at most ×%s (largest ratio here: x %s, y %s, z %s).\n\n",
                m.x().size(), m.y().size(), m.z().size(), m.cellCount(), m.density().cellsPerWavelength(),
                OpenEmsXml.n(m.maxFrequencyHz() / 1e9),
                OpenEmsXml.n(m.wavelengthAirMm() / m.density().cellsPerWavelength()),
                OpenEmsXml.n(m.wavelengthAirMm() / Math.sqrt(m.fillPermittivity()) / m.density().cellsPerWavelength()),
                m.density().cellsPerOpening(), OpenEmsXml.n(MeshLines.MAX_RATIO),
                round2(MeshLines.maxRatio(m.x())), round2(MeshLines.maxRatio(m.y())), round2(MeshLines.maxRatio(m.z()))));
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String round2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

package io.shieldfab.layout.format;

import io.shieldfab.layout.geometry.Label;
import io.shieldfab.layout.geometry.Layer;
import io.shieldfab.layout.geometry.PanelLayout;
import io.shieldfab.layout.geometry.Shape;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link PanelLayout} as an ASCII DXF, release 12 ({@code AC1009}), flat, in micrometres: the oldest
 * and most widely read DXF dialect (Autodesk, "AutoCAD Release 12 DXF Reference": HEADER, TABLES with LTYPE,
 * LAYER and STYLE, ENTITIES with closed POLYLINE/VERTEX/SEQEND and TEXT). One named layer per GDSII layer
 * ({@link Layer#dxfName()}); per-site {@code R{row}C{col}} labels on TEXT.
 * <p>
 * Units: one drawing unit is one micrometre, and the HEADER says so with {@code $INSUNITS 13} (micrometres) and
 * {@code $MEASUREMENT 1} (metric), which ezdxf reads as {@code doc.units == 13}. KLayout's DXF reader skips the
 * HEADER and takes a drawing unit as 1 µm unless told otherwise (its {@code dxf_unit} option, default 1.0), so
 * micrometre coordinates are the only way it opens the panel at its true size with default options; millimetre
 * coordinates opened 1000 × too small there whatever the header said (docs/layout.md, §5 "DXF").
 */
public final class DxfWriter {

    private DxfWriter() {
    }

    public static void write(PanelLayout layout, OutputStream os) throws IOException {
        AsciiSink o = new AsciiSink(os);
        header(layout, o);
        tables(o);
        o.ascii("0\nSECTION\n2\nBLOCKS\n0\nENDSEC\n");
        o.ascii("0\nSECTION\n2\nENTITIES\n");
        for (Shape s : layout.panelShapes()) {
            polyline(o, s, 0, 0);
        }
        for (long[] c : layout.fiducialCentres()) {
            for (Shape s : layout.fiducial()) {
                polyline(o, s, c[0], c[1]);
            }
        }
        Shape[] site = layout.site().shapes().toArray(new Shape[0]);
        long cx = layout.spec().pitchXNm() / 2;
        long cy = layout.spec().pitchYNm() / 2;
        long labelHeight = layout.siteLabelHeightNm();
        for (int r = 0; r < layout.spec().rows(); r++) {
            long dy = layout.siteOriginY(r);
            for (int c = 0; c < layout.spec().columns(); c++) {
                long dx = layout.siteOriginX(c);
                for (Shape s : site) {
                    polyline(o, s, dx, dy);
                }
                text(o, PanelLayout.siteLabel(r, c), dx + cx, dy + cy, labelHeight);
            }
        }
        for (Label l : layout.edgeLabels()) {
            text(o, l.text(), l.x(), l.y(), l.heightNm());
        }
        o.ascii("0\nENDSEC\n0\nEOF\n");
        o.flush();
    }

    private static void header(PanelLayout layout, AsciiSink o) throws IOException {
        o.ascii("0\nSECTION\n2\nHEADER\n");
        o.ascii("9\n$ACADVER\n1\nAC1009\n");
        // drawing units: micrometres (13), metric (1); ezdxf reads them, KLayout ignores them: see the class comment
        o.ascii("9\n$INSUNITS\n70\n13\n9\n$MEASUREMENT\n70\n1\n");
        o.ascii("9\n$INSBASE\n10\n0\n20\n0\n30\n0\n");
        o.ascii("9\n$EXTMIN\n10\n0\n20\n0\n30\n0\n");
        o.ascii("9\n$EXTMAX\n10\n").um(layout.panelWidthNm()).ascii("\n20\n").um(layout.panelHeightNm())
                .ascii("\n30\n0\n");
        o.ascii("9\n$LIMMIN\n10\n0\n20\n0\n");
        o.ascii("9\n$LIMMAX\n10\n").um(layout.panelWidthNm()).ascii("\n20\n").um(layout.panelHeightNm()).ascii("\n");
        o.ascii("0\nENDSEC\n");
    }

    private static void tables(AsciiSink o) throws IOException {
        o.ascii("0\nSECTION\n2\nTABLES\n");
        o.ascii("0\nTABLE\n2\nLTYPE\n70\n1\n");
        o.ascii("0\nLTYPE\n2\nCONTINUOUS\n70\n0\n3\nSolid line\n72\n65\n73\n0\n40\n0\n");
        o.ascii("0\nENDTAB\n");
        o.ascii("0\nTABLE\n2\nLAYER\n70\n").integer(Layer.values().length + 1L).ch('\n');
        o.ascii("0\nLAYER\n2\n0\n70\n0\n62\n7\n6\nCONTINUOUS\n");
        for (Layer l : Layer.values()) {
            o.ascii("0\nLAYER\n2\n").ascii(l.dxfName()).ascii("\n70\n0\n62\n").integer(l.dxfColour())
                    .ascii("\n6\nCONTINUOUS\n");
        }
        o.ascii("0\nENDTAB\n");
        o.ascii("0\nTABLE\n2\nSTYLE\n70\n1\n");
        o.ascii("0\nSTYLE\n2\nSTANDARD\n70\n0\n40\n0\n41\n1\n50\n0\n71\n0\n42\n2500\n3\ntxt\n4\n\n");
        o.ascii("0\nENDTAB\n");
        o.ascii("0\nENDSEC\n");
    }

    /** A closed 2-D POLYLINE (flag 70 = 1) with one VERTEX per corner, translated by (dx, dy) nm. */
    static void polyline(AsciiSink o, Shape s, long dx, long dy) throws IOException {
        String layer = s.layer().dxfName();
        o.ascii("0\nPOLYLINE\n8\n").ascii(layer).ascii("\n66\n1\n10\n0\n20\n0\n30\n0\n70\n1\n");
        int n = s.vertexCount();
        for (int i = 0; i < n; i++) {
            o.ascii("0\nVERTEX\n8\n").ascii(layer).ascii("\n10\n").um(s.x(i) + dx).ascii("\n20\n").um(s.y(i) + dy)
                    .ascii("\n30\n0\n");
        }
        o.ascii("0\nSEQEND\n8\n").ascii(layer).ch('\n');
    }

    /** TEXT centred on (x, y): horizontal justification 1 (centre), vertical 2 (middle), alignment point 11/21. */
    static void text(AsciiSink o, String text, long x, long y, long heightNm) throws IOException {
        o.ascii("0\nTEXT\n8\n").ascii(Layer.TEXT.dxfName())
                .ascii("\n10\n").um(x).ascii("\n20\n").um(y).ascii("\n30\n0\n40\n").um(heightNm)
                .ascii("\n1\n").ascii(text)
                .ascii("\n72\n1\n11\n").um(x).ascii("\n21\n").um(y).ascii("\n31\n0\n73\n2\n");
    }
}

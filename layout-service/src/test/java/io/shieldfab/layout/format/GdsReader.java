package io.shieldfab.layout.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, independent GDSII Stream reader for the tests: it parses the records back from the bytes (record
 * layout per the Calma Stream Format Manual) without sharing code with the writer, and rebuilds structures
 * with their elements.
 */
public final class GdsReader {

    public record Rec(int type, byte[] data) {
        int i2(int index) {
            return ByteBuffer.wrap(data).getShort(2 * index);
        }

        int i4(int index) {
            return ByteBuffer.wrap(data).getInt(4 * index);
        }

        double real8(int index) {
            return GdsStream.fromReal8(ByteBuffer.wrap(data).getLong(8 * index));
        }

        String string() {
            int n = data.length;
            while (n > 0 && data[n - 1] == 0) {
                n--;
            }
            return new String(data, 0, n, StandardCharsets.US_ASCII);
        }
    }

    /** One element: BOUNDARY, SREF, AREF or TEXT with the fields the tests look at. */
    public record Element(int type, int layer, String sname, int[] colRow, int[] xy, String text) {
    }

    public record Library(List<Rec> records, double userUnit, double metersPerDbu, Map<String, List<Element>> structures) {
        public List<Element> elements(String structure) {
            return structures.get(structure);
        }
    }

    static List<Rec> records(byte[] bytes) {
        List<Rec> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.remaining() >= 4) {
            int len = b.getShort() & 0xFFFF;
            int type = b.getShort() & 0xFFFF;
            if (len < 4 || len % 2 != 0) {
                throw new IllegalStateException("bad record length " + len + " at " + (b.position() - 4));
            }
            byte[] data = new byte[len - 4];
            b.get(data);
            out.add(new Rec(type, data));
            if (type == GdsStream.ENDLIB) {
                break;
            }
        }
        if (b.hasRemaining()) {
            throw new IllegalStateException(b.remaining() + " bytes after ENDLIB");
        }
        return out;
    }

    public static Library read(byte[] bytes) {
        List<Rec> recs = records(bytes);
        Map<String, List<Element>> structures = new LinkedHashMap<>();
        double userUnit = 0, meters = 0;
        List<Element> current = null;
        int type = -1, layer = -1;
        String sname = null, text = null;
        int[] colRow = null, xy = null;
        for (Rec r : recs) {
            switch (r.type()) {
                case GdsStream.UNITS -> {
                    userUnit = r.real8(0);
                    meters = r.real8(1);
                }
                case GdsStream.STRNAME -> {
                    current = new ArrayList<>();
                    structures.put(r.string(), current);
                }
                case GdsStream.BOUNDARY, GdsStream.SREF, GdsStream.AREF, GdsStream.TEXT -> {
                    type = r.type();
                    layer = -1;
                    sname = null;
                    text = null;
                    colRow = null;
                    xy = null;
                }
                case GdsStream.LAYER -> layer = r.i2(0);
                case GdsStream.SNAME -> sname = r.string();
                case GdsStream.COLROW -> colRow = new int[]{r.i2(0), r.i2(1)};
                case GdsStream.STRING -> text = r.string();
                case GdsStream.XY -> {
                    xy = new int[r.data().length / 4];
                    for (int i = 0; i < xy.length; i++) {
                        xy[i] = r.i4(i);
                    }
                }
                case GdsStream.ENDEL -> current.add(new Element(type, layer, sname, colRow, xy, text));
                default -> {
                }
            }
        }
        return new Library(recs, userUnit, meters, structures);
    }

    private GdsReader() {
    }
}

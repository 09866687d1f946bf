package io.shieldfab.layout.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Low-level GDSII Stream record encoder (Calma GDSII Stream Format Manual, release 6.0, 1987: every record is
 * a 2-byte length, a record type byte and a data type byte, big-endian). Buffers into a fixed 64 KiB array
 * and hands full buffers to the output stream, so memory does not grow with the file.
 */
final class GdsStream {

    static final int HEADER = 0x0002;
    static final int BGNLIB = 0x0102;
    static final int LIBNAME = 0x0206;
    static final int UNITS = 0x0305;
    static final int ENDLIB = 0x0400;
    static final int BGNSTR = 0x0502;
    static final int STRNAME = 0x0606;
    static final int ENDSTR = 0x0700;
    static final int BOUNDARY = 0x0800;
    static final int SREF = 0x0A00;
    static final int AREF = 0x0B00;
    static final int TEXT = 0x0C00;
    static final int LAYER = 0x0D02;
    static final int DATATYPE = 0x0E02;
    static final int XY = 0x1003;
    static final int ENDEL = 0x1100;
    static final int SNAME = 0x1206;
    static final int COLROW = 0x1302;
    static final int TEXTTYPE = 0x1602;
    static final int PRESENTATION = 0x1701;
    static final int STRING = 0x1906;

    /** Largest record: the 16-bit length field. */
    static final int MAX_RECORD = 0xFFFF & ~1;

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    GdsStream(OutputStream out) {
        this.out = out;
    }

    void ensure(int bytes) throws IOException {
        if (pos + bytes > buf.length) {
            flushBuffer();
        }
    }

    void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    void head(int length, int type) {
        buf[pos++] = (byte) (length >>> 8);
        buf[pos++] = (byte) length;
        buf[pos++] = (byte) (type >>> 8);
        buf[pos++] = (byte) type;
    }

    void i2(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void i4(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    /** A record without data (ENDLIB, ENDSTR, BOUNDARY, ENDEL, …). */
    void empty(int type) throws IOException {
        ensure(4);
        head(4, type);
    }

    void short1(int type, int value) throws IOException {
        ensure(6);
        head(6, type);
        i2(value);
    }

    void shorts(int type, int... values) throws IOException {
        ensure(4 + 2 * values.length);
        head(4 + 2 * values.length, type);
        for (int v : values) {
            i2(v);
        }
    }

    /** An ASCII string record, padded with a NUL to an even length as the format requires. */
    void string(int type, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        int len = b.length + (b.length & 1);
        ensure(4 + len);
        head(4 + len, type);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        if ((b.length & 1) == 1) {
            buf[pos++] = 0;
        }
    }

    void reals(int type, double... values) throws IOException {
        ensure(4 + 8 * values.length);
        head(4 + 8 * values.length, type);
        for (double v : values) {
            long bits = real8(v);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[pos++] = (byte) (bits >>> shift);
            }
        }
    }

    /**
     * GDSII 8-byte real: sign bit, 7-bit exponent of 16 in excess-64, 56-bit mantissa m with
     * value = m / 2^56 × 16^(e − 64) and 1/16 ≤ m/2^56 &lt; 1 (Stream Format Manual, "Real numbers").
     */
    static long real8(double value) {
        if (value == 0) {
            return 0L;
        }
        long sign = value < 0 ? 1L << 63 : 0L;
        double v = Math.abs(value);
        int exponent = 64;
        while (v >= 1) {
            v /= 16;
            exponent++;
        }
        while (v < 1.0 / 16) {
            v *= 16;
            exponent--;
        }
        long mantissa = Math.round(v * 0x1p56);
        if (mantissa >= 1L << 56) {
            mantissa >>>= 4;
            exponent++;
        }
        return sign | ((long) exponent << 56) | mantissa;
    }

    static double fromReal8(long bits) {
        if ((bits & 0x7FFF_FFFF_FFFF_FFFFL) == 0) {
            return 0;
        }
        double sign = bits < 0 ? -1 : 1;
        int exponent = (int) ((bits >>> 56) & 0x7F) - 64;
        double mantissa = (bits & 0x00FF_FFFF_FFFF_FFFFL) / 0x1p56;
        return sign * mantissa * Math.pow(16, exponent);
    }

    /** Start of an XY record of {@code points} points; follow with {@link #point(int, int)} calls. */
    void xyHead(int points) throws IOException {
        int len = 4 + 8 * points;
        if (len > MAX_RECORD) {
            throw new IllegalArgumentException("too many points for one GDSII XY record: " + points);
        }
        ensure(len);
        head(len, XY);
    }

    void point(int x, int y) {
        i4(x);
        i4(y);
    }
}

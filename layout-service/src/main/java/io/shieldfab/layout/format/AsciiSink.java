package io.shieldfab.layout.format;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered ASCII writer with fast, exact decimal output of nanometre integers as micrometres (DXF) and of
 * screen coordinates (SVG). {@code Double.toString} and {@code String.format} dominate a naive DXF writer's time;
 * here a length of {@code n} nm is written as {@code n / 10^3} with its remainder as up to three decimals,
 * trailing zeros dropped, with no allocation.
 */
final class AsciiSink {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;

    AsciiSink(OutputStream out) {
        this.out = out;
    }

    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    AsciiSink ascii(String s) throws IOException {
        int n = s.length();
        if (n > buf.length / 2) {
            for (int i = 0; i < n; i += 1024) {
                ascii(s.substring(i, Math.min(n, i + 1024)));
            }
            return this;
        }
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[pos++] = (byte) (c < 128 ? c : '?');
        }
        return this;
    }

    AsciiSink ch(char c) throws IOException {
        ensure(1);
        buf[pos++] = (byte) c;
        return this;
    }

    AsciiSink integer(long v) throws IOException {
        ensure(21);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[pos++] = '0';
            return this;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** {@code v / 10^scale} in plain decimal, e.g. (1500000, 6) → "1.5", (7, 6) → "0.000007", (0, 6) → "0". */
    AsciiSink fixed(long v, int scale) throws IOException {
        ensure(24);
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        long pow = POW10[scale];
        integer(v / pow);
        long frac = v % pow;
        if (frac != 0) {
            buf[pos++] = '.';
            int digits = scale;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            for (int i = digits - 1; i >= 0; i--) {
                buf[pos + i] = (byte) ('0' + frac % 10);
                frac /= 10;
            }
            pos += digits;
        }
        return this;
    }

    /** A screen coordinate with two decimals (SVG). */
    AsciiSink num(double v) throws IOException {
        return fixed(Math.round(v * 100), 2);
    }

    /** Nanometres as micrometres: up to three decimals (DXF, whose drawing unit is the micrometre). */
    AsciiSink um(long nm) throws IOException {
        return fixed(nm, 3);
    }

    /** Text with the five XML special characters escaped and non-ASCII characters as numeric references. */
    AsciiSink xml(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                case '&' -> ascii("&amp;");
                case '"' -> ascii("&quot;");
                case '\'' -> ascii("&apos;");
                default -> {
                    if (c < 128) {
                        ch(c);
                    } else {
                        int cp = Character.codePointAt(s, i);
                        ascii("&#").integer(cp).ch(';');
                        i += Character.charCount(cp) - 1;
                    }
                }
            }
        }
        return this;
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
}

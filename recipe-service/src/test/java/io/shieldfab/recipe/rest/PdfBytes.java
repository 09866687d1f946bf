package io.shieldfab.recipe.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PDF as bytes that do not depend on the zlib build or on the document's date: every Flate stream inflated (so
 * the text of the compressed objects is compared, not its compression), and the date taken out — the
 * /CreationDate, the /ID that PDFBox derives from it, and what moves with them (stream lengths, the
 * cross-reference stream's offsets, startxref). Everything else is kept byte for byte. The golden hashes were
 * taken on this form when the traveler still carried its render time; they hold for any creation date.
 */
final class PdfBytes {

    private static final Pattern STREAM = Pattern.compile("<<([^<>]*(?:<<[^<>]*>>[^<>]*)*)>>\\s*stream\r?\n");
    private static final Pattern LENGTH = Pattern.compile("/Length (\\d+)");

    private PdfBytes() {
    }

    static byte[] withoutRenderTime(byte[] pdf) {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(raw.length() * 4);
        Matcher m = STREAM.matcher(raw);
        int at = 0;
        while (m.find(at)) {
            String dict = m.group(1);
            Matcher length = LENGTH.matcher(dict);
            if (!length.find()) {
                throw new IllegalArgumentException("stream without a direct /Length at " + m.start());
            }
            int start = m.end();
            int end = start + Integer.parseInt(length.group(1));
            out.append(raw, at, m.start()).append("<<").append(dict.replace(length.group(), "/Length ?"))
                    .append(">>\nstream\n");
            if (dict.contains("/Type /XRef")) {
                out.append("(cross-reference offsets)");
            } else if (dict.contains("/FlateDecode")) {
                out.append(inflate(pdf, start, end - start));
            } else {
                out.append(raw, start, end);
            }
            at = end;
        }
        out.append(raw, at, raw.length());
        String fixed = out.toString()
                .replaceAll("/CreationDate \\(D:[0-9+'Z-]*\\)", "/CreationDate (render time)")
                .replaceAll("/ID \\[<[0-9A-F]*> <[0-9A-F]*>\\]", "/ID [render time]")
                .replaceAll("startxref\n\\d+", "startxref\n?");
        return fixed.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String inflate(byte[] pdf, int offset, int length) {
        Inflater inflater = new Inflater();
        inflater.setInput(pdf, offset, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 4);
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated Flate stream at " + offset);
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("bad Flate stream at " + offset, e);
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}

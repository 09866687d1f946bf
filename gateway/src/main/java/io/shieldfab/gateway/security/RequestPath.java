package io.shieldfab.gateway.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request path as every layer of the gateway might read it. Vert.x routes match the raw path while RESTEasy
 * strips matrix parameters ({@code ;x=1}) and decodes percent-escapes before it matches a resource, so a guard
 * that reads only one spelling can be walked around ({@code /api;/v1/handoffs} reached the handoff resource
 * without a key). Here every spelling is reduced to the segments any layer could end up routing: matrix
 * parameters cut, percent-escapes decoded (repeatedly, so double encoding is seen through), backslashes taken as
 * slashes, empty, {@code .} and {@code ..} segments resolved, letters lower-cased — once with escapes decoded
 * before the path is split into segments and once after, since layers differ on whether {@code %2F} separates. A
 * path is guarded when either reading starts with {@code api}; it is <em>plain</em> when the raw path already is
 * its reading, and only plain paths are routed to the API (docs/architecture.md, "Authentication").
 *
 * @param segments the canonical segments, lower case
 * @param guarded  true when any layer could route this path to the API under {@code /api}
 * @param plain    true when the raw path is its canonical reading (bar one trailing slash): no matrix parameter,
 *                 percent-escape, backslash, empty, {@code .} or {@code ..} segment, no upper-case letter
 */
public record RequestPath(List<String> segments, boolean plain, boolean guarded) {

    /** Double and triple encodings are decoded too; a path with escapes left after this is not plain. */
    private static final int MAX_DECODE_ROUNDS = 4;

    public static RequestPath of(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        boolean plain = path.startsWith("/") && path.indexOf(';') < 0 && path.indexOf('%') < 0 && path.indexOf('\\') < 0;
        // Two readings: escapes decoded before the path is split (an encoded slash separates segments, as a proxy
        // or a decoding router sees it) and after (an encoded slash stays inside its segment, as RESTEasy matches).
        Reading decodedFirst = read(path, true);
        Reading splitFirst = read(path, false);
        plain &= decodedFirst.plain() && splitFirst.plain();
        // every API path is lower case (ids are lower-case UUIDs): another case is another spelling, not plain
        String canonical = "/" + String.join("/", decodedFirst.segments());
        plain &= path.equals(canonical) || path.equals(canonical + "/");
        boolean guarded = isApi(decodedFirst.segments()) || isApi(splitFirst.segments());
        return new RequestPath(decodedFirst.segments(), plain, guarded);
    }

    private record Reading(List<String> segments, boolean plain) {
    }

    private static Reading read(String path, boolean decodeFirst) {
        String text = decodeFirst ? decodeFully(path).replace('\\', '/') : path.replace('\\', '/');
        boolean plain = true;
        List<String> segments = new ArrayList<>();
        String[] raw = text.split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            String segment = raw[i];
            int matrix = segment.indexOf(';');
            if (matrix >= 0) {
                segment = segment.substring(0, matrix);
            }
            if (!decodeFirst) {
                segment = decodeFully(segment);
            }
            if (segment.isEmpty()) {
                // the leading slash and one trailing slash are how paths are written; any other empty segment is not
                plain &= i == 0 || i == raw.length - 1;
                continue;
            }
            if (segment.equals(".")) {
                plain = false;
                continue;
            }
            if (segment.equals("..")) {
                plain = false;
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(segment.toLowerCase(Locale.ROOT));
        }
        return new Reading(List.copyOf(segments), plain);
    }

    private static boolean isApi(List<String> segments) {
        return !segments.isEmpty() && segments.get(0).equals("api");
    }

    /** Percent-escapes decoded until none is left (double and triple encodings too), up to a bound. */
    private static String decodeFully(String text) {
        String decoded = text;
        for (int round = 0; round < MAX_DECODE_ROUNDS && decoded.indexOf('%') >= 0; round++) {
            decoded = percentDecode(decoded);
        }
        return decoded;
    }


    /** The segment at {@code index}, or null. */
    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    /** Decodes %XX escapes as UTF-8 (a malformed escape stays as it is), leaving '+' alone as paths do. */
    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}

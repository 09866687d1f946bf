package io.shieldfab.design;

import java.util.Locale;

/** The two encodings a design document may arrive in. YAML is a superset of JSON; JSON gives sharper error positions. */
public enum DesignFormat {
    JSON("application/json"),
    YAML("application/yaml");

    /** The canonical media type of this format. */
    public final String mediaType;

    DesignFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * The format named by an HTTP {@code Content-Type}: {@code application/json}, {@code text/json} and any
     * {@code +json} suffix are JSON; {@code application/yaml}, {@code application/x-yaml}, {@code text/yaml},
     * {@code text/x-yaml} and any {@code +yaml} suffix are YAML. Parameters ({@code ; charset=utf-8}) and case
     * are ignored.
     *
     * @throws IllegalArgumentException when the type is null, blank or names neither format
     */
    public static DesignFormat fromContentType(String contentType) {
        String base = baseType(contentType);
        if (base == null) {
            throw new IllegalArgumentException("no content type given; use application/json or application/yaml");
        }
        return switch (base) {
            case "application/json", "text/json" -> JSON;
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> YAML;
            default -> {
                if (base.endsWith("+json")) {
                    yield JSON;
                }
                if (base.endsWith("+yaml")) {
                    yield YAML;
                }
                throw new IllegalArgumentException("unsupported content type '" + base
                        + "'; use application/json or application/yaml");
            }
        };
    }

    /**
     * Guesses the format from the content: JSON when the first non-blank character (after a byte-order mark)
     * is <code>{</code> or <code>[</code>, YAML otherwise.
     */
    public static DesignFormat sniff(CharSequence content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' || c == '[' ? JSON : YAML;
        }
        return JSON;
    }

    /** Whether a content type says nothing about JSON vs YAML, so the content has to be sniffed. */
    static boolean isGeneric(String contentType) {
        String base = baseType(contentType);
        return base == null || base.equals("*/*") || base.equals("text/plain")
                || base.equals("application/octet-stream");
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType)
                .trim().toLowerCase(Locale.ROOT);
        return base.isEmpty() ? null : base;
    }
}

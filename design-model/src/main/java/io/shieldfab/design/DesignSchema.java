package io.shieldfab.design;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The design document's JSON Schema (draft 2020-12), docs/schema/design.schema.json, as this jar carries it: the
 * same file, copied by the build, so that a service can describe the document from its one source.
 */
public final class DesignSchema {

    private static final String RESOURCE = "design.schema.json";

    private DesignSchema() {
    }

    /** The schema as a tree (a fresh copy on each call: callers may change it). */
    public static JsonNode tree() {
        try (InputStream in = DesignSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the design-model jar");
            }
            return DesignJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

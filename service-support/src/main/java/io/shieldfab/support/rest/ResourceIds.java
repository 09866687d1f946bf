package io.shieldfab.support.rest;

import java.util.regex.Pattern;

/**
 * Resource ids of the suite (layouts, evaluations, recipes, handoffs): canonical lower-case UUIDs, as
 * {@code UUID.randomUUID().toString()} makes them. A path id of any other shape names nothing, so it is
 * answered as not found without reaching the database — which also keeps hostile ids (NUL bytes, which
 * PostgreSQL refuses in text; kilobytes of path traversal) away from SQL.
 */
public final class ResourceIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ResourceIds() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() == 36 && UUID.matcher(id).matches();
    }
}

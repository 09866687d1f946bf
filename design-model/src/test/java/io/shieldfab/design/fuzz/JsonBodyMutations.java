package io.shieldfab.design.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bad JSON bodies for a flat request (the stateless calculation endpoints): every field replaced by every
 * {@link HostileValue} with a JSON spelling, fields dropped, unknown fields added, random combinations, and
 * truncated text. Each body is raw JSON text, so NaN, Infinity and 400-digit numbers reach the server as written.
 */
public final class JsonBodyMutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "HOSTILE_PLACEHOLDER";

    private JsonBodyMutations() {
    }

    /** The bodies made from a valid request {@code validJson}; {@code randomCount} random combinations among them. */
    public static List<String> of(String validJson, SplittableRandom random, int randomCount) {
        ObjectNode base;
        try {
            base = (ObjectNode) JSON.readTree(validJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> fields = new ArrayList<>();
        base.fieldNames().forEachRemaining(fields::add);
        List<HostileValue> hostile = HostileValue.catalogue().stream()
                .filter(v -> v.json() != null && v.json().length() < 50_000).toList();
        List<String> out = new ArrayList<>();
        for (String field : fields) {
            for (HostileValue value : hostile) {
                out.add(replaced(base, List.of(field), List.of(value.json())));
            }
            ObjectNode without = base.deepCopy();
            without.remove(field);
            out.add(without.toString());
        }
        for (int i = 0; i < randomCount; i++) {
            List<String> chosen = new ArrayList<>();
            List<String> raws = new ArrayList<>();
            for (String field : fields) {
                if (random.nextInt(3) == 0) {
                    chosen.add(field);
                    raws.add(hostile.get(random.nextInt(hostile.size())).json());
                }
            }
            String body = replaced(base, chosen, raws);
            if (random.nextInt(4) == 0) {
                body = body.substring(0, random.nextInt(body.length()));
            } else if (random.nextInt(4) == 0) {
                body = body.substring(0, body.length() - 1) + ",\"unknown" + random.nextInt(100) + "\":1}";
            }
            out.add(body);
        }
        for (String top : List.of("", "null", "[]", "0", "\"x\"", "{", "{}", "[" .repeat(10_000), validJson + validJson)) {
            out.add(top);
        }
        return out;
    }

    private static String replaced(ObjectNode base, List<String> fields, List<String> raws) {
        ObjectNode copy = base.deepCopy();
        for (int i = 0; i < fields.size(); i++) {
            copy.set(fields.get(i), TextNode.valueOf(PLACEHOLDER + i));
        }
        String text = copy.toString();
        for (int i = fields.size() - 1; i >= 0; i--) {
            text = text.replace("\"" + PLACEHOLDER + i + "\"", raws.get(i));
        }
        return text;
    }
}

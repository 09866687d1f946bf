package io.shieldfab.design.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input contract of every response (docs/evidence.md): a success, or an RFC 9457 problem
 * ({@code application/problem+json} with {@code type}, {@code title}, {@code status} equal to the HTTP status
 * and {@code detail}); never a 5xx, never a stack trace or a class name in the body.
 */
public final class ProblemCheck {

    /** Text that only a leaked stack trace or exception message would put in a body. */
    static final List<String> LEAKS = List.of("at io.", "at java.", "at org.", "\tat ", "Exception", "com.fasterxml",
            "org.yaml", "java.lang", "io.shieldfab.", "io.vertx", "org.jboss");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemCheck() {
    }

    /**
     * Asserts the contract for one response and returns the status.
     *
     * @param context what was sent, for the failure message
     */
    public static int check(int status, String contentType, byte[] body, String context) {
        assertThat(status).as("status of %s", context).isBetween(200, 499);
        String text = new String(body, StandardCharsets.UTF_8);
        if (status >= 400) {
            assertThat(contentType).as("Content-Type of %d for %s", status, context).startsWith("application/problem+json");
            JsonNode problem;
            try {
                problem = MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the " + status + " body for " + context + " is not JSON: " + abbreviate(text));
            }
            assertThat(problem.path("type").isTextual()).as("type in %s for %s", text, context).isTrue();
            assertThat(problem.path("title").asText()).as("title in %s for %s", abbreviate(text), context).isNotBlank();
            assertThat(problem.path("status").asInt()).as("status in %s for %s", abbreviate(text), context).isEqualTo(status);
            assertThat(problem.path("detail").asText()).as("detail in %s for %s", abbreviate(text), context).isNotBlank();
        }
        if (contentType != null && contentType.contains("json")) {
            for (String leak : LEAKS) {
                assertThat(text).as("%d body for %s leaks code", status, context).doesNotContain(leak);
            }
        }
        return status;
    }

    public static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}

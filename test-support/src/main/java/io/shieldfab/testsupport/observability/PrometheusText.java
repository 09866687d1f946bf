package io.shieldfab.testsupport.observability;

import io.restassured.RestAssured;
import org.assertj.core.api.Assertions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition (what {@code GET /q/metrics} returns), to assert on in tests:
 * {@code PrometheusText.parse(body).value("shieldfab_evaluations_total", Map.of("verdict", "PASS"))}.
 */
public final class PrometheusText {

    /** One sample line: its metric name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    /** The running service's {@code /q/metrics} (RestAssured's base URI: the service under test). */
    public static PrometheusText scrape() {
        return parse(RestAssured.given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static PrometheusText parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            // an exemplar (" # {trace_id=...} value timestamp", OpenMetrics) follows the sample when traces are on
            int exemplar = line.indexOf(" # ");
            Matcher m = LINE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sum over the samples of this name whose labels include all the given ones (0 when none matches). */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /** How much {@link #value} of this name and labels grew from {@code before} to {@code after}. */
    public static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    /**
     * Quarkus' HTTP server meter counted {@code method route} under the route's template, and no label value anywhere
     * names one of {@code ids} (labels stay low-cardinality: docs/operations.md, "Metrics").
     */
    public void assertRouteCountedWithoutIds(String method, String route, String... ids) {
        Assertions.assertThat(samples).anySatisfy(s -> {
            Assertions.assertThat(s.name()).isEqualTo("http_server_requests_seconds_count");
            Assertions.assertThat(s.labels()).containsEntry("uri", route).containsEntry("method", method);
        });
        Assertions.assertThat(samples).flatMap(s -> s.labels().values())
                .noneMatch(v -> Arrays.stream(ids).anyMatch(v::contains));
    }

    /** Whether any sample of this name is present. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}

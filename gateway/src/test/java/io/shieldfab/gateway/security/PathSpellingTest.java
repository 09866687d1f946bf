package io.shieldfab.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.gateway.DownstreamStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 1 of the security review (critical): the key check guarded the Vert.x route {@code /api/*} while RESTEasy
 * strips matrix parameters, so {@code POST /api;/v1/handoffs} with a made-up key was accepted and ran, and
 * {@code /api;x=1/v1/handoffs} without one was a 500. This fuzz sends every operation of the gateway's contract
 * (docs/api/gateway.yaml) in many spellings of its path — matrix parameters on each segment, percent-escapes
 * (single and double), dot segments, doubled slashes, backslashes, upper case, a trailing slash — over a raw socket,
 * so no client library tidies the path first. Without a key, and with a wrong one, no spelling may answer 2xx or
 * 5xx; with the valid key none may answer 5xx, and the non-plain spellings are refused (400) or not found.
 * On the gateway before security/RequestPath, the matrix spellings answered 202 and 500.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class PathSpellingTest {

    static final String KEY = "test-key-0123456789";
    static final String ID = "0b3e8a52-5a43-4b55-9d0e-3d6f1b0e7c21";
    private static final Pattern PATH = Pattern.compile("^  (/api/\\S+):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void servicesAnswerEverything() {
        DownstreamStubs.server.resetAll();
        // a request that got through would be answered 200 by the "service": the gateway must stop it first
        DownstreamStubs.server.stubFor(any(urlMatching(".*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
    }

    record Operation(String method, String path) {
    }

    /** Every operation of the gateway's OpenAPI snapshot, with a well-formed id in each template. */
    static List<Operation> operations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        String path = null;
        for (String line : Files.readAllLines(Path.of("..", "docs", "api", "gateway.yaml"))) {
            Matcher p = PATH.matcher(line);
            if (p.matches()) {
                path = p.group(1).replaceAll("\\{[^}]+}", ID);
                continue;
            }
            Matcher m = METHOD.matcher(line);
            if (m.matches() && path != null) {
                operations.add(new Operation(m.group(1).toUpperCase(Locale.ROOT), path));
            }
        }
        return operations;
    }

    /** Spellings of {@code path} that some layer of the gateway might route to the same resource. */
    static Set<String> spellings(String path) {
        Set<String> all = new LinkedHashSet<>();
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            all.add(replace(segments, i, segments[i] + ";"));
            all.add(replace(segments, i, segments[i] + ";x=1"));
            all.add(replace(segments, i, segments[i] + ";jsessionid=0"));
            all.add(replace(segments, i, encodeFirst(segments[i], false)));
            all.add(replace(segments, i, encodeFirst(segments[i], true)));
            all.add(replace(segments, i, segments[i] + "/."));
            all.add(replace(segments, i, "x/../" + segments[i]));
            all.add(replace(segments, i, "/" + segments[i]));
            all.add(replace(segments, i, segments[i].toUpperCase(Locale.ROOT)));
        }
        all.add("/" + String.join("%2F", segments));
        all.add("/" + String.join("%2f", segments));
        all.add("/" + String.join("\\", segments));
        all.add("//" + String.join("/", segments));
        all.add("/./" + String.join("/", segments));
        all.add(path + "/");
        all.add(path + "%00");
        all.add(path);
        return all;
    }

    private static String replace(String[] segments, int index, String replacement) {
        String[] copy = segments.clone();
        copy[index] = replacement;
        return "/" + String.join("/", copy);
    }

    /** The segment with its first letter as %XX, or as %25XX (double encoding). */
    private static String encodeFirst(String segment, boolean twice) {
        String hex = String.format("%02X", (int) segment.charAt(0));
        return (twice ? "%25" : "%") + hex + segment.substring(1);
    }

    @Test
    void noSpellingOfAnyRouteAnswers2xxWithoutAValidKeyOr5xxAtAll() throws IOException {
        List<Operation> operations = operations();
        assertThat(operations).as("the contract lists the API").hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation operation : operations) {
            for (String spelling : spellings(operation.path())) {
                for (String key : new String[]{null, "made-up-key-0123456789", KEY}) {
                    int status = send(operation.method(), spelling, key);
                    sent++;
                    boolean authenticated = KEY.equals(key);
                    if (status >= 500 || (!authenticated && status < 300)) {
                        failures.add(operation.method() + " " + spelling + " key=" + key + " -> " + status);
                    }
                    if (authenticated && !spelling.equals(operation.path()) && !spelling.equals(operation.path() + "/")
                            && status < 300) {
                        failures.add("valid key, not plain: " + operation.method() + " " + spelling + " -> " + status);
                    }
                }
            }
        }
        System.out.printf("PathSpellingTest: %d operations, %d requests%n", operations.size(), sent);
        assertThat(failures).isEmpty();
    }

    /** One raw HTTP/1.1 request; the path goes on the wire exactly as given. */
    int send(String method, String rawPath, String key) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            String body = "{}";
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(gateway.getHost()).append(':').append(gateway.getPort()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(body.length()).append("\r\n")
                    .append("Connection: close\r\n");
            if (key != null) {
                request.append("X-API-Key: ").append(key).append("\r\n");
            }
            request.append("\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            String[] parts = statusLine.toString().split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        }
    }
}

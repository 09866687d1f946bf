package io.shieldfab.support.idempotency;

import io.shieldfab.support.problem.Problem;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes two requests with one Idempotency-Key "the same", and the Location a replay carries. */
class IdempotentResponsesTest {

    private static final byte[] BODY = "{\"name\":\"wifi-fem-4x6\"}".getBytes(StandardCharsets.UTF_8);

    private static String fingerprint(String method, String target, String contentType, byte[] body) {
        return IdempotentResponses.fingerprint(method, URI.create("http://layout-service:8081" + target), contentType, body);
    }

    @Test
    void theFingerprintIsTheSha256OfOneRequest() {
        String first = fingerprint("POST", "/api/v1/layouts", "application/json", BODY);
        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(fingerprint("POST", "/api/v1/layouts", "application/json", BODY));
    }

    @Test
    void everyPartOfTheRequestCounts() {
        String first = fingerprint("POST", "/api/v1/layouts", "application/json", BODY);
        byte[] otherBody = "{\"name\":\"wifi-fem-4x7\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(fingerprint("POST", "/api/v1/layouts", "application/json", otherBody)).isNotEqualTo(first);
        assertThat(fingerprint("PUT", "/api/v1/layouts", "application/json", BODY)).isNotEqualTo(first);
        assertThat(fingerprint("POST", "/api/v1/layouts?flat=true", "application/json", BODY)).isNotEqualTo(first);
        assertThat(fingerprint("POST", "/api/v1/layouts", "application/yaml", BODY)).isNotEqualTo(first);
        assertThat(fingerprint("POST", "/api/v1/layouts", null, BODY)).isNotEqualTo(first);
    }

    @Test
    void theHostOfTheRequestDoesNot() {
        assertThat(IdempotentResponses.fingerprint("POST", URI.create("http://attacker.example/api/v1/layouts"),
                "application/json", BODY)).isEqualTo(fingerprint("POST", "/api/v1/layouts", "application/json", BODY));
    }

    @Test
    void mediaTypeParametersAndLetterCaseDoNot() {
        String first = fingerprint("POST", "/api/v1/recipes", "application/json", BODY);
        assertThat(fingerprint("POST", "/api/v1/recipes", "application/json; charset=UTF-8", BODY)).isEqualTo(first);
        assertThat(fingerprint("POST", "/api/v1/recipes", " Application/JSON ", BODY)).isEqualTo(first);
    }

    @Test
    void partsCannotBeShiftedIntoEachOther() {
        // Without length prefixes these two would hash the same concatenation.
        assertThat(fingerprint("POST", "/a", "b", new byte[0])).isNotEqualTo(fingerprint("POST", "/ab", "", new byte[0]));
        assertThat(fingerprint("POST", "/a", "", "x".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(fingerprint("POST", "/ax", "", new byte[0]));
    }

    @Test
    void anAnswerWithoutAFingerprintIsRepeatedByAnyRequestAndOneWithAFingerprintOnlyByItsOwn() {
        IdempotentResponses.Answer answer = new IdempotentResponses.Answer(201, "/api/v1/layouts/L-1", "application/json", "{}");
        String mine = fingerprint("POST", "/api/v1/layouts", "application/json", BODY);
        String other = fingerprint("POST", "/api/v1/layouts", "application/json", new byte[0]);
        assertThat(new IdempotentResponses.Stored(answer, null).repeatedBy(mine)).isTrue();
        assertThat(new IdempotentResponses.Stored(answer, mine).repeatedBy(mine)).isTrue();
        assertThat(new IdempotentResponses.Stored(answer, mine).repeatedBy(other)).isFalse();
    }

    @Test
    void aLocationIsStoredWithoutSchemeAndAuthority() {
        assertThat(IdempotentResponses.pathAbsolute("http://attacker.example:8081/api/v1/layouts/L-1"))
                .isEqualTo("/api/v1/layouts/L-1");
        assertThat(IdempotentResponses.pathAbsolute("https://h/api/v1/recipes/R%2F1?v=2#top"))
                .isEqualTo("/api/v1/recipes/R%2F1?v=2#top");
        assertThat(IdempotentResponses.pathAbsolute("/api/v1/layouts/L-1")).isEqualTo("/api/v1/layouts/L-1");
        assertThat(IdempotentResponses.pathAbsolute("http://h")).isEqualTo("/");
        assertThat(IdempotentResponses.pathAbsolute(null)).isNull();
    }

    @Test
    void aReplayedLocationIsResolvedAgainstTheRequestItAnswers() {
        URI base = URI.create("http://layout-service:8081/api/v1/layouts");
        assertThat(IdempotentResponses.replayLocation("/api/v1/layouts/L-1", base))
                .isEqualTo(URI.create("http://layout-service:8081/api/v1/layouts/L-1"));
        // Stored before V91, with the Host of the first request.
        assertThat(IdempotentResponses.replayLocation("http://attacker.example/api/v1/layouts/L-1", base))
                .isEqualTo(URI.create("http://layout-service:8081/api/v1/layouts/L-1"));
        assertThat(IdempotentResponses.replayLocation(null, base)).isNull();
    }

    @Test
    void aReusedKeyIsTheGatewaysProblem() {
        Problem p = IdempotentResponses.KEY_REUSED;
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.type()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(p.title()).isEqualTo("Idempotency-Key reused");
        assertThat(p.detail()).contains("Idempotency-Key");
    }
}

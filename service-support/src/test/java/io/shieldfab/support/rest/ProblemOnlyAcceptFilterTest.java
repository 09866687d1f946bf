package io.shieldfab.support.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemOnlyAcceptFilterTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "application/problem+json | true",
            "Application/Problem+JSON;q=0.9 | true",
            "application/problem+json, application/problem+json;q=0.5 | true",
            "application/zip, application/problem+json | false",
            "application/json | false",
            "*/* | false",
            "application/problem+json, */*;q=0.1 | false"})
    void onlyAHeaderNamingNothingButTheProblemTypeIsDisregarded(String accept, boolean disregarded) {
        assertThat(ProblemOnlyAcceptFilter.namesOnlyProblems(accept)).isEqualTo(disregarded);
    }
}

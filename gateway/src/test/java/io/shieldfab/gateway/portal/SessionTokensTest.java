package io.shieldfab.gateway.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTokensTest {

    @Test
    void weakSecretsAreNamedAndRandomOnesPass() {
        assertThat(SessionTokens.weakness("short")).hasValueSatisfying(w -> assertThat(w).contains("shorter than 32"));
        assertThat(SessionTokens.weakness("changeme-changeme-changeme-changeme")).hasValueSatisfying(w -> assertThat(w).contains("placeholder"));
        assertThat(SessionTokens.weakness("a".repeat(40))).isPresent();
        assertThat(SessionTokens.weakness("Zq3vJ9pL0xW2mK7sT5yB8nR1cF4hD6gA")).isEmpty();
    }
}

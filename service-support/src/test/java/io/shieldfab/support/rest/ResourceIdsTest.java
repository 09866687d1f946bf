package io.shieldfab.support.rest;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceIdsTest {

    @Test
    void onlyCanonicalLowerCaseUuidsAreResourceIds() {
        assertThat(ResourceIds.isValid(UUID.randomUUID().toString())).isTrue();
        assertThat(ResourceIds.isValid("c57b9ab6-62b1-4082-8e0b-f250d6a73d32")).isTrue();
        assertThat(ResourceIds.isValid("C57B9AB6-62B1-4082-8E0B-F250D6A73D32")).isFalse();
        assertThat(ResourceIds.isValid("c57b9ab6-62b1-4082-8e0b-f250d6a73d3\u0000")).isFalse();
        assertThat(ResourceIds.isValid("../../etc/passwd")).isFalse();
        assertThat(ResourceIds.isValid("c57b9ab662b140828e0bf250d6a73d32")).isFalse();
        assertThat(ResourceIds.isValid("")).isFalse();
        assertThat(ResourceIds.isValid(null)).isFalse();
    }
}

package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the gateway reads of a service's OpenAPI document: the version the bundle's manifest records. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiDescription(Info info) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Info(String version) {
    }

    String version() {
        return info == null || info.version() == null ? "unknown" : info.version();
    }
}

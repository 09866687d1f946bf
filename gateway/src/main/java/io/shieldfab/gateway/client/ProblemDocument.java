package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the gateway reads of a service's RFC 9457 problem: the words it shows on a failed handoff, the rule a
 * design broke, and the violations as the service listed them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemDocument(String title, String detail, String rule, JsonNode violations) {
}

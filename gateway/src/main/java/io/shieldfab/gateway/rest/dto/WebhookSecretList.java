package io.shieldfab.gateway.rest.dto;

import java.util.List;

/** The webhook secrets of the calling API key that still sign, newest first. */
public record WebhookSecretList(List<WebhookSecretView> items) {
}

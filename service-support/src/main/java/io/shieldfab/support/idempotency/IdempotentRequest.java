package io.shieldfab.support.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The {@code Idempotency-Key} of the request being handled, with the request's path and fingerprint, as
 * {@link IdempotencyFilter} found them; empty for a request without a key. The service that creates the artefact
 * reads it through {@link IdempotencyStore#storeWithCreation}, so the resource never handles the key.
 */
@RequestScoped
public class IdempotentRequest {

    private String key;
    private String path;
    private String fingerprint;
    private boolean stored;

    void begin(String key, String path, String fingerprint) {
        this.key = key;
        this.path = path;
        this.fingerprint = fingerprint;
    }

    boolean present() {
        return key != null && fingerprint != null;
    }

    String key() {
        return key;
    }

    String path() {
        return path;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Whether the answer was stored with the creation, so the response filter has nothing left to store. */
    boolean stored() {
        return stored;
    }

    void markStored() {
        stored = true;
    }
}

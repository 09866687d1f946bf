package io.shieldfab.layout.service;

/** An {@code Idempotency-Key} reused with a different design. Mapped to 409. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}

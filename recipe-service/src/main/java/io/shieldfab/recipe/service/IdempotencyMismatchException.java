package io.shieldfab.recipe.service;

/** An {@code Idempotency-Key} sent again with a different request body: 422. */
public class IdempotencyMismatchException extends RuntimeException {

    public IdempotencyMismatchException(String detail) {
        super(detail);
    }
}

package io.shieldfab.recipe.service;

/** A request that conflicts with the recipe's current state (e.g. an illegal lifecycle transition): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}

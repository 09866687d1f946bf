package io.shieldfab.support.idempotency;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link IdempotencyFilter} to a resource class or method: its POSTs honour {@code Idempotency-Key}
 * (docs/api-guide.md §4). Name-bound so that a service without the {@code idempotent_response} table (the gateway,
 * which keeps its own handoff keys) never gets the filter.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {
}

package io.shieldfab.gateway.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the precision both H2 and PostgreSQL store (microseconds), so read-backs compare equal. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

package io.shieldfab.gateway.security;

import java.util.Set;

/**
 * An authenticated API key: whose artefacts a request may see and what it may do
 * (docs/operations.md, "Keys, scopes and names").
 *
 * @param owner  hex SHA-256 of the key: how handoffs, artefacts, idempotency records and rate buckets name their
 *               owner; never the key itself
 * @param name   who acts, as recorded in {@code approvedBy}/{@code releasedBy}: the name given to the key in the
 *               configuration ({@code name=secret}), else {@code key:} and the first 12 hex digits of the owner
 * @param scopes what the key may do
 */
public record Caller(String owner, String name, Set<Scope> scopes) {

    /** The rights a key can have. */
    public enum Scope {
        /** Validate and hand off designs, use the services' APIs, read and change its own artefacts. */
        SUBMIT,
        /** Read, approve and release the recipes of every key (the fab's QA role): keys of {@code approver-keys}. */
        APPROVE
    }

    /** Characters of the owner digest that name an unnamed key: 48 bits, enough to tell keys apart in a record. */
    static final int UNNAMED_PREFIX_HEX = 12;

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    /** The name an unnamed key is recorded under. */
    static String unnamed(String owner) {
        return "key:" + owner.substring(0, UNNAMED_PREFIX_HEX);
    }
}

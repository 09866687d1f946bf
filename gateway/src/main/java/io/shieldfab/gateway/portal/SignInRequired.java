package io.shieldfab.gateway.portal;

/** No valid portal session: the user goes to the sign-in page ({@code expired} when a cookie was there but no longer holds). */
public class SignInRequired extends RuntimeException {

    private final boolean expired;

    public SignInRequired(boolean expired) {
        super(expired ? "session expired or revoked" : "not signed in");
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}

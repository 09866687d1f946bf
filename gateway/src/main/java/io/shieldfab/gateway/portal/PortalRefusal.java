package io.shieldfab.gateway.portal;

/** A portal request refused with a page a person reads (not a problem document). */
public class PortalRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final Long retryAfterSeconds;

    public PortalRefusal(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    /** A refusal that may succeed later; the page is answered with {@code Retry-After}. */
    public PortalRefusal(int status, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until a retry is worthwhile, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}

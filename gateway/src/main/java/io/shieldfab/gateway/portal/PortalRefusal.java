package io.shieldfab.gateway.portal;

/** A portal request refused with a page a person reads (not a problem document). */
public class PortalRefusal extends RuntimeException {

    private final int status;
    private final String title;

    public PortalRefusal(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}

package io.shieldfab.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a callback's host into addresses: the only name lookup a webhook makes, so that the address checked is
 * the address connected to ({@link CallbackTargets}). A bean of its own so that tests can answer for names that
 * do not exist.
 */
@ApplicationScoped
public class HostResolver {

    /** Every address of {@code host} (an IP literal is returned as it is, without a lookup). */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}

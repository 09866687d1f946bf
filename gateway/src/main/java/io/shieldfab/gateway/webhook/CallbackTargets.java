package io.shieldfab.gateway.webhook;

import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides whether a {@code callbackUrl} may be called. Only http(s); no user info; and no address
 * inside our own network unless configuration allows it: loopback, link-local (incl. the cloud
 * metadata address 169.254.169.254), site-local/private (RFC 1918), unique-local IPv6 (fc00::/7),
 * carrier-grade NAT (100.64/10), wildcard and multicast. Checked at submission and again just
 * before each delivery (DNS may have changed), and redirects are never followed.
 */
@ApplicationScoped
public class CallbackTargets {

    private final GatewayConfig.Webhook config;

    public CallbackTargets(GatewayConfig config) {
        this.config = config.webhook();
    }

    /** Empty when the URL may be called; otherwise why not, in words for the client. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return config.allowLoopback() ? Optional.empty() : Optional.of("points to a loopback address, which is not allowed");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("points to a wildcard or multicast address, which is not allowed");
        }
        boolean internal = address.isLinkLocalAddress() || address.isSiteLocalAddress() || uniqueLocal(address) || carrierGradeNat(address);
        if (internal && !config.allowPrivate()) {
            return Optional.of("points to a private or link-local address, which is not allowed");
        }
        return Optional.empty();
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean carrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}

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
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return refusal(embedded.get());
        }
        if (address.isLoopbackAddress()) {
            return config.allowLoopback() ? Optional.empty() : Optional.of("points to a loopback address, which is not allowed");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || thisNetwork(address)) {
            return Optional.of("points to a wildcard or multicast address, which is not allowed");
        }
        boolean internal = address.isLinkLocalAddress() || address.isSiteLocalAddress() || uniqueLocal(address) || carrierGradeNat(address);
        if (internal && !config.allowPrivate()) {
            return Optional.of("points to a private or link-local address, which is not allowed");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv6 address that carries one to an IPv4 host: IPv4-compatible {@code ::a.b.c.d}
     * (RFC 4291 §2.5.5.1), the NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052) and 6to4 {@code 2002::/16}
     * (RFC 3056). Without this, {@code http://[::10.0.0.7]/} or {@code http://[64:ff9b::a9fe:a9fe]/} (169.254.169.254
     * through a NAT64 gateway) would pass as public IPv6. (IPv4-mapped {@code ::ffff:a.b.c.d} Java already
     * returns as the IPv4 address.)
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        byte[] v4;
        if (allZero(b, 0, 12) && !allZero(b, 12, 15)) {
            v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = java.util.Arrays.copyOfRange(b, 2, 6);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** 0.0.0.0/8, "this network" (RFC 1122 §3.2.1.3): Linux connects 0.0.0.0 to the local host. */
    private static boolean thisNetwork(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && b[0] == 0;
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean carrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}

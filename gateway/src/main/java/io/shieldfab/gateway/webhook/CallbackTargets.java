package io.shieldfab.gateway.webhook;

import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.webhook.SpecialPurposeAddresses.Block;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a {@code callbackUrl} may be called, and where to. Only http(s) URLs without user info whose
 * host resolves to globally reachable unicast addresses only: every block of the IANA special-purpose registries
 * that is not globally reachable is refused, IPv4 carried inside IPv6 is checked as IPv4, and IPv6 must lie in
 * 2000::/3 ({@link SpecialPurposeAddresses}; docs/operations.md, "Webhook targets"). Loopback is allowed with
 * {@code allow-loopback}; private-use, shared (carrier-grade NAT), link-local and unique-local with
 * {@code allow-private}.
 *
 * <p>The name is looked up once per check, every address it has must pass, and a delivery connects to the
 * address that passed ({@link Target#address()}) instead of looking the name up again: otherwise a name whose DNS
 * answer changes between the check and the connection (DNS rebinding) would reach an address nobody checked.
 */
@ApplicationScoped
public class CallbackTargets {

    /** What a check found: a target to connect to, or a refusal. */
    public sealed interface Outcome permits Target, Refusal {
    }

    /**
     * Where a webhook goes.
     *
     * @param host    the URL's host as the receiver knows it: sent in {@code Host}, as TLS SNI, and what its
     *                certificate is verified against (an IPv6 literal without brackets)
     * @param port    the URL's port, or the scheme's default
     * @param https   whether the connection is TLS
     * @param path    path and query, never empty
     * @param address the checked address the connection goes to
     */
    public record Target(String host, int port, boolean https, String path, InetAddress address) implements Outcome {

        /** The {@code Host} header: the host (an IPv6 literal in brackets), and the port unless the scheme's. */
        public String authority() {
            String name = host.contains(":") ? "[" + host + "]" : host;
            return port == (https ? 443 : 80) ? name : name + ":" + port;
        }
    }

    /**
     * A URL that is not called.
     *
     * @param reason  for the client, completing "callbackUrl ..."
     * @param lasting false when trying again later may succeed (the name did not resolve just now)
     */
    public record Refusal(String reason, boolean lasting) implements Outcome {
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final HostResolver resolver;

    @Inject
    public CallbackTargets(GatewayConfig config, HostResolver resolver) {
        this(config.webhook().allowLoopback(), config.webhook().allowPrivate(), resolver);
    }

    public CallbackTargets(boolean allowLoopback, boolean allowPrivate, HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Empty when the URL may be called; otherwise why not, in words for the client. */
    public Optional<String> refusal(String url) {
        return resolve(url) instanceof Refusal refusal ? Optional.of(refusal.reason()) : Optional.empty();
    }

    /** Parses the URL, looks its host up once and checks every address: the target to connect to, or why not. */
    public Outcome resolve(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return new Refusal("is not a valid URL", true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refusal("must be an http or https URL", true);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return new Refusal("must name a host", true);
        }
        if (uri.getRawUserInfo() != null) {
            return new Refusal("must not carry credentials", true);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            return new Refusal("names a port outside 1-65535", true);
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new Refusal("names a host that does not resolve", false);
        }
        if (addresses == null || addresses.length == 0) {
            return new Refusal("names a host that does not resolve", false);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                return new Refusal(refusal.get(), true);
            }
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Target(name, port, https, path, addresses[0]);
    }

    /** Empty when a webhook may go to this address; otherwise why not. */
    Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<Block> found = SpecialPurposeAddresses.lookup(bytes);
        if (found.isEmpty()) {
            if (bytes.length == 4 || SpecialPurposeAddresses.GLOBAL_UNICAST.contains(bytes)) {
                return Optional.empty();
            }
            return Optional.of("points to an IPv6 address outside the global unicast range 2000::/3, which is not allowed");
        }
        Block block = found.get();
        return switch (block.kind()) {
            case GLOBAL -> Optional.empty();
            case REFUSED -> Optional.of("points to an address reserved for " + block.name() + " (" + block.reference()
                    + "), which is not allowed");
            case LOOPBACK -> allowLoopback ? Optional.empty() : Optional.of("points to a loopback address, which is not allowed");
            case PRIVATE -> allowPrivate ? Optional.empty() : privateRefusal(block);
            case IPV4_MAPPED, NAT64 -> refusal(ipv4(bytes, 12, false));
            case NAT64_LOCAL -> allowPrivate ? refusal(ipv4(bytes, 12, false)) : privateRefusal(block);
            case SIX_TO_FOUR -> refusal(ipv4(bytes, 2, false));
            case TEREDO -> refusal(ipv4(bytes, 4, false)).or(() -> refusal(ipv4(bytes, 12, true)));
        };
    }

    private static Optional<String> privateRefusal(Block block) {
        return Optional.of("points to a private or link-local address (" + block.name() + ", " + block.reference()
                + "), which is not allowed");
    }

    /** The IPv4 address in 4 bytes of an IPv6 address from {@code from}; Teredo stores the client's inverted. */
    private static InetAddress ipv4(byte[] ipv6, int from, boolean inverted) {
        byte[] v4 = Arrays.copyOfRange(ipv6, from, from + 4);
        if (inverted) {
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~v4[i];
            }
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", impossible);
        }
    }
}

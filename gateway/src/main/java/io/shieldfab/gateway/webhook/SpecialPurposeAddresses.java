package io.shieldfab.gateway.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890, "Globally Reachable" as RFC 8190 defines
 * it), plus the multicast blocks, as webhook targets see them. Every block whose "Globally Reachable" is False (or
 * blank, for a deprecated block) is here; so are the blocks that carry an IPv4 address, which is then checked in
 * its place. The sources and the policy are in docs/operations.md, "Webhook targets".
 *
 * <p>Where the registry marks a single address inside a refused block as globally reachable (the PCP, TURN and
 * DNS-SD SRP anycast addresses 192.0.0.9, 192.0.0.10, 2001:1::1-3) it is not carved out: those anycast addresses
 * are answered by the nearest operator's own server, not by a tenant's receiver. The blocks marked True inside
 * 2001::/23 (AMT, AS112-v6, ORCHIDv2, DETs) are carved out, so they are treated as any global address.
 */
final class SpecialPurposeAddresses {

    /** What a callback to an address in a block may do. */
    enum Kind {
        /** Never called: not globally reachable, or not unicast. */
        REFUSED,
        /** Called only with {@code shieldfab.webhook.allow-loopback}. */
        LOOPBACK,
        /** Called only with {@code shieldfab.webhook.allow-private}: private-use, shared, link-local, unique-local. */
        PRIVATE,
        /** IPv4-mapped {@code ::ffff:a.b.c.d} (RFC 4291 §2.5.5.2): the IPv4 address in the last 32 bits is checked. */
        IPV4_MAPPED,
        /** The NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052 §2.1): the IPv4 address in the last 32 bits. */
        NAT64,
        /**
         * The local-use NAT64 prefix {@code 64:ff9b:1::/48} (RFC 8215): not globally reachable, so only with
         * allow-private, and then the IPv4 address in the last 32 bits (the /96 layout) is checked as well.
         */
        NAT64_LOCAL,
        /** 6to4 {@code 2002::/16} (RFC 3056 §2): the IPv4 address in bits 16-47 is checked. */
        SIX_TO_FOUR,
        /**
         * Teredo {@code 2001::/32} (RFC 4380 §4): the server's IPv4 address (bits 32-63) and the client's (bits
         * 96-127, inverted) are both checked.
         */
        TEREDO,
        /** Globally reachable (the registry says True) inside a block that is not. */
        GLOBAL
    }

    /** One block of a registry, {@code reference} naming the RFC that reserves it. */
    record Block(byte[] prefix, int length, Kind kind, String name, String reference) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = length / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }

        /** The block as written, e.g. {@code 198.18.0.0/15}. */
        String cidr() {
            try {
                InetAddress address = prefix.length == 4 ? InetAddress.getByAddress(prefix)
                        : Inet6Address.getByAddress(null, prefix, -1);
                return address.getHostAddress() + "/" + length;
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public String toString() {
            return cidr() + " " + name + " (" + reference + ")";
        }
    }

    /** The IPv4 registry's blocks that are not globally reachable, and multicast. */
    static final List<Block> IPV4 = List.of(
            block("0.0.0.0/8", Kind.REFUSED, "\"this network\"", "RFC 791"),
            block("10.0.0.0/8", Kind.PRIVATE, "private-use", "RFC 1918"),
            block("100.64.0.0/10", Kind.PRIVATE, "shared address space (carrier-grade NAT)", "RFC 6598"),
            block("127.0.0.0/8", Kind.LOOPBACK, "loopback", "RFC 1122"),
            block("169.254.0.0/16", Kind.PRIVATE, "link-local", "RFC 3927"),
            block("172.16.0.0/12", Kind.PRIVATE, "private-use", "RFC 1918"),
            block("192.0.0.0/24", Kind.REFUSED, "IETF protocol assignments", "RFC 6890"),
            block("192.0.2.0/24", Kind.REFUSED, "documentation (TEST-NET-1)", "RFC 5737"),
            block("192.88.99.0/24", Kind.REFUSED, "deprecated 6to4 relay anycast", "RFC 7526"),
            block("192.168.0.0/16", Kind.PRIVATE, "private-use", "RFC 1918"),
            block("198.18.0.0/15", Kind.REFUSED, "benchmarking", "RFC 2544"),
            block("198.51.100.0/24", Kind.REFUSED, "documentation (TEST-NET-2)", "RFC 5737"),
            block("203.0.113.0/24", Kind.REFUSED, "documentation (TEST-NET-3)", "RFC 5737"),
            block("224.0.0.0/4", Kind.REFUSED, "multicast", "RFC 5771"),
            block("240.0.0.0/4", Kind.REFUSED, "reserved", "RFC 1112"),
            block("255.255.255.255/32", Kind.REFUSED, "limited broadcast", "RFC 919"));

    /**
     * The IPv6 registry's blocks that are not globally reachable or carry IPv4, and multicast. Outside these, only
     * the global unicast range 2000::/3 (RFC 4291 §2.4) may be called.
     */
    static final List<Block> IPV6 = List.of(
            block("::/128", Kind.REFUSED, "unspecified address", "RFC 4291"),
            block("::1/128", Kind.LOOPBACK, "loopback", "RFC 4291"),
            block("::ffff:0:0/96", Kind.IPV4_MAPPED, "IPv4-mapped address", "RFC 4291"),
            block("64:ff9b::/96", Kind.NAT64, "IPv4-IPv6 translation", "RFC 6052"),
            block("64:ff9b:1::/48", Kind.NAT64_LOCAL, "local-use IPv4-IPv6 translation", "RFC 8215"),
            block("100::/64", Kind.REFUSED, "discard-only", "RFC 6666"),
            block("100:0:0:1::/64", Kind.REFUSED, "dummy IPv6 prefix", "RFC 9780"),
            block("2001::/23", Kind.REFUSED, "IETF protocol assignments", "RFC 2928"),
            block("2001::/32", Kind.TEREDO, "Teredo", "RFC 4380"),
            block("2001:2::/48", Kind.REFUSED, "benchmarking", "RFC 5180"),
            block("2001:3::/32", Kind.GLOBAL, "AMT", "RFC 7450"),
            block("2001:4:112::/48", Kind.GLOBAL, "AS112-v6", "RFC 7535"),
            block("2001:10::/28", Kind.REFUSED, "deprecated ORCHID", "RFC 4843"),
            block("2001:20::/28", Kind.GLOBAL, "ORCHIDv2", "RFC 7343"),
            block("2001:30::/28", Kind.GLOBAL, "drone remote ID entity tags", "RFC 9374"),
            block("2001:db8::/32", Kind.REFUSED, "documentation", "RFC 3849"),
            block("2002::/16", Kind.SIX_TO_FOUR, "6to4", "RFC 3056"),
            block("3fff::/20", Kind.REFUSED, "documentation", "RFC 9637"),
            block("5f00::/16", Kind.REFUSED, "segment routing (SRv6) SIDs", "RFC 9602"),
            block("fc00::/7", Kind.PRIVATE, "unique-local", "RFC 4193"),
            block("fe80::/10", Kind.PRIVATE, "link-local", "RFC 4291"),
            block("fec0::/10", Kind.PRIVATE, "deprecated site-local", "RFC 3879"),
            block("ff00::/8", Kind.REFUSED, "multicast", "RFC 4291"));

    /** 2000::/3, the IPv6 global unicast range. */
    static final Block GLOBAL_UNICAST = block("2000::/3", Kind.GLOBAL, "global unicast", "RFC 4291");

    private SpecialPurposeAddresses() {
    }

    /** The most specific block of the registries that holds {@code address} (4 or 16 bytes). */
    static Optional<Block> lookup(byte[] address) {
        Block best = null;
        for (Block block : address.length == 4 ? IPV4 : IPV6) {
            if (block.contains(address) && (best == null || block.length() > best.length())) {
                best = block;
            }
        }
        return Optional.ofNullable(best);
    }

    static Block block(String cidr, Kind kind, String name, String reference) {
        int slash = cidr.indexOf('/');
        String literal = cidr.substring(0, slash);
        byte[] prefix;
        try {
            // a literal, so no name lookup
            prefix = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        if (literal.contains(":") && prefix.length == 4) {
            // Java turns ::ffff:a.b.c.d into the IPv4 address; the block itself is IPv6
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(prefix, 0, mapped, 12, 4);
            prefix = mapped;
        }
        return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind, name, reference);
    }
}

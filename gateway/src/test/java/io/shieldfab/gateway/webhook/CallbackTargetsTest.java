package io.shieldfab.gateway.webhook;

import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries (and multicast), at its first and last
 * address and just outside, under the four settings of allow-loopback and allow-private; then URL handling and
 * that a target is the address that was checked (docs/operations.md, "Webhook targets").
 *
 * <p>The blocks easiest to miss are covered on purpose: 198.18/15, 240/4, 255.255.255.255, 192.0.0/24, the
 * documentation ranges, 2001:db8::/32, 3fff::/20, 5f00::/16, 100::/64, 64:ff9b:1::/48, Teredo with private IPv4
 * and IPv6 outside 2000::/3. {@code resolve} returns the checked addresses so that the HTTP client connects to
 * them instead of looking the name up a second time.
 */
class CallbackTargetsTest {

    /** Which settings let a callback reach an address. */
    enum Expect {
        /** Globally reachable: always. */
        ALLOWED(Setting.values()),
        /** Never. */
        REFUSED(),
        /** Only with allow-loopback. */
        LOOPBACK(Setting.LOOPBACK, Setting.BOTH),
        /** Only with allow-private. */
        PRIVATE(Setting.PRIVATE, Setting.BOTH),
        /** Only with both (a private-only block carrying a loopback address). */
        BOTH(Setting.BOTH);

        final Set<Setting> allowedUnder;

        Expect(Setting... settings) {
            this.allowedUnder = settings.length == 0 ? EnumSet.noneOf(Setting.class) : EnumSet.of(settings[0], settings);
        }
    }

    enum Setting {
        NONE(false, false), LOOPBACK(true, false), PRIVATE(false, true), BOTH(true, true);

        final boolean allowLoopback;
        final boolean allowPrivate;

        Setting(boolean allowLoopback, boolean allowPrivate) {
            this.allowLoopback = allowLoopback;
            this.allowPrivate = allowPrivate;
        }
    }

    /** Address, expectation, and the registry entry it tests. */
    static Stream<Arguments> addresses() {
        List<Arguments> rows = new ArrayList<>();
        // ---- IPv4 Special-Purpose Address Registry
        add(rows, "0.0.0.0/8 this network", Expect.REFUSED, "0.0.0.0", "0.0.0.1", "0.255.255.255");
        add(rows, "below/above 0/8", Expect.ALLOWED, "1.0.0.0");
        add(rows, "10.0.0.0/8 private-use", Expect.PRIVATE, "10.0.0.0", "10.0.0.7", "10.255.255.255");
        add(rows, "around 10/8", Expect.ALLOWED, "9.255.255.255", "11.0.0.0");
        add(rows, "100.64.0.0/10 shared address space", Expect.PRIVATE, "100.64.0.0", "100.127.255.255");
        add(rows, "around 100.64/10", Expect.ALLOWED, "100.63.255.255", "100.128.0.0");
        add(rows, "127.0.0.0/8 loopback", Expect.LOOPBACK, "127.0.0.0", "127.0.0.1", "127.255.255.255");
        add(rows, "around 127/8", Expect.ALLOWED, "126.255.255.255", "128.0.0.0");
        add(rows, "169.254.0.0/16 link local", Expect.PRIVATE, "169.254.0.0", "169.254.169.254", "169.254.255.255");
        add(rows, "around 169.254/16", Expect.ALLOWED, "169.253.255.255", "169.255.0.0");
        add(rows, "172.16.0.0/12 private-use", Expect.PRIVATE, "172.16.0.0", "172.31.255.255");
        add(rows, "around 172.16/12", Expect.ALLOWED, "172.15.255.255", "172.32.0.0");
        add(rows, "192.0.0.0/24 IETF protocol assignments (incl. /29, .8, .9, .10, .170, .171)", Expect.REFUSED,
                "192.0.0.0", "192.0.0.7", "192.0.0.8", "192.0.0.9", "192.0.0.10", "192.0.0.170", "192.0.0.171",
                "192.0.0.255");
        add(rows, "around 192.0.0/24", Expect.ALLOWED, "191.255.255.255", "192.0.1.0");
        add(rows, "192.0.2.0/24 TEST-NET-1", Expect.REFUSED, "192.0.2.0", "192.0.2.255");
        add(rows, "around 192.0.2/24", Expect.ALLOWED, "192.0.1.255", "192.0.3.0");
        add(rows, "globally reachable: AS112-v4, AMT, AS112 direct delegation", Expect.ALLOWED,
                "192.31.196.1", "192.52.193.1", "192.175.48.1");
        add(rows, "192.88.99.0/24 deprecated 6to4 relay anycast (incl. 6a44 192.88.99.2)", Expect.REFUSED,
                "192.88.99.0", "192.88.99.2", "192.88.99.255");
        add(rows, "around 192.88.99/24", Expect.ALLOWED, "192.88.98.255", "192.88.100.0");
        add(rows, "192.168.0.0/16 private-use", Expect.PRIVATE, "192.168.0.0", "192.168.255.255");
        add(rows, "around 192.168/16", Expect.ALLOWED, "192.167.255.255", "192.169.0.0");
        add(rows, "198.18.0.0/15 benchmarking", Expect.REFUSED, "198.18.0.0", "198.19.255.255");
        add(rows, "around 198.18/15", Expect.ALLOWED, "198.17.255.255", "198.20.0.0");
        add(rows, "198.51.100.0/24 TEST-NET-2", Expect.REFUSED, "198.51.100.0", "198.51.100.255");
        add(rows, "around 198.51.100/24", Expect.ALLOWED, "198.51.99.255", "198.51.101.0");
        add(rows, "203.0.113.0/24 TEST-NET-3", Expect.REFUSED, "203.0.113.0", "203.0.113.255");
        add(rows, "around 203.0.113/24", Expect.ALLOWED, "203.0.112.255", "203.0.114.0");
        add(rows, "224.0.0.0/4 multicast", Expect.REFUSED, "224.0.0.0", "224.0.0.1", "239.255.255.255");
        add(rows, "below 224/4", Expect.ALLOWED, "223.255.255.255");
        add(rows, "240.0.0.0/4 reserved, 255.255.255.255 limited broadcast", Expect.REFUSED,
                "240.0.0.0", "255.255.255.254", "255.255.255.255");
        add(rows, "public IPv4", Expect.ALLOWED, "8.8.8.8", "93.184.215.14", "1.1.1.1");
        // ---- IPv6 Special-Purpose Address Registry
        add(rows, "::/128 unspecified", Expect.REFUSED, "::");
        add(rows, "::1/128 loopback", Expect.LOOPBACK, "::1");
        add(rows, "IPv4-compatible (deprecated), outside 2000::/3", Expect.REFUSED, "::2", "::7f00:1", "::a00:7", "::808:808");
        add(rows, "::ffff:0:0/96 IPv4-mapped, checked as IPv4", Expect.LOOPBACK, "::ffff:127.0.0.1");
        add(rows, "::ffff:0:0/96 IPv4-mapped, private", Expect.PRIVATE, "::ffff:10.0.0.1", "::ffff:169.254.169.254");
        add(rows, "::ffff:0:0/96 IPv4-mapped, refused IPv4", Expect.REFUSED, "::ffff:0.0.0.0", "::ffff:198.18.0.1",
                "::ffff:255.255.255.255");
        add(rows, "::ffff:0:0/96 IPv4-mapped, public", Expect.ALLOWED, "::ffff:8.8.8.8");
        add(rows, "64:ff9b::/96 NAT64, checked as IPv4", Expect.LOOPBACK, "64:ff9b::7f00:1");
        add(rows, "64:ff9b::/96 NAT64, private", Expect.PRIVATE, "64:ff9b::a9fe:a9fe", "64:ff9b::a00:1");
        add(rows, "64:ff9b::/96 NAT64, refused IPv4", Expect.REFUSED, "64:ff9b::", "64:ff9b::c000:201",
                "64:ff9b::ffff:ffff");
        add(rows, "64:ff9b::/96 NAT64, public", Expect.ALLOWED, "64:ff9b::808:808");
        add(rows, "64:ff9b:1::/48 local-use NAT64: private, then its IPv4", Expect.PRIVATE, "64:ff9b:1::808:808",
                "64:ff9b:1:ffff::808:808");
        add(rows, "64:ff9b:1::/48 local-use NAT64 carrying loopback", Expect.BOTH, "64:ff9b:1::7f00:1");
        add(rows, "64:ff9b:1::/48 local-use NAT64 carrying a refused IPv4", Expect.REFUSED, "64:ff9b:1::c000:201");
        add(rows, "100::/64 discard-only, 100:0:0:1::/64 dummy", Expect.REFUSED, "100::", "100::ffff:ffff:ffff:ffff",
                "100:0:0:1::", "100:0:0:1:ffff:ffff:ffff:ffff");
        add(rows, "2001::/23 IETF protocol assignments (incl. PCP, TURN, SRP anycast)", Expect.REFUSED,
                "2001:1::1", "2001:1::2", "2001:1::3", "2001:40::1", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff");
        add(rows, "2001::/32 Teredo: server 0.0.0.0", Expect.REFUSED, "2001::", "2001::1");
        add(rows, "2001::/32 Teredo: server 8.8.8.8, client 1.1.1.1", Expect.ALLOWED, "2001:0:808:808::fefe:fefe");
        add(rows, "2001::/32 Teredo: client 127.0.0.1", Expect.LOOPBACK, "2001:0:808:808::80ff:fffe");
        add(rows, "2001::/32 Teredo: client 10.0.0.1", Expect.PRIVATE, "2001:0:808:808::f5ff:fffe");
        add(rows, "2001::/32 Teredo: server 192.168.0.1", Expect.PRIVATE, "2001:0:c0a8:1::fefe:fefe");
        add(rows, "2001::/32 Teredo: client 192.0.2.45 (RFC 4380 example)", Expect.REFUSED,
                "2001:0:4136:e378:8000:63bf:3fff:fdd2");
        add(rows, "2001:2::/48 benchmarking", Expect.REFUSED, "2001:2::", "2001:2:0:ffff:ffff:ffff:ffff:ffff");
        add(rows, "2001:10::/28 deprecated ORCHID", Expect.REFUSED, "2001:10::1", "2001:1f:ffff::1");
        add(rows, "globally reachable in 2001::/23: AMT, AS112-v6, ORCHIDv2, DETs", Expect.ALLOWED,
                "2001:3::1", "2001:3:ffff::1", "2001:4:112::1", "2001:20::1", "2001:2f:ffff::1", "2001:30::1",
                "2001:3f:ffff::1");
        add(rows, "2001:db8::/32 documentation", Expect.REFUSED, "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
        add(rows, "around 2001:db8::/32 and 2001::/23", Expect.ALLOWED, "2001:db7:ffff::1", "2001:db9::1", "2001:200::1");
        add(rows, "2002::/16 6to4: 8.8.8.8", Expect.ALLOWED, "2002:808:808::1");
        add(rows, "2002::/16 6to4: 127.0.0.1", Expect.LOOPBACK, "2002:7f00:1::1");
        add(rows, "2002::/16 6to4: private", Expect.PRIVATE, "2002:a00:7::1", "2002:a9fe:a9fe::1", "2002:c0a8:101::1");
        add(rows, "2002::/16 6to4: refused IPv4", Expect.REFUSED, "2002::1", "2002:c000:201::1", "2002:e000:1::1");
        add(rows, "2620:4f:8000::/48 AS112 direct delegation", Expect.ALLOWED, "2620:4f:8000::1");
        add(rows, "3fff::/20 documentation", Expect.REFUSED, "3fff::", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff");
        add(rows, "above 3fff::/20, still 2000::/3", Expect.ALLOWED, "3fff:1000::1", "2000::", "2000::1");
        add(rows, "outside 2000::/3", Expect.REFUSED, "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "4000::1",
                "8000::1", "e000::1");
        add(rows, "5f00::/16 SRv6 SIDs", Expect.REFUSED, "5f00::", "5f00:ffff::1");
        add(rows, "fc00::/7 unique-local", Expect.PRIVATE, "fc00::", "fc00::1", "fd12:3456::1",
                "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        add(rows, "fe80::/10 link-local, fec0::/10 deprecated site-local", Expect.PRIVATE, "fe80::", "fe80::1",
                "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fec0::1");
        add(rows, "ff00::/8 multicast", Expect.REFUSED, "ff00::", "ff02::1", "ff0e::1",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
        add(rows, "public IPv6", Expect.ALLOWED, "2606:4700:4700::1111", "2a00:1450:4001::1");
        return rows.stream();
    }

    private static void add(List<Arguments> rows, String entry, Expect expect, String... addresses) {
        for (String address : addresses) {
            rows.add(Arguments.of(address, expect, entry));
        }
    }

    /**
     * An IPv6 literal as an {@link Inet6Address} even in its IPv4-mapped form (which {@link InetAddress#getByName}
     * turns into the IPv4 address), so that the IPv6 path of the check is the one tested.
     */
    static InetAddress address(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        if (!literal.contains(":") || parsed instanceof Inet6Address) {
            return parsed;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
        return Inet6Address.getByAddress(null, mapped, -1);
    }

    @ParameterizedTest(name = "{0} ({2}) is {1}")
    @MethodSource("addresses")
    void everySpecialPurposeBlockAtItsEdges(String literal, Expect expect, String entry) throws UnknownHostException {
        InetAddress address = address(literal);
        for (Setting setting : Setting.values()) {
            CallbackTargets targets = new CallbackTargets(setting.allowLoopback, setting.allowPrivate, new HostResolver());
            boolean allowed = targets.refusal(address).isEmpty();
            assertThat(allowed).as("%s (%s) with %s: %s", literal, entry, setting, targets.refusal(address))
                    .isEqualTo(expect.allowedUnder.contains(setting));
        }
    }

    @Test
    void refusalsNameTheBlockButNeverTheAddress() throws UnknownHostException {
        CallbackTargets strict = new CallbackTargets(false, false, new HostResolver());
        assertThat(strict.refusal(address("198.18.0.1"))).hasValue(
                "points to an address reserved for benchmarking (RFC 2544), which is not allowed");
        assertThat(strict.refusal(address("10.0.0.7"))).hasValue(
                "points to a private or link-local address (private-use, RFC 1918), which is not allowed");
        assertThat(strict.refusal(address("::ffff:127.0.0.1"))).hasValue("points to a loopback address, which is not allowed");
        assertThat(strict.refusal(address("4000::1"))).hasValue(
                "points to an IPv6 address outside the global unicast range 2000::/3, which is not allowed");
    }

    /** Answers names from a fixed table, counting the lookups; other names do not resolve. */
    static final class TableResolver extends HostResolver {
        final Map<String, List<InetAddress[]>> answers;
        int lookups;

        TableResolver(Map<String, List<InetAddress[]>> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return super.resolve(host); // an IP literal: no lookup
            }
            List<InetAddress[]> sequence = answers.get(host);
            if (sequence == null) {
                throw new UnknownHostException(host);
            }
            // the n-th lookup gets the n-th answer, the last one from then on
            return sequence.get(Math.min(lookups++, sequence.size() - 1));
        }
    }

    static InetAddress[] ips(String... literals) throws UnknownHostException {
        InetAddress[] result = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            result[i] = InetAddress.getByName(literals[i]);
        }
        return result;
    }

    @Test
    void everyAddressOfANameMustPass() throws UnknownHostException {
        TableResolver resolver = new TableResolver(Map.of(
                "mixed.example", List.<InetAddress[]>of(ips("93.184.215.14", "10.0.0.7")),
                "public.example", List.<InetAddress[]>of(ips("93.184.215.14", "2606:4700:4700::1111"))));
        CallbackTargets targets = new CallbackTargets(false, false, resolver);
        assertThat(targets.resolve("https://mixed.example/hook")).isInstanceOf(CallbackTargets.Refusal.class);
        assertThat(targets.resolve("https://public.example/hook")).isInstanceOf(CallbackTargets.Target.class);
        CallbackTargets.Outcome missing = targets.resolve("https://missing.example/hook");
        assertThat(missing).isEqualTo(new CallbackTargets.Refusal("names a host that does not resolve", false));
    }

    @Test
    void urlsThatAreNotPlainHttpAreRefusedWithoutALookup() {
        TableResolver resolver = new TableResolver(Map.of());
        CallbackTargets targets = new CallbackTargets(true, true, resolver);
        for (String url : List.of("ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "http:///hook",
                "//example.org/hook", "http://user:pass@example.org/", "http://[::1/hook", "not a url",
                "http://example.org:0/", "http://example.org:70000/")) {
            assertThat(targets.resolve(url)).as(url).isInstanceOf(CallbackTargets.Refusal.class);
        }
        assertThat(resolver.lookups).isZero();
    }

    @Test
    void aTargetKeepsTheNameAndTheCheckedAddress() throws UnknownHostException {
        TableResolver resolver = new TableResolver(Map.of("hooks.example", List.<InetAddress[]>of(ips("93.184.215.14"))));
        CallbackTargets targets = new CallbackTargets(false, false, resolver);
        assertThat(targets.resolve("https://hooks.example/a/b%20c?x=1&y=2#frag")).isEqualTo(new CallbackTargets.Target(
                "hooks.example", 443, true, "/a/b%20c?x=1&y=2", InetAddress.getByName("93.184.215.14")));
        assertThat(targets.resolve("http://hooks.example:8080")).isEqualTo(new CallbackTargets.Target(
                "hooks.example", 8080, false, "/", InetAddress.getByName("93.184.215.14")));
        CallbackTargets.Target literal = (CallbackTargets.Target) targets.resolve("http://[2606:4700:4700::1111]/h");
        assertThat(literal).isEqualTo(new CallbackTargets.Target(
                "2606:4700:4700::1111", 80, false, "/h", InetAddress.getByName("2606:4700:4700::1111")));
        assertThat(literal.authority()).isEqualTo("[2606:4700:4700::1111]");
        assertThat(((CallbackTargets.Target) targets.resolve("https://[2606:4700:4700::1111]:8443/")).authority())
                .isEqualTo("[2606:4700:4700::1111]:8443");
        assertThat(((CallbackTargets.Target) targets.resolve("https://hooks.example/")).authority()).isEqualTo("hooks.example");
    }

    /**
     * DNS rebinding: the name answers a public address when checked and 127.0.0.1 afterwards. The delivery looks
     * the name up once and its request goes to the checked address, with the name kept for Host and TLS; nothing
     * looks the name up a second time.
     */
    @Test
    void theRequestGoesToTheCheckedAddressNotToASecondLookup() throws UnknownHostException {
        TableResolver resolver = new TableResolver(Map.of("rebind.example",
                List.of(ips("93.184.215.14"), ips("127.0.0.1"))));
        CallbackTargets targets = new CallbackTargets(false, false, resolver);
        CallbackTargets.Target target = (CallbackTargets.Target) targets.resolve("https://rebind.example:8443/hook?t=1");

        RequestOptions request = WebhookSender.request(target, Duration.ofSeconds(10));

        assertThat(resolver.lookups).isEqualTo(1);
        assertThat(request.getServer().host()).isEqualTo("93.184.215.14");
        assertThat(request.getServer().port()).isEqualTo(8443);
        assertThat(request.getHost()).isEqualTo("rebind.example");
        assertThat(request.getHeaders().get("Host")).isEqualTo("rebind.example:8443");
        assertThat(request.getPort()).isEqualTo(8443);
        assertThat(request.isSsl()).isTrue();
        assertThat(request.getURI()).isEqualTo("/hook?t=1");
        assertThat(request.getFollowRedirects()).isFalse();
        // the next check (the next attempt) sees the new answer and refuses it
        assertThat(targets.resolve("https://rebind.example:8443/hook?t=1")).isInstanceOf(CallbackTargets.Refusal.class);
    }
}

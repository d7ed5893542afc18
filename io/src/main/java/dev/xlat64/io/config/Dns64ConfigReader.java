package dev.xlat64.io.config;

import java.util.Locale;
import java.util.Set;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.dns.ClientAddressSet;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.PtrMode;
import dev.xlat64.dns.SocketAddresses;

/**
 * Reads the {@code dns64:} section of the configuration file into a {@link Dns64Config.Builder}.
 * <pre>
 * dns64:
 *   listen: ["127.0.0.1:53", "[::1]:53"]      # UDP and TCP; default port 53
 *   upstreams: ["198.51.100.53"]               # required; tried in order, failover on timeout
 *   prefixes: ["2001:db8:64::/96"]             # default 64:ff9b::/96 (RFC 6147 §5.2)
 *   allow-non-global: false                    # let 64:ff9b::/96 carry non-global IPv4 (against RFC 6052 §3.1)
 *   upstream-timeout-ms: 1000
 *   upstream-attempts: 2                       # sends per question in total, across upstreams
 *   upstream-max-outstanding: 4096             # questions in flight per thread; more get SERVFAIL at once
 *   exclude-aaaa: ["2001:db8:bad::/48"]        # added to ::ffff:0:0/96 (RFC 6147 §5.1.4)
 *   exclude-a: ["10.0.0.0/8"]                  # A records in these ranges are not mapped
 *   allow-clients: ["127.0.0.0/8", "::1"]      # the ACL (default loopback only); others get REFUSED
 *   dns64-clients: ["2001:db8:1::/64"]         # default all allowed clients; others get plain answers
 *   ptr: synthesize                            # synthesize | cname | off (RFC 6147 §5.3.1)
 *   ipv4only-arpa: true                        # answer ipv4only.arpa locally (RFC 8880)
 *   ipv4only-arpa-ttl: 86400
 *   cache-entries: 65536                       # per thread
 *   cache-max-ttl: 86400
 *   cache-max-negative-ttl: 3600
 *   edns-payload: 1232
 *   threads: 1
 *   tcp-idle-timeout-ms: 10000
 *   tcp-max-connections: 256                   # per thread
 * </pre>
 */
public final class Dns64ConfigReader
{
    public static final String SECTION = "dns64";
    static final Set<String> KEYS = Set.of("listen", "upstreams", "prefixes", "allow-non-global", "upstream-timeout-ms",
        "upstream-attempts", "upstream-max-outstanding", "exclude-aaaa", "exclude-a", "allow-clients", "dns64-clients", "ptr", "ipv4only-arpa",
        "ipv4only-arpa-ttl", "cache-entries", "cache-max-ttl", "cache-max-negative-ttl", "edns-payload", "threads",
        "tcp-idle-timeout-ms", "tcp-max-connections");

    private Dns64ConfigReader()
    {
    }

    /**
     * @param root the top level of the configuration file.
     * @return a builder with the section's settings (empty defaults when the section is absent), for command-line
     *     flags to add to before {@link Dns64Config.Builder#build()}.
     * @throws ConfigException naming the file, line, key, value and what was expected.
     */
    public static Dns64Config.Builder read(final ConfigNode root)
    {
        final Dns64Config.Builder builder = Dns64Config.builder();
        if (!root.has(SECTION))
        {
            return builder;
        }
        final ConfigNode dns64 = root.child(SECTION).rejectUnknownKeys(KEYS);
        final boolean allowNonGlobal = dns64.bool("allow-non-global", false);
        dns64.parsedList("listen", text -> SocketAddresses.parse(text, 53), "an address with optional port, e.g. [::1]:53")
            .forEach(builder::listen);
        dns64.parsedList("upstreams", text -> SocketAddresses.parse(text, 53), "an IP address with optional port")
            .forEach(builder::upstream);
        dns64.parsedList("prefixes", text -> Rfc6052Prefix.parse(text, allowNonGlobal),
            "an RFC 6052 prefix of length 32, 40, 48, 56, 64 or 96").forEach(builder::prefix);
        dns64.parsedList("exclude-aaaa", Ipv6Prefix::parse, "an IPv6 prefix").forEach(builder::excludeIpv6);
        dns64.parsedList("exclude-a", Ipv4Prefix::parse, "an IPv4 prefix").forEach(builder::excludeIpv4);
        if (dns64.has("allow-clients"))
        {
            builder.allowedClients(ClientAddressSet.of(dns64.parsedList("allow-clients", Dns64ConfigReader::prefix,
                "an IPv4 or IPv6 prefix")));
        }
        if (dns64.has("dns64-clients"))
        {
            builder.dns64Clients(ClientAddressSet.of(dns64.parsedList("dns64-clients", Dns64ConfigReader::prefix,
                "an IPv4 or IPv6 prefix")));
        }
        builder.ptrMode(PtrMode.valueOf(dns64.oneOf("ptr", "synthesize", "synthesize", "cname", "off").toUpperCase(Locale.ROOT)));
        builder.ipv4OnlyArpa(dns64.bool("ipv4only-arpa", true));
        builder.ipv4OnlyArpaTtl(dns64.integer("ipv4only-arpa-ttl", 0, 604_800, 86_400));
        builder.upstreamTimeoutMs(dns64.integer("upstream-timeout-ms", 10, 60_000, 1000));
        if (dns64.has("upstream-attempts"))
        {
            builder.upstreamAttempts(dns64.integer("upstream-attempts", 1, 16));
        }
        builder.upstreamMaxOutstanding(dns64.integer("upstream-max-outstanding", 1, 32_768, 4096));
        builder.cacheEntries(dns64.integer("cache-entries", 0, 1 << 24, 65_536));
        builder.cacheMaxTtl(dns64.integer("cache-max-ttl", 0, 604_800, 86_400));
        builder.cacheMaxNegativeTtl(dns64.integer("cache-max-negative-ttl", 0, 86_400, 3600));
        builder.ednsPayload(dns64.integer("edns-payload", 512, 4096, 1232));
        builder.threads(dns64.integer("threads", 1, 64, 1));
        builder.tcpIdleTimeoutMs(dns64.integer("tcp-idle-timeout-ms", 100, 600_000, 10_000));
        builder.tcpMaxConnections(dns64.integer("tcp-max-connections", 1, 65_536, 256));
        return builder;
    }

    /** A client prefix: IPv4 or IPv6, a bare address meaning one host; parsed here so errors name the key. */
    static String prefix(final String text)
    {
        if (text.indexOf(':') >= 0)
        {
            Ipv6Prefix.parse(text);
        }
        else
        {
            Ipv4Prefix.parse(text);
        }
        return text;
    }
}

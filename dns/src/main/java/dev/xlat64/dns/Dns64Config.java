package dev.xlat64.dns;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;

/**
 * Immutable DNS64 settings, built by {@link #builder()}. Defaults follow RFC 6147 and common resolvers:
 * the Well-Known Prefix when no prefix is given (§5.2), ::ffff:0:0/96 always excluded (§5.1.4), loopback
 * clients only (never an open resolver), 1232-byte EDNS payload (DNS flag day 2020).
 */
public final class Dns64Config
{
    /** RFC 6147 §5.1.4: IPv4-mapped addresses are never handed to IPv6-only clients. */
    public static final Ipv6Prefix IPV4_MAPPED = Ipv6Prefix.parse("::ffff:0:0/96");

    private final List<Rfc6052Prefix> prefixes;
    private final List<InetSocketAddress> upstreams;
    private final int upstreamTimeoutMs;
    private final int upstreamAttempts;
    private final int upstreamMaxOutstanding;
    private final List<Ipv6Prefix> excludedIpv6;
    private final List<Ipv4Prefix> excludedIpv4;
    private final ClientAddressSet allowedClients;
    private final ClientAddressSet dns64Clients;
    private final PtrMode ptrMode;
    private final boolean ipv4OnlyArpa;
    private final int ipv4OnlyArpaTtl;
    private final int cacheEntries;
    private final int cacheMaxTtl;
    private final int cacheMaxNegativeTtl;
    private final int ednsPayload;
    private final List<InetSocketAddress> listen;
    private final int threads;
    private final int tcpIdleTimeoutMs;
    private final int tcpMaxConnections;

    private Dns64Config(final Builder b)
    {
        prefixes = List.copyOf(b.prefixes.isEmpty() ? List.of(Rfc6052Prefix.parse("64:ff9b::/96")) : b.prefixes);
        upstreams = List.copyOf(b.upstreams);
        upstreamTimeoutMs = b.upstreamTimeoutMs;
        upstreamAttempts = b.upstreamAttempts > 0 ? b.upstreamAttempts : Math.max(2, upstreams.size());
        upstreamMaxOutstanding = b.upstreamMaxOutstanding;
        final List<Ipv6Prefix> excluded = new ArrayList<>();
        excluded.add(IPV4_MAPPED);
        for (final Ipv6Prefix p : b.excludedIpv6)
        {
            if (!excluded.contains(p))
            {
                excluded.add(p);
            }
        }
        excludedIpv6 = List.copyOf(excluded);
        excludedIpv4 = List.copyOf(b.excludedIpv4);
        allowedClients = b.allowedClients;
        dns64Clients = b.dns64Clients;
        ptrMode = b.ptrMode;
        ipv4OnlyArpa = b.ipv4OnlyArpa;
        ipv4OnlyArpaTtl = b.ipv4OnlyArpaTtl;
        cacheEntries = b.cacheEntries;
        cacheMaxTtl = b.cacheMaxTtl;
        cacheMaxNegativeTtl = b.cacheMaxNegativeTtl;
        ednsPayload = b.ednsPayload;
        listen = List.copyOf(b.listen);
        threads = b.threads;
        tcpIdleTimeoutMs = b.tcpIdleTimeoutMs;
        tcpMaxConnections = b.tcpMaxConnections;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** @return the synthesis prefixes; AAAA records are synthesized under each, in order. */
    public List<Rfc6052Prefix> prefixes()
    {
        return prefixes;
    }

    public List<InetSocketAddress> upstreams()
    {
        return upstreams;
    }

    public int upstreamTimeoutMs()
    {
        return upstreamTimeoutMs;
    }

    /** @return how many sends one upstream question gets in total, across upstreams, before SERVFAIL. */
    public int upstreamAttempts()
    {
        return upstreamAttempts;
    }

    /** @return upstream questions in flight per thread at most; more are answered SERVFAIL at once. */
    public int upstreamMaxOutstanding()
    {
        return upstreamMaxOutstanding;
    }

    /** @return AAAA ranges treated as absent (RFC 6147 §5.1.4); ::ffff:0:0/96 first. */
    public List<Ipv6Prefix> excludedIpv6()
    {
        return excludedIpv6;
    }

    /** @return IPv4 ranges whose A records are not mapped into AAAA records. */
    public List<Ipv4Prefix> excludedIpv4()
    {
        return excludedIpv4;
    }

    /** @return the ACL: only these clients are answered (others get REFUSED). */
    public ClientAddressSet allowedClients()
    {
        return allowedClients;
    }

    /** @return the clients that get DNS64; other allowed clients get plain answers. */
    public ClientAddressSet dns64Clients()
    {
        return dns64Clients;
    }

    public PtrMode ptrMode()
    {
        return ptrMode;
    }

    /** @return true to answer ipv4only.arpa locally (RFC 8880 §7.2). */
    public boolean ipv4OnlyArpa()
    {
        return ipv4OnlyArpa;
    }

    public int ipv4OnlyArpaTtl()
    {
        return ipv4OnlyArpaTtl;
    }

    public int cacheEntries()
    {
        return cacheEntries;
    }

    public int cacheMaxTtl()
    {
        return cacheMaxTtl;
    }

    public int cacheMaxNegativeTtl()
    {
        return cacheMaxNegativeTtl;
    }

    /** @return the UDP payload size advertised upstream and to clients (RFC 6891). */
    public int ednsPayload()
    {
        return ednsPayload;
    }

    /** @return the addresses the standalone server listens on (UDP and TCP). */
    public List<InetSocketAddress> listen()
    {
        return listen;
    }

    public int threads()
    {
        return threads;
    }

    public int tcpIdleTimeoutMs()
    {
        return tcpIdleTimeoutMs;
    }

    public int tcpMaxConnections()
    {
        return tcpMaxConnections;
    }

    @Override
    public String toString()
    {
        return "dns64{prefixes=" + prefixes + ", upstreams=" + upstreams + ", timeoutMs=" + upstreamTimeoutMs +
            ", attempts=" + upstreamAttempts + ", excludeAaaa=" + excludedIpv6 + ", excludeA=" + excludedIpv4 +
            ", allow=" + allowedClients + ", dns64Clients=" + dns64Clients + ", ptr=" + ptrMode + ", listen=" + listen +
            ", threads=" + threads + ", cacheEntries=" + cacheEntries + "}";
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder
    {
        private final List<Rfc6052Prefix> prefixes = new ArrayList<>();
        private final List<InetSocketAddress> upstreams = new ArrayList<>();
        private int upstreamTimeoutMs = 1000;
        private int upstreamAttempts = 0;
        private int upstreamMaxOutstanding = 4096;
        private final List<Ipv6Prefix> excludedIpv6 = new ArrayList<>();
        private final List<Ipv4Prefix> excludedIpv4 = new ArrayList<>();
        private ClientAddressSet allowedClients = ClientAddressSet.loopback();
        private ClientAddressSet dns64Clients = ClientAddressSet.any();
        private PtrMode ptrMode = PtrMode.SYNTHESIZE;
        private boolean ipv4OnlyArpa = true;
        private int ipv4OnlyArpaTtl = 86400;
        private int cacheEntries = 65536;
        private int cacheMaxTtl = 86400;
        private int cacheMaxNegativeTtl = 3600;
        private int ednsPayload = 1232;
        private final List<InetSocketAddress> listen = new ArrayList<>();
        private int threads = 1;
        private int tcpIdleTimeoutMs = 10_000;
        private int tcpMaxConnections = 256;

        public Builder prefix(final Rfc6052Prefix prefix)
        {
            prefixes.add(prefix);
            return this;
        }

        public Builder prefix(final String prefix)
        {
            return prefix(Rfc6052Prefix.parse(prefix));
        }

        public Builder upstream(final InetSocketAddress upstream)
        {
            upstreams.add(upstream);
            return this;
        }

        public Builder upstreamTimeoutMs(final int value)
        {
            upstreamTimeoutMs = range("upstream-timeout-ms", value, 10, 60_000);
            return this;
        }

        public Builder upstreamAttempts(final int value)
        {
            upstreamAttempts = range("upstream-attempts", value, 1, 16);
            return this;
        }

        public Builder upstreamMaxOutstanding(final int value)
        {
            upstreamMaxOutstanding = range("upstream-max-outstanding", value, 1, 32_768);
            return this;
        }

        public Builder excludeIpv6(final Ipv6Prefix prefix)
        {
            excludedIpv6.add(prefix);
            return this;
        }

        public Builder excludeIpv4(final Ipv4Prefix prefix)
        {
            excludedIpv4.add(prefix);
            return this;
        }

        public Builder allowedClients(final ClientAddressSet set)
        {
            allowedClients = set;
            return this;
        }

        public Builder dns64Clients(final ClientAddressSet set)
        {
            dns64Clients = set;
            return this;
        }

        public Builder ptrMode(final PtrMode mode)
        {
            ptrMode = mode;
            return this;
        }

        public Builder ipv4OnlyArpa(final boolean enabled)
        {
            ipv4OnlyArpa = enabled;
            return this;
        }

        public Builder ipv4OnlyArpaTtl(final int seconds)
        {
            ipv4OnlyArpaTtl = range("ipv4only-arpa-ttl", seconds, 0, 604_800);
            return this;
        }

        public Builder cacheEntries(final int value)
        {
            cacheEntries = range("cache-entries", value, 0, 1 << 24);
            return this;
        }

        public Builder cacheMaxTtl(final int seconds)
        {
            cacheMaxTtl = range("cache-max-ttl", seconds, 0, 604_800);
            return this;
        }

        public Builder cacheMaxNegativeTtl(final int seconds)
        {
            cacheMaxNegativeTtl = range("cache-max-negative-ttl", seconds, 0, 86_400);
            return this;
        }

        public Builder ednsPayload(final int bytes)
        {
            ednsPayload = range("edns-payload", bytes, 512, 4096);
            return this;
        }

        public Builder listen(final InetSocketAddress address)
        {
            listen.add(address);
            return this;
        }

        public Builder threads(final int value)
        {
            threads = range("threads", value, 1, 64);
            return this;
        }

        public Builder tcpIdleTimeoutMs(final int value)
        {
            tcpIdleTimeoutMs = range("tcp-idle-timeout-ms", value, 100, 600_000);
            return this;
        }

        public Builder tcpMaxConnections(final int value)
        {
            tcpMaxConnections = range("tcp-max-connections", value, 1, 65_536);
            return this;
        }

        /**
         * @return the settings.
         * @throws IllegalArgumentException if no upstream is set.
         */
        public Dns64Config build()
        {
            if (upstreams.isEmpty())
            {
                throw new IllegalArgumentException("dns64: at least one upstream resolver is required (upstreams)");
            }
            return new Dns64Config(this);
        }

        private static int range(final String key, final int value, final int min, final int max)
        {
            if (value < min || value > max)
            {
                throw new IllegalArgumentException(
                    "dns64." + key + ": " + value + " is out of range, expected " + min + " to " + max);
            }
            return value;
        }
    }
}

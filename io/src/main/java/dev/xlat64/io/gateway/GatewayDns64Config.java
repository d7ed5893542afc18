package dev.xlat64.io.gateway;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.colocated.DnsReplyWriter;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.Dns64ConfigReader;

/**
 * The {@code dns64:} section read for {@code xlat64 run}: the DNS64 server colocated in the gateway, answering
 * UDP queries to the gateway's own addresses through the packet pipeline. Same keys as for {@code xlat64 dns64}
 * ({@link Dns64ConfigReader}), with these differences:
 * <ul>
 *   <li>{@code prefixes} defaults to the translator's {@code pool6} (so the two always agree), else 64:ff9b::/96;</li>
 *   <li>{@code listen} defaults to {@code gateway.ipv6-address} and {@code gateway.ipv4-address}, port 53; each
 *       listen address must be an address of the gateway's namespace (its kernel answers ARP/NDP for it and
 *       keeps quiet about the queries, see {@link GatewayDns64});</li>
 *   <li>{@code allow-clients} is required: the colocated server answers the network, not loopback;</li>
 *   <li>{@code threads} can only be 1 (one agent; scale with the standalone server);</li>
 *   <li>{@code edns-payload} must fit one packet on every side it answers on (the translator's ipv6-mtu and
 *       ipv4-mtu): an answer is never fragmented;</li>
 *   <li>TCP/53 to the gateway goes through its kernel to a listening socket the same agent serves
 *       ({@code tcp-idle-timeout-ms}, {@code tcp-max-connections} apply).</li>
 * </ul>
 *
 * @param dns the resolver settings.
 * @param listen the endpoints served through the pipeline.
 * @param ownAddresses the gateway's own addresses (packets to them are left to the kernel, not translated).
 * @param mtuBytes the largest packet per family ordinal (answers larger are never sent).
 * @param namespace the network namespace the DNS64's kernel sockets (upstream, quiet listeners) are opened in;
 *     null for the process's own, as with {@code xlat64 run} started inside the gateway's namespace.
 */
public record GatewayDns64Config(
    Dns64Config dns, List<InetSocketAddress> listen, List<InetAddress> ownAddresses, int[] mtuBytes, String namespace)
{
    /** @return the same settings with the kernel sockets opened in {@code namespaceName} (tests, the bench). */
    public GatewayDns64Config inNamespace(final String namespaceName)
    {
        return new GatewayDns64Config(dns, listen, ownAddresses, mtuBytes, namespaceName);
    }

    /**
     * @return the settings, or null when the file has no {@code dns64:} section.
     * @throws dev.xlat64.io.config.ConfigException naming the key, the value and what was expected.
     */
    public static GatewayDns64Config read(final ConfigNode root, final GatewayConfig gateway, final TranslatorConfig translator)
    {
        if (!root.has(Dns64ConfigReader.SECTION))
        {
            return null;
        }
        final ConfigNode section = root.child(Dns64ConfigReader.SECTION);
        final Dns64Config.Builder builder = Dns64ConfigReader.read(root);
        if (!section.has("prefixes") && translator.pool6() != null)
        {
            // The translator and the DNS64 must agree on the prefix: pool6 unless told otherwise.
            builder.prefix(translator.pool6());
        }
        final List<InetAddress> own = new ArrayList<>();
        if (gateway.ipv6Address() != null)
        {
            own.add(literal(gateway.ipv6Address().toString()));
        }
        if (gateway.ipv4Address() != null)
        {
            own.add(literal(Ipv4Address.format(gateway.ipv4Address())));
        }
        if (!section.has("listen"))
        {
            if (own.isEmpty())
            {
                throw section.invalid("listen", "(missing)", "the gateway's DNS addresses: without gateway.ipv6-address " +
                    "and gateway.ipv4-address there is no default");
            }
            own.forEach(address -> builder.listen(new InetSocketAddress(address, 53)));
        }
        if (!section.has("allow-clients"))
        {
            throw section.invalid("allow-clients", "(missing)", "the client prefixes the gateway's DNS64 answers, e.g. " +
                "[\"2001:db8:1::/64\"]: with xlat64 run it serves the network, and the default (loopback) reaches nobody");
        }
        if (section.has("threads") && section.integer("threads", 1, 64) != 1)
        {
            throw section.invalid("threads", section.string("threads"),
                "1 with xlat64 run (one DNS64 agent in the gateway; the standalone xlat64 dns64 scales over threads)");
        }
        final Dns64Config dns;
        try
        {
            dns = builder.build();
        }
        catch (final IllegalArgumentException ex)
        {
            throw section.invalid("upstreams", "(missing)", "at least one upstream resolver, e.g. [\"198.51.100.53\"]");
        }
        final int[] mtu = new int[Family.values().length];
        mtu[Family.IPV6.ordinal()] = translator.ipv6MtuBytes();
        mtu[Family.IPV4.ordinal()] = translator.ipv4MtuBytes();
        for (final InetSocketAddress endpoint : dns.listen())
        {
            final boolean ipv6 = endpoint.getAddress() instanceof Inet6Address;
            final int fits = mtu[(ipv6 ? Family.IPV6 : Family.IPV4).ordinal()] -
                (ipv6 ? DnsReplyWriter.IPV6_OVERHEAD : DnsReplyWriter.IPV4_OVERHEAD);
            if (dns.ednsPayload() > fits)
            {
                throw section.invalid("edns-payload", Integer.toString(dns.ednsPayload()), "at most " + fits +
                    ": an answer must fit one packet on the " + (ipv6 ? "IPv6 side (ipv6-mtu " : "IPv4 side (ipv4-mtu ") +
                    mtu[(ipv6 ? Family.IPV6 : Family.IPV4).ordinal()] + ")");
            }
        }
        return new GatewayDns64Config(dns, dns.listen(), List.copyOf(own), mtu, null);
    }

    private static InetAddress literal(final String text)
    {
        try
        {
            return InetAddress.getByName(text); // an address literal: never a DNS lookup
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(ex);
        }
    }
}

package dev.xlat64.core.rfc7915;

import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT6;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER4;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER6;
import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.tcp;
import static dev.xlat64.core.rfc7915.TestPackets.udp;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertBytes;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertIpv4Equals;
import static org.junit.jupiter.api.Assertions.assertEquals;


import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;

/**
 * The address mapping step is replaceable: a toy stateful mapper (one IPv4 address 203.0.113.77, source port
 * 40000 becomes 61000 and back, as an RFC 6146 BIB would) drives the same header, checksum and ICMP steps.
 */
class AddressMapperTest
{
    private static final int POOL4 = Ipv4Address.parse("203.0.113.77");

    /** Maps every IPv6 source to POOL4:61000 and the server by pool6; the reverse for replies. */
    static final class ToyNat64 implements AddressMapper
    {
        private final SiitAddressMapper pool6;

        ToyNat64(final TranslatorConfig config)
        {
            pool6 = new SiitAddressMapper(config);
        }

        @Override
        public DropReason map6to4(final MappedAddresses a)
        {
            final DropReason reason = pool6.map6to4(a);
            a.source4 = POOL4;
            if (a.sourcePort == 40000)
            {
                a.sourcePort = 61000;
            }
            return reason;
        }

        @Override
        public DropReason mapInner6to4(final MappedAddresses a)
        {
            return pool6.mapInner6to4(a);
        }

        @Override
        public DropReason map4to6(final MappedAddresses a)
        {
            if (a.destination4 != POOL4)
            {
                return DropReason.UNTRANSLATABLE_DESTINATION_4TO6;
            }
            a.destination4 = Ipv4Address.parse("203.0.113.2"); // the EAM form of the client
            final DropReason reason = pool6.map4to6(a);
            if (a.destinationPort == 61000)
            {
                a.destinationPort = 40000;
            }
            return reason;
        }

        @Override
        public DropReason mapInner4to6(final MappedAddresses a)
        {
            return pool6.mapInner4to6(a);
        }
    }

    private final TranslatorHarness harness = harness();

    private static TranslatorHarness harness()
    {
        final TranslatorConfig config = GoldenConfig.builder().build();
        final CountersManager manager = CounterSet.inMemoryManager(512);
        return new TranslatorHarness(new Translator(config, new TranslatorCounters(manager, "nat64"), new ToyNat64(config)));
    }

    @Test
    void shouldRewritePortsAndChecksumsWithAnotherMapper()
    {
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(udp(40000, 53, bytes(20, 1))));
        assertIpv4Equals(ipv4("203.0.113.77", SERVER4).ttl(63).carrying(udp(61000, 53, bytes(20, 1))),
            harness.emitted.get(0).bytes(), true);

        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(tcp(40000, 80, 0x02, bytes(0, 1))));
        assertIpv4Equals(ipv4("203.0.113.77", SERVER4).ttl(63).carrying(tcp(61000, 80, 0x02, bytes(0, 1))),
            harness.emitted.get(0).bytes(), true);

        harness.run(Side.IPV4, ipv4(SERVER4, "203.0.113.77").carrying(udp(53, 61000, bytes(20, 2))));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(53, 40000, bytes(20, 2))),
            harness.emitted.get(0).bytes());
    }

    @Test
    void shouldRewriteEchoIdentifierWithAnotherMapper()
    {
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 128, 0, 40000 << 16 | 7, bytes(8, 1))));
        assertIpv4Equals(ipv4("203.0.113.77", SERVER4).ttl(63).carrying(icmp(1, 8, 0, 61000 << 16 | 7, bytes(8, 1))),
            harness.emitted.get(0).bytes(), true);
        assertEquals(Verdict.TRANSLATED, harness.verdict);

        harness.run(Side.IPV4, ipv4(SERVER4, "203.0.113.77").carrying(icmp(1, 0, 0, 61000 << 16 | 7, bytes(8, 1))));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 129, 0, 40000 << 16 | 7, bytes(8, 1))),
            harness.emitted.get(0).bytes());
    }
}

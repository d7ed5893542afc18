package dev.xlat64.core.testing;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6ExtensionHeaders;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.TcpHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The golden packets were computed by an independent script (Python struct + RFC 1071 sum), not by this builder.
 */
class PacketBuilderTest
{
    private static final String A4 = "198.51.100.10";
    private static final String B4 = "203.0.113.5";
    private static final String A6 = "2001:db8:1::2";
    private static final String B6 = "2001:db8:64::c633:640a";
    private static final byte[] ABCD = "abcd".getBytes(StandardCharsets.US_ASCII);

    private static final String UDP6 =
        "60000000000c114020010db800010000000000000000000220010db80064000000000000c633640a9c400035000c188361626364";

    @Test
    void shouldBuildIpv4UdpWithLengthsAndChecksums()
    {
        assertEquals("45000020123440004011c255c633640acb0071059c400035000c385661626364",
            Hex.of(PacketBuilder.ipv4(A4, B4).identification(0x1234).dontFragment(true).udp(40000, 53).payload(ABCD).build()));
    }

    @Test
    void shouldBuildIpv6UdpWithLengthsAndChecksums()
    {
        assertEquals(UDP6, Hex.of(PacketBuilder.ipv6(A6, B6).udp(40000, 53).payload(ABCD).build()));
    }

    @Test
    void shouldBuildEchoRequestsForEachVersion()
    {
        assertEquals("45000020000000004001149ac633640acb0071050800190d1a2b000161626364",
            Hex.of(PacketBuilder.ipv4(A4, B4).icmpEchoRequest(0x1A2B, 1).payload(ABCD).build()));
        assertEquals("6b812345000c3aff20010db800010000000000000000000220010db80064000000000000c633640a" +
            "80001aaf1a2b000161626364",
            Hex.of(PacketBuilder.ipv6(A6, B6).trafficClass(0xB8).flowLabel(0x12345).hopLimit(255)
                .icmpEchoRequest(0x1A2B, 1).payload(ABCD).build()));
    }

    @Test
    void shouldBuildTcpWithOptionsAndFlags()
    {
        assertEquals("4500002c000000003f061589c633640acb00710504d2005089abcdef000000006002721063150000020405b4",
            Hex.of(PacketBuilder.ipv4(A4, B4).ttl(63).tcp(1234, 80).sequenceNumber(0x89ABCDEFL)
                .tcpFlags(TcpHeader.SYN).window(29200).tcpOptions(bytes("020405b4")).build()));
        assertEquals("600000000019064020010db800010000000000000000000220010db80064000000000000c633640a" +
            "04d2005000000001fedcba98501802009eb20000474554202f",
            Hex.of(PacketBuilder.ipv6(A6, B6).tcp(1234, 80).sequenceNumber(1).acknowledgmentNumber(0xFEDCBA98L)
                .tcpFlags(TcpHeader.PSH | TcpHeader.ACK).window(512).payload("GET /".getBytes(StandardCharsets.US_ASCII))
                .build()));
    }

    @Test
    void shouldBuildIcmpv6ErrorQuotingAnotherPacket()
    {
        final byte[] invoking = PacketBuilder.ipv6(A6, B6).udp(40000, 53).payload(ABCD).build();
        assertEquals("60000000003c3a4020010db800010000000000000000000120010db800010000000000000000000202002be300000500" +
            UDP6,
            Hex.of(PacketBuilder.ipv6("2001:db8:1::1", A6).icmpError(Icmpv6Header.TYPE_PACKET_TOO_BIG, 0, 1280, invoking)
                .build()));
    }

    @Test
    void shouldChainExtensionHeadersBeforeTheUpperLayer()
    {
        final byte[] packet = PacketBuilder.ipv6(A6, B6).hopByHop().fragment(0, false, 0x0A0B0C0D)
            .udp(40000, 53).payload(ABCD).build();
        assertEquals("60000000001c004020010db800010000000000000000000220010db80064000000000000c633640a" +
            "2c00010400000000" + "110000000a0b0c0d" + "9c400035000c188361626364", Hex.of(packet));

        final Ipv6ExtensionHeaders walker = new Ipv6ExtensionHeaders();
        assertEquals(HeaderFault.NONE, walker.walk(new UnsafeBuffer(packet), 0, packet.length));
        assertEquals(IpProtocol.UDP, walker.upperLayerProtocol());
        assertEquals(56, walker.upperLayerOffset());
        assertEquals(48, walker.fragmentHeaderOffset());
    }

    @Test
    void shouldPadOptionsAndRoutingHeadersToEightBytes()
    {
        final byte[] packet = PacketBuilder.ipv6(A6, B6)
            .destinationOptions(bytes("c2 04 00010000"))      // jumbo-payload-shaped option, 6 bytes: 8 in all, no pad
            .hopByHop(bytes("05 02 0000 01"))                  // router alert + a stray byte: 7 + Pad1
            .routing(4, 2, bytes("01020304 05060708 090a"))   // 14 bytes: padded to 16
            .upperLayer(IpProtocol.NO_NEXT_HEADER, new byte[0]).build();
        assertEquals("3c", Hex.of(packet).substring(12, 14), "IPv6 next header is Destination Options");
        assertEquals("00 00 c204 00010000".replace(" ", ""), Hex.of(packet).substring(80, 96));
        assertEquals("2b 00 0502 0000 01 00".replace(" ", ""), Hex.of(packet).substring(96, 112));
        assertEquals("3b 01 04 02 01020304 05060708 090a 0000".replace(" ", ""), Hex.of(packet).substring(112, 144));
        assertEquals(32, new Ipv6Header().wrap(new UnsafeBuffer(packet), 0).payloadLength());
    }

    @Test
    void shouldWriteOverridesForMalformedPackets()
    {
        final Ipv4Header ipv4 = new Ipv4Header().wrap(new UnsafeBuffer(
            PacketBuilder.ipv4(A4, B4).totalLength(1000).udp(1, 2).build()), 0);
        assertEquals(1000, ipv4.totalLength());
        assertEquals(HeaderFault.TOTAL_LENGTH_EXCEEDS_PACKET, ipv4.validate(28));

        final byte[] badIhl = PacketBuilder.ipv4(A4, B4).ihl(4).udp(1, 2).build();
        assertEquals(HeaderFault.BAD_IHL, new Ipv4Header().wrap(new UnsafeBuffer(badIhl), 0).validate(badIhl.length));

        final byte[] zeroChecksum = PacketBuilder.ipv4(A4, B4).udp(1, 2).checksum(0).payload(ABCD).build();
        assertEquals("0000", Hex.of(zeroChecksum).substring(52, 56));

        final byte[] lyingUdp = PacketBuilder.ipv6(A6, B6).udp(1, 2).udpLength(100).build();
        assertEquals("0064", Hex.of(lyingUdp).substring(88, 92));

        final byte[] lyingIpv6 = PacketBuilder.ipv6(A6, B6).payloadLength(9).udp(1, 2).build();
        assertEquals(HeaderFault.PAYLOAD_LENGTH_EXCEEDS_PACKET,
            new Ipv6Header().wrap(new UnsafeBuffer(lyingIpv6), 0).validate(lyingIpv6.length));

        final byte[] endless = PacketBuilder.ipv6(A6, B6).extension(IpProtocol.DESTINATION_OPTIONS, bytes("00ff000000000000"))
            .upperLayer(IpProtocol.UDP, new byte[0]).build();
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED,
            new Ipv6ExtensionHeaders().walk(new UnsafeBuffer(endless), 0, endless.length));

        final byte[] badHeaderChecksum = PacketBuilder.ipv4(A4, B4).headerChecksum(0xBEEF).protocol(253).udp(1, 2).build();
        assertEquals("fdbeef", Hex.of(badHeaderChecksum).substring(18, 24));
    }

    @Test
    void shouldSendComputedZeroUdpChecksumAsAllOnes()
    {
        // Find a payload whose UDP checksum comes out as zero: the sum of everything else must be 0xFFFF.
        final byte[] base = PacketBuilder.ipv4(A4, B4).udp(1, 2).payload(new byte[2]).checksum(0).build();
        final int rest = InternetChecksum.add(
            InternetChecksum.ipv4PseudoHeaderSum(0xC633640A, 0xCB007105, IpProtocol.UDP, 10),
            InternetChecksum.sum(new UnsafeBuffer(base), 20, 10));
        final int word = InternetChecksum.finish(rest); // adding it makes the sum 0xFFFF, so the checksum is 0
        final byte[] packet = PacketBuilder.ipv4(A4, B4).udp(1, 2).payload(new byte[] {(byte)(word >>> 8), (byte)word})
            .build();
        assertEquals("ffff", Hex.of(packet).substring(52, 56));
    }

    @Test
    void shouldSplitIpv4DatagramIntoFragmentsOfMultiplesOfEight()
    {
        final Ipv4PacketBuilder builder = PacketBuilder.ipv4(A4, B4).identification(0x4242).udp(40000, 53).payload(3000);
        final byte[] whole = builder.build();
        final List<byte[]> fragments = builder.fragments(1483);
        assertEquals(3, fragments.size());

        final int[] offsets = {0, 185, 370};
        final int[] lengths = {20 + 1480, 20 + 1480, 20 + 3008 - 2960};
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++)
        {
            final byte[] fragment = fragments.get(i);
            final Ipv4Header header = new Ipv4Header().wrap(new UnsafeBuffer(fragment), 0);
            assertEquals(HeaderFault.NONE, header.validate(fragment.length));
            assertEquals(lengths[i], fragment.length);
            assertEquals(lengths[i], header.totalLength());
            assertEquals(offsets[i], header.fragmentOffset());
            assertEquals(i < 2, header.moreFragments());
            assertEquals(0x4242, header.identification());
            assertEquals(IpProtocol.UDP, header.protocol());
            assertEquals(header.headerChecksum(), InternetChecksum.ipv4HeaderChecksum(header.buffer(), 0, 20));
            data.writeBytes(Arrays.copyOfRange(fragment, 20, fragment.length));
        }
        assertEquals(Hex.of(Arrays.copyOfRange(whole, 20, whole.length)), Hex.of(data.toByteArray()));
    }

    @Test
    void shouldCopyOnlyCopiedOptionsIntoLaterIpv4Fragments()
    {
        // Record Route (7, not copied) and a Loose Source Route (131, copied), 3 + 7 bytes + padding.
        final List<byte[]> fragments = PacketBuilder.ipv4(A4, B4).options(bytes("070304 8307 04 c6336401"))
            .udp(1, 2).payload(16).fragments(16);
        assertEquals(2, fragments.size());
        assertEquals("48", Hex.of(fragments.get(0)).substring(0, 2));
        assertEquals("070304830704c63364010000", Hex.of(fragments.get(0)).substring(40, 64));
        assertEquals("47", Hex.of(fragments.get(1)).substring(0, 2));
        assertEquals("830704c633640100", Hex.of(fragments.get(1)).substring(40, 56));
    }

    @Test
    void shouldSplitIpv6DatagramWithFragmentHeaders()
    {
        final Ipv6PacketBuilder builder = PacketBuilder.ipv6(A6, B6).hopByHop().identification(0xCAFE)
            .icmpEchoRequest(7, 9).payload(2000);
        final byte[] whole = builder.build();
        final List<byte[]> fragments = builder.fragments(1232);
        assertEquals(2, fragments.size());

        final Ipv6ExtensionHeaders walker = new Ipv6ExtensionHeaders();
        final FragmentHeader fragmentHeader = new FragmentHeader();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final int[] dataLengths = {1232, 2008 - 1232};
        for (int i = 0; i < 2; i++)
        {
            final byte[] fragment = fragments.get(i);
            final UnsafeBuffer buffer = new UnsafeBuffer(fragment);
            final Ipv6Header header = new Ipv6Header().wrap(buffer, 0);
            assertEquals(HeaderFault.NONE, header.validate(fragment.length));
            assertEquals(IpProtocol.HOPOPT, header.nextHeader());
            assertEquals(8 + 8 + dataLengths[i], header.payloadLength());
            assertEquals(HeaderFault.NONE, walker.walk(buffer, 0, fragment.length));
            assertEquals(48, walker.fragmentHeaderOffset());
            assertEquals(IpProtocol.ICMPV6, walker.upperLayerProtocol());
            fragmentHeader.wrap(buffer, 48);
            assertEquals(i * 1232 / 8, fragmentHeader.fragmentOffset());
            assertEquals(i == 0, fragmentHeader.moreFragments());
            assertEquals(0xCAFE, fragmentHeader.identification());
            data.writeBytes(Arrays.copyOfRange(fragment, 56, fragment.length));
        }
        assertEquals(Hex.of(Arrays.copyOfRange(whole, 48, whole.length)), Hex.of(data.toByteArray()));
    }

    @Test
    void shouldWriteIntoABufferAtAnOffset()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[200]);
        final int length = PacketBuilder.ipv6(A6, B6).udp(40000, 53).payload(ABCD).writeTo(buffer, 64);
        assertEquals(52, length);
        assertEquals(UDP6, Hex.of(buffer, 64, length));
        assertEquals(0, buffer.getByte(63));
    }

    @Test
    void shouldRefuseImpossibleFragmentSizes()
    {
        assertThrows(IllegalArgumentException.class, () -> PacketBuilder.ipv4(A4, B4).udp(1, 2).fragments(7));
        assertThrows(IllegalStateException.class,
            () -> PacketBuilder.ipv4(A4, B4).moreFragments(true).udp(1, 2).fragments(8));
        assertEquals(1, PacketBuilder.ipv6(A6, B6).udp(1, 2).fragments(8).size(), "an 8-byte UDP header fits one");
    }
}

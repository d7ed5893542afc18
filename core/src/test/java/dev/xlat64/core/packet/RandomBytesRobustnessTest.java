package dev.xlat64.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Random and half-structured bytes never make a validator or the extension-header walker throw, and never make them
 * read past the bytes they were given: each buffer ends exactly where the available bytes end, and Agrona's bounds
 * checks turn any over-read into an exception. Seeded, so a failure repeats.
 */
class RandomBytesRobustnessTest
{
    private static final int ROUNDS = 20_000;
    private static final int[] NEXT_HEADERS = {
        IpProtocol.HOPOPT, IpProtocol.ROUTING, IpProtocol.FRAGMENT, IpProtocol.DESTINATION_OPTIONS,
        IpProtocol.TCP, IpProtocol.UDP, IpProtocol.ICMPV6, IpProtocol.NO_NEXT_HEADER };

    private final Ipv4Header ipv4 = new Ipv4Header();
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final Ipv6ExtensionHeaders walker = new Ipv6ExtensionHeaders();
    private final UdpHeader udp = new UdpHeader();
    private final TcpHeader tcp = new TcpHeader();
    private final IcmpHeader icmp = new IcmpHeader();
    private final Icmpv6Header icmpv6 = new Icmpv6Header();
    private final EthernetHeader ethernet = new EthernetHeader();
    private final ArpPacket arp = new ArpPacket();
    private final NeighborSolicitation solicitation = new NeighborSolicitation();
    private final NeighborAdvertisement advertisement = new NeighborAdvertisement();

    @Test
    void shouldNeverThrowOnRandomBytes()
    {
        final Random random = new Random(0x5EED_0001L);
        for (int round = 0; round < ROUNDS; round++)
        {
            final int offset = random.nextInt(8);
            final int available = random.nextInt(round % 10 == 0 ? 2000 : 90);
            final byte[] bytes = new byte[offset + available];
            random.nextBytes(bytes);
            if (random.nextBoolean() && available > 0)
            {
                bytes[offset] = (byte)((bytes[offset] & 0x0F) | (random.nextBoolean() ? 0x40 : 0x60));
            }
            checkAll(new UnsafeBuffer(bytes), offset, available);
        }
    }

    @Test
    void shouldNeverThrowOnRandomExtensionChains()
    {
        final Random random = new Random(0x5EED_0002L);
        for (int round = 0; round < ROUNDS; round++)
        {
            final int offset = random.nextInt(8);
            final int available = 40 + random.nextInt(200);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[offset + available]);
            final byte[] noise = new byte[available];
            random.nextBytes(noise);
            buffer.putBytes(offset, noise);
            ipv6.wrap(buffer, offset).version(6).payloadLength(available - 40 + random.nextInt(17) - 8)
                .nextHeader(NEXT_HEADERS[random.nextInt(NEXT_HEADERS.length)]);
            // Lay out plausible headers with small lengths and chained next-header values, then let the walker loose.
            int position = offset + 40;
            while (position + 2 <= offset + available)
            {
                buffer.putByte(position, (byte)NEXT_HEADERS[random.nextInt(NEXT_HEADERS.length)]);
                final int units = random.nextInt(4);
                buffer.putByte(position + 1, (byte)units);
                position += (units + 1) * 8;
            }
            checkAll(buffer, offset, available);
        }
    }

    private void checkAll(final UnsafeBuffer buffer, final int offset, final int available)
    {
        if (ipv4.wrap(buffer, offset).validate(available) == HeaderFault.NONE)
        {
            assertEquals(4, ipv4.version());
            assertTrue(ipv4.headerLength() >= 20 && ipv4.headerLength() <= ipv4.totalLength());
            assertTrue(ipv4.totalLength() <= available);
            ipv4.hasUnexpiredSourceRoute();
        }

        if (ipv6.wrap(buffer, offset).validate(available) == HeaderFault.NONE)
        {
            assertTrue(40 + ipv6.payloadLength() <= available);
        }

        final HeaderFault walked = walker.walk(buffer, offset, available);
        if (walked == HeaderFault.NONE)
        {
            final int end = offset + Math.min(available, 40 + ipv6.wrap(buffer, offset).payloadLength());
            assertTrue(walker.upperLayerOffset() >= offset + 40 && walker.upperLayerOffset() <= end,
                () -> "upper layer at " + walker.upperLayerOffset() + " outside [" + (offset + 40) + ", " + end + "]");
            assertEquals(walker.upperLayerOffset() - offset - 40, walker.extensionBytes());
            assertTrue(walker.headerCount() <= Ipv6ExtensionHeaders.MAX_EXTENSION_HEADERS);
            assertTrue(walker.upperLayerProtocol() >= 0 && walker.upperLayerProtocol() <= 255);
            if (walker.fragmentHeaderOffset() >= 0)
            {
                assertTrue(walker.fragmentHeaderOffset() + 8 <= walker.upperLayerOffset());
            }
            if (walker.routingHeaderOffset() >= 0)
            {
                assertTrue(walker.routingHeaderOffset() + 8 <= walker.upperLayerOffset());
            }
        }

        udp.wrap(buffer, offset).validate(available);
        if (tcp.wrap(buffer, offset).validate(available) == HeaderFault.NONE)
        {
            assertTrue(tcp.headerLength() <= available);
        }
        icmp.wrap(buffer, offset).validate(available);
        icmpv6.wrap(buffer, offset).validate(available);
        ethernet.wrap(buffer, offset).validate(available);
        arp.wrap(buffer, offset).validate(available);
        solicitation.wrap(buffer, offset).validate(available);
        advertisement.wrap(buffer, offset).validate(available);
        NdpOptions.find(buffer, offset, available, NdpOptions.SOURCE_LINK_LAYER_ADDRESS);
    }
}

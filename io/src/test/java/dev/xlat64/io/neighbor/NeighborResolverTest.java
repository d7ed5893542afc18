package dev.xlat64.io.neighbor;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.MacAddress;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The resolver's frames, states and timers against a recording sender and a hand-driven clock. */
class NeighborResolverTest
{
    static final long OWN_MAC = 0x02_00_00_00_00_01L;
    static final long PEER_MAC = 0x02_00_00_00_00_02L;
    static final long OTHER_MAC = 0x02_00_00_00_00_03L;
    static final int OWN_IPV4 = 0xC6_33_64_01; // 198.51.100.1
    static final int PEER_IPV4 = 0xC6_33_64_0A; // 198.51.100.10
    static final long NET_HIGH = 0x2001_0db8_0001_0000L; // 2001:db8:1::/64
    static final long OWN_LOW = 1;
    static final long PEER_LOW = 2;
    static final long MS = 1_000_000L;
    private static final HexFormat HEX = HexFormat.of();

    final List<byte[]> sent = new ArrayList<>();
    boolean refuse;
    final FrameSender sender = (buffer, offset, length) ->
    {
        if (refuse)
        {
            return false;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        sent.add(copy);
        return true;
    };
    final NeighborConfig config = new NeighborConfig().capacity(16).retransmitTimeMs(1000).reachableTimeMs(30_000)
        .garbageCollectionTimeMs(60_000);
    NeighborResolver resolver = new NeighborResolver(sender, OWN_MAC, OWN_IPV4, NET_HIGH, OWN_LOW, config,
        NeighborCounters.standalone("test"));

    long count(final NeighborCounter counter)
    {
        return resolver.counters().get(counter);
    }

    static UnsafeBuffer arp(final int operation, final long senderMac, final int senderIp, final long targetMac,
        final int targetIp)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
        ethernet(frame, senderMac, 0x0806);
        frame.putShort(14, (short)1, ByteOrder.BIG_ENDIAN);
        frame.putShort(16, (short)0x0800, ByteOrder.BIG_ENDIAN);
        frame.putByte(18, (byte)6);
        frame.putByte(19, (byte)4);
        frame.putShort(20, (short)operation, ByteOrder.BIG_ENDIAN);
        MacAddress.put(frame, 22, senderMac);
        frame.putInt(28, senderIp, ByteOrder.BIG_ENDIAN);
        MacAddress.put(frame, 32, targetMac);
        frame.putInt(38, targetIp, ByteOrder.BIG_ENDIAN);
        return frame;
    }

    /** An NA from the peer to us for {@code targetLow}; option 2 with {@code mac} unless mac is -1. */
    static UnsafeBuffer advertisement(final long targetLow, final int flags, final long mac, final int hopLimit)
    {
        final int icmpLength = mac < 0 ? 24 : 32;
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[14 + 40 + icmpLength]);
        ethernet(frame, PEER_MAC, 0x86DD);
        ipv6(frame, icmpLength, hopLimit, NET_HIGH, PEER_LOW, NET_HIGH, OWN_LOW);
        frame.putByte(54, (byte)136);
        frame.putInt(58, flags, ByteOrder.BIG_ENDIAN);
        frame.putLong(62, NET_HIGH, ByteOrder.BIG_ENDIAN);
        frame.putLong(70, targetLow, ByteOrder.BIG_ENDIAN);
        if (mac >= 0)
        {
            frame.putByte(78, (byte)2);
            frame.putByte(79, (byte)1);
            MacAddress.put(frame, 80, mac);
        }
        frame.putShort(56, (short)icmpv6Checksum(frame, icmpLength), ByteOrder.BIG_ENDIAN);
        return frame;
    }

    static void ethernet(final MutableDirectBuffer frame, final long source, final int etherType)
    {
        MacAddress.put(frame, 0, OWN_MAC);
        MacAddress.put(frame, 6, source);
        frame.putShort(12, (short)etherType, ByteOrder.BIG_ENDIAN);
    }

    /** RFC 4443 §2.3 over the frame's IPv6 pseudo-header and ICMPv6 message as they stand. */
    static int icmpv6Checksum(final UnsafeBuffer frame, final int icmpLength)
    {
        return InternetChecksum.finish(InternetChecksum.add(
            InternetChecksum.ipv6PseudoHeaderSum(frame.getLong(22, ByteOrder.BIG_ENDIAN),
                frame.getLong(30, ByteOrder.BIG_ENDIAN), frame.getLong(38, ByteOrder.BIG_ENDIAN),
                frame.getLong(46, ByteOrder.BIG_ENDIAN), 58, icmpLength),
            InternetChecksum.sum(frame, 54, icmpLength)));
    }

    static void ipv6(final MutableDirectBuffer frame, final int payloadLength, final int hopLimit, final long srcHigh,
        final long srcLow, final long dstHigh, final long dstLow)
    {
        frame.putInt(14, 0x6000_0000, ByteOrder.BIG_ENDIAN);
        frame.putShort(18, (short)payloadLength, ByteOrder.BIG_ENDIAN);
        frame.putByte(20, (byte)58);
        frame.putByte(21, (byte)hopLimit);
        frame.putLong(22, srcHigh, ByteOrder.BIG_ENDIAN);
        frame.putLong(30, srcLow, ByteOrder.BIG_ENDIAN);
        frame.putLong(38, dstHigh, ByteOrder.BIG_ENDIAN);
        frame.putLong(46, dstLow, ByteOrder.BIG_ENDIAN);
    }

    boolean feed(final UnsafeBuffer frame, final long nowNs)
    {
        return resolver.onFrame(frame, 0, frame.capacity(), nowNs);
    }

    @Test
    void shouldBroadcastArpRequestForNewIpv4NextHop()
    {
        assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv4(PEER_IPV4, 0));
        assertEquals(1, sent.size());
        assertEquals(
            "ffffffffffff" + "020000000001" + "0806" +
            "0001" + "0800" + "06" + "04" + "0001" +
            "020000000001" + "c6336401" + "000000000000" + "c633640a" +
            "000000000000000000000000000000000000", // padding to 60 bytes
            HEX.formatHex(sent.get(0)));
        assertEquals(NeighborState.INCOMPLETE, resolver.stateIpv4(PEER_IPV4));
        assertEquals(1, count(NeighborCounter.ARP_REQUESTS_SENT));
        assertEquals(1, count(NeighborCounter.UNRESOLVED));
    }

    @Test
    void shouldMulticastNeighborSolicitationToSolicitedNodeAddress()
    {
        assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv6(NET_HIGH, PEER_LOW, 0));
        assertEquals(
            "3333ff000002" + "020000000001" + "86dd" +
            "60000000" + "0020" + "3a" + "ff" +
            "20010db8000100000000000000000001" + "ff0200000000000000000001ff000002" +
            "87" + "00" + "1c25" + "00000000" + "20010db8000100000000000000000002" +
            "01" + "01" + "020000000001",
            HEX.formatHex(sent.get(0)));
        assertEquals(1, count(NeighborCounter.NEIGHBOR_SOLICITATIONS_SENT));
    }

    @Test
    void shouldComputeAdvertisementChecksumLikeRfc4443()
    {
        // 0x8a6e computed independently (Python) for this NA: S|O, target 2001:db8:1::2, TLLA 02:00:00:00:00:02.
        final UnsafeBuffer na = advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 255);
        assertEquals(0x8a6e, na.getShort(56, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        assertEquals(0, icmpv6Checksum(na, 32));
    }

    @Test
    void shouldLearnFromArpReplyAndReturnMacUntilReachableTimeEnds()
    {
        resolver.resolveIpv4(PEER_IPV4, 0);
        assertTrue(feed(arp(2, PEER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4), 5 * MS));
        assertEquals(NeighborState.REACHABLE, resolver.stateIpv4(PEER_IPV4));
        assertEquals(PEER_MAC, resolver.resolveIpv4(PEER_IPV4, 10 * MS));
        assertEquals(1, count(NeighborCounter.ARP_LEARNED));
        assertEquals(1, sent.size());

        // After reachable time the address stays in use while a unicast probe goes to it.
        assertEquals(PEER_MAC, resolver.resolveIpv4(PEER_IPV4, 30_006 * MS));
        assertEquals(NeighborState.PROBE, resolver.stateIpv4(PEER_IPV4));
        assertEquals(2, sent.size());
        assertEquals("020000000002", HEX.formatHex(sent.get(1), 0, 6));
        assertTrue(feed(arp(2, PEER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4), 30_007 * MS));
        assertEquals(NeighborState.REACHABLE, resolver.stateIpv4(PEER_IPV4));
    }

    @Test
    void shouldRetransmitThenFailAndDropQueuedFrames()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[100]);
        assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv4(PEER_IPV4, 0));
        assertTrue(resolver.enqueueIpv4(PEER_IPV4, frame, 0, 100));
        assertTrue(resolver.enqueueIpv4(PEER_IPV4, frame, 0, 100));
        resolver.doWork(999 * MS);
        assertEquals(1, sent.size());
        resolver.doWork(1000 * MS);
        assertEquals(2, sent.size());
        resolver.doWork(2000 * MS);
        assertEquals(3, sent.size());
        assertEquals(NeighborState.INCOMPLETE, resolver.stateIpv4(PEER_IPV4));
        resolver.doWork(3000 * MS);
        assertEquals(3, sent.size(), "three broadcasts (MAX_MULTICAST_SOLICIT), then give up");
        assertEquals(NeighborState.FAILED, resolver.stateIpv4(PEER_IPV4));
        assertEquals(1, count(NeighborCounter.RESOLUTIONS_FAILED));
        assertEquals(2, count(NeighborCounter.QUEUE_DROP_FAILED));

        // The next packet starts over.
        assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv4(PEER_IPV4, 3100 * MS));
        assertEquals(NeighborState.INCOMPLETE, resolver.stateIpv4(PEER_IPV4));
        assertEquals(4, sent.size());
    }

    @Test
    void shouldSendQueuedFramesInOrderWithResolvedMacAndRefuseBeyondShare()
    {
        resolver.resolveIpv6(NET_HIGH, PEER_LOW, 0);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[80]);
        for (int i = 0; i < 3; i++)
        {
            frame.putByte(20, (byte)i);
            assertTrue(resolver.enqueueIpv6(NET_HIGH, PEER_LOW, frame, 0, 80));
        }
        assertFalse(resolver.enqueueIpv6(NET_HIGH, PEER_LOW, frame, 0, 80));
        assertFalse(resolver.enqueueIpv6(NET_HIGH, 99, frame, 0, 80), "not being resolved");
        assertEquals(2, count(NeighborCounter.QUEUE_DROP_FULL));
        assertEquals(3, count(NeighborCounter.QUEUED));

        assertTrue(feed(advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 255), MS));
        assertEquals(NeighborState.REACHABLE, resolver.stateIpv6(NET_HIGH, PEER_LOW));
        assertEquals(4, sent.size());
        for (int i = 0; i < 3; i++)
        {
            final byte[] released = sent.get(1 + i);
            assertEquals(80, released.length);
            assertEquals("020000000002", HEX.formatHex(released, 0, 6));
            assertEquals(i, released[20]);
        }
        assertEquals(3, count(NeighborCounter.QUEUED_SENT));
        assertEquals(PEER_MAC, resolver.resolveIpv6(NET_HIGH, PEER_LOW, 2 * MS));
    }

    @Test
    void shouldIgnoreInvalidAdvertisements()
    {
        resolver.resolveIpv6(NET_HIGH, PEER_LOW, 0);
        assertTrue(feed(advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 254), MS), "hop limit 254");
        final UnsafeBuffer badChecksum = advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 255);
        badChecksum.putByte(57, (byte)(badChecksum.getByte(57) ^ 1));
        assertTrue(feed(badChecksum, MS));
        final UnsafeBuffer zeroOption = advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 255);
        zeroOption.putByte(79, (byte)0);
        zeroOption.putShort(56, (short)0);
        zeroOption.putShort(56, (short)icmpv6Checksum(zeroOption, 32), ByteOrder.BIG_ENDIAN);
        assertTrue(feed(zeroOption, MS));
        assertEquals(3, count(NeighborCounter.NDP_INVALID));
        assertTrue(feed(advertisement(PEER_LOW, 0x6000_0000, -1, 255), MS), "no target link-layer address");
        assertEquals(NeighborState.INCOMPLETE, resolver.stateIpv6(NET_HIGH, PEER_LOW));
        assertEquals(0, count(NeighborCounter.NDP_LEARNED));
    }

    @Test
    void shouldOnlyDemoteReachableEntryOnAdvertisementWithoutOverrideFlag()
    {
        resolver.resolveIpv6(NET_HIGH, PEER_LOW, 0);
        feed(advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 255), MS);
        feed(advertisement(PEER_LOW, 0x4000_0000, OTHER_MAC, 255), 2 * MS); // S without O, other MAC
        assertEquals(NeighborState.STALE, resolver.stateIpv6(NET_HIGH, PEER_LOW));
        assertEquals(PEER_MAC, resolver.resolveIpv6(NET_HIGH, PEER_LOW, 3 * MS));
        assertEquals(NeighborState.PROBE, resolver.stateIpv6(NET_HIGH, PEER_LOW));
        feed(advertisement(PEER_LOW, 0x6000_0000, OTHER_MAC, 255), 4 * MS); // S|O: take the new MAC
        assertEquals(OTHER_MAC, resolver.resolveIpv6(NET_HIGH, PEER_LOW, 5 * MS));
        assertEquals(NeighborState.REACHABLE, resolver.stateIpv6(NET_HIGH, PEER_LOW));
    }

    @Test
    void shouldLearnAskerFromArpRequestForOurAddressOnly()
    {
        assertTrue(feed(arp(1, PEER_MAC, PEER_IPV4, 0, OWN_IPV4), 0));
        assertEquals(NeighborState.STALE, resolver.stateIpv4(PEER_IPV4));
        assertTrue(feed(arp(1, OTHER_MAC, 0xC6_33_64_0B, 0, 0xC6_33_64_0C), 0));
        assertEquals(NeighborState.EMPTY, resolver.stateIpv4(0xC6_33_64_0B));
        // A STALE entry is used at once and probed with a unicast request.
        assertEquals(PEER_MAC, resolver.resolveIpv4(PEER_IPV4, MS));
        assertEquals(NeighborState.PROBE, resolver.stateIpv4(PEER_IPV4));
        assertEquals("020000000002", HEX.formatHex(sent.get(0), 0, 6));
    }

    @Test
    void shouldFailProbeWithoutAnswerAfterUnicastSolicitations()
    {
        feed(arp(1, PEER_MAC, PEER_IPV4, 0, OWN_IPV4), 0);
        resolver.resolveIpv4(PEER_IPV4, 0);
        resolver.doWork(1000 * MS);
        resolver.doWork(2000 * MS);
        assertEquals(3, sent.size());
        assertEquals(PEER_MAC, resolver.resolveIpv4(PEER_IPV4, 2500 * MS));
        resolver.doWork(3000 * MS);
        assertEquals(NeighborState.FAILED, resolver.stateIpv4(PEER_IPV4));
        assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv4(PEER_IPV4, 3001 * MS));
        assertEquals("ffffffffffff", HEX.formatHex(sent.get(3), 0, 6), "a new resolution broadcasts");
    }

    @Test
    void shouldAgeReachableToStaleAndRemoveAfterGarbageCollectionTime()
    {
        resolver.resolveIpv4(PEER_IPV4, 0);
        feed(arp(2, PEER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4), 0);
        resolver.doWork(30_000 * MS);
        assertEquals(NeighborState.STALE, resolver.stateIpv4(PEER_IPV4));
        resolver.doWork(89_999 * MS);
        assertEquals(NeighborState.STALE, resolver.stateIpv4(PEER_IPV4));
        resolver.doWork(90_000 * MS);
        assertEquals(NeighborState.EMPTY, resolver.stateIpv4(PEER_IPV4));
        assertEquals(0, resolver.size());
        assertEquals(1, count(NeighborCounter.ENTRIES_EXPIRED));
    }

    @Test
    void shouldLearnFromNeighborSolicitationForOurAddress()
    {
        final UnsafeBuffer ns = new UnsafeBuffer(new byte[86]);
        new SolicitationWriter().writeNeighborSolicitation(ns, 0, 0, PEER_MAC, NET_HIGH, PEER_LOW, NET_HIGH, OWN_LOW);
        assertTrue(feed(ns, 0));
        assertEquals(NeighborState.STALE, resolver.stateIpv6(NET_HIGH, PEER_LOW));
        assertEquals(PEER_MAC, resolver.resolveIpv6(NET_HIGH, PEER_LOW, MS));
        assertEquals(1, count(NeighborCounter.NDP_LEARNED));
    }

    @Test
    void shouldUseStaticMacWithoutSoliciting()
    {
        resolver.addStaticIpv4(PEER_IPV4, PEER_MAC);
        assertEquals(PEER_MAC, resolver.resolveIpv4(PEER_IPV4, 1_000_000 * MS));
        feed(arp(2, OTHER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4), 0);
        resolver.doWork(1_000_000 * MS);
        assertEquals(PEER_MAC, resolver.resolveIpv4(PEER_IPV4, 2_000_000 * MS));
        assertEquals(NeighborState.STATIC, resolver.stateIpv4(PEER_IPV4));
        assertTrue(sent.isEmpty());
    }

    @Test
    void shouldCountRefusedSolicitationAndFullTable()
    {
        refuse = true;
        resolver.resolveIpv4(PEER_IPV4, 0);
        assertEquals(1, count(NeighborCounter.SOLICITATIONS_NOT_SENT));
        assertEquals(0, count(NeighborCounter.ARP_REQUESTS_SENT));
        for (int i = 1; i < 12; i++)
        {
            resolver.resolveIpv4(PEER_IPV4 + i, 0);
        }
        assertEquals(12, resolver.size(), "capacity 16, three quarters usable");
        assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv4(PEER_IPV4 + 12, 0));
        assertEquals(1, count(NeighborCounter.TABLE_FULL));
    }

    @Test
    void shouldNotAllocateWhenResolvingAndLearning()
    {
        resolver.resolveIpv4(PEER_IPV4, 0);
        final UnsafeBuffer reply = arp(2, PEER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4);
        final NeighborResolver quiet = new NeighborResolver((b, o, l) -> true, OWN_MAC, OWN_IPV4, NET_HIGH, OWN_LOW,
            config, NeighborCounters.standalone("quiet"));
        final UnsafeBuffer na = advertisement(PEER_LOW, 0x6000_0000, PEER_MAC, 255);
        long sum = 0;
        for (int i = 0; i < 50_000; i++)
        {
            sum += cycle(quiet, reply, na, i);
        }
        final long[] total = {sum};
        final int[] tick = {50_000}; // the clock keeps going forward across the measured runs
        final long allocated = dev.xlat64.io.afpacket.Allocations.leastAllocatedBytes(3, () ->
        {
            for (int i = 0; i < 50_000; i++)
            {
                total[0] += cycle(quiet, reply, na, tick[0]++);
            }
        });
        assertEquals(0, allocated);
        assertNotEquals(0, total[0]);
    }

    private static long cycle(final NeighborResolver r, final UnsafeBuffer reply, final UnsafeBuffer na, final int i)
    {
        final long now = i * 10 * MS;
        long result = r.resolveIpv4(PEER_IPV4, now) + r.resolveIpv6(NET_HIGH, PEER_LOW, now);
        r.onFrame(reply, 0, reply.capacity(), now);
        r.onFrame(na, 0, na.capacity(), now);
        r.doWork(now);
        return result;
    }
}

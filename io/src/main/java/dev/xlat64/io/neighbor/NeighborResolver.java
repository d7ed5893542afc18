package dev.xlat64.io.neighbor;

import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.MacAddress;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

import static dev.xlat64.io.neighbor.NeighborTable.IPV4;
import static dev.xlat64.io.neighbor.NeighborTable.IPV6;

/**
 * Resolves the link-layer (MAC) addresses of a gateway port's next hops by itself: ARP requests (RFC 826)
 * for IPv4, Neighbor Solicitations (RFC 4861 §7.2) for IPv6, sent through the port's TX ring, answers
 * learned from the frames the owner passes to {@link #onFrame}. A neighbor cache with RFC 4861 states and
 * timers (INCOMPLETE, REACHABLE, STALE, PROBE, FAILED; DELAY folded into PROBE) serves both families, and
 * frames waiting for an address are held in a small queue ({@link NeighborConfig#queuePerNeighbor}) or
 * dropped and counted. {@link #addStaticIpv4}/{@link #addStaticIpv6} pin a hand-configured MAC.
 *
 * <p>The resolver only asks; it never answers. The gateway's own addresses (e.g. 2001:db8:1::1 and
 * 198.51.100.1 in the lab) live on the interface in the kernel of the gateway's network namespace, and
 * that kernel answers ARP requests and Neighbor Solicitations for them with the interface's MAC, which is
 * the MAC the gateway sends from and receives on. The AF_PACKET socket sees those requests too and the
 * resolver learns the asker's MAC from them (RFC 4861 §7.2.3, RFC 826), so the return path is often
 * known before the first packet needs it.
 *
 * <p>One owner thread (the one that owns the port's TX ring): {@link #resolveIpv4}, {@link #resolveIpv6},
 * the enqueue methods, {@link #onFrame} and {@link #doWork} are called from it only. Nothing allocates after
 * construction. Frames sent by the resolver are only queued in the ring: the owner flushes it.
 */
public final class NeighborResolver
{
    /** Returned by the resolve methods when no usable MAC is known (yet). */
    public static final long UNRESOLVED = -1L;
    private static final long IDLE_SCAN_INTERVAL_NS = 3_600_000_000_000L;

    private final FrameSender sender;
    private final long ownMac;
    private final int ownIpv4;
    private final long ownIpv6High;
    private final long ownIpv6Low;
    private final NeighborConfig config;
    private final NeighborCounters counters;
    private final NeighborTable table;
    private final PendingQueue queue;
    private final UnsafeBuffer scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(128, 64));
    private final int[] refused = new int[1];
    private final SolicitationWriter writer = new SolicitationWriter();
    private final NdpReceiver ndp = new NdpReceiver(this);
    private final ArpReceiver arp = new ArpReceiver(this);
    private long nextScanNs;

    /**
     * @param sender      where solicitations and released frames go (e.g. {@code socket::send})
     * @param ownMac      the port's MAC (e.g. {@code PacketSocket.macAddress()}), the source of every frame sent
     * @param ownIpv4     the port's IPv4 address, the sender address of ARP requests (0: no IPv4 on this port)
     * @param ownIpv6High the port's IPv6 address, the source of Neighbor Solicitations (0, 0: no IPv6 on this port)
     */
    public NeighborResolver(
        final FrameSender sender,
        final long ownMac,
        final int ownIpv4,
        final long ownIpv6High,
        final long ownIpv6Low,
        final NeighborConfig config,
        final NeighborCounters counters)
    {
        this.sender = sender;
        this.ownMac = ownMac;
        this.ownIpv4 = ownIpv4;
        this.ownIpv6High = ownIpv6High;
        this.ownIpv6Low = ownIpv6Low;
        this.config = config;
        this.counters = counters;
        this.table = new NeighborTable(config.capacity);
        this.queue = new PendingQueue(config.queueSlots, config.queueSlotBytes);
    }

    /** Pins {@code mac} for an IPv4 next hop: never solicited, never expires. */
    public void addStaticIpv4(final int address, final long mac)
    {
        addStatic(IPV4, 0, address & 0xFFFF_FFFFL, mac);
    }

    /** Pins {@code mac} for an IPv6 next hop: never solicited, never expires. */
    public void addStaticIpv6(final long high, final long low, final long mac)
    {
        addStatic(IPV6, high, low, mac);
    }

    /**
     * The MAC of IPv4 next hop {@code address}, or {@link #UNRESOLVED} (counted) while it is being resolved;
     * starts resolution (an ARP request) when the next hop is new or FAILED.
     */
    public long resolveIpv4(final int address, final long nowNs)
    {
        if (0 == ownIpv4)
        {
            throw new IllegalStateException("IPv4 next hop asked of a resolver without an own IPv4 address");
        }
        return resolve(IPV4, 0, address & 0xFFFF_FFFFL, nowNs);
    }

    /** As {@link #resolveIpv4} for an IPv6 next hop (Neighbor Solicitation). */
    public long resolveIpv6(final long high, final long low, final long nowNs)
    {
        if (0 == ownIpv6High && 0 == ownIpv6Low)
        {
            throw new IllegalStateException("IPv6 next hop asked of a resolver without an own IPv6 address");
        }
        return resolve(IPV6, high, low, nowNs);
    }

    /**
     * Holds a copy of an Ethernet frame for an IPv4 next hop that {@link #resolveIpv4} just reported
     * UNRESOLVED; when the answer comes the resolver writes the destination MAC into bytes 0-5 and sends it.
     * False (counted) when the next hop is not being resolved or its share of the queue is full.
     */
    public boolean enqueueIpv4(final int nextHop, final DirectBuffer frame, final int offset, final int length)
    {
        return enqueue(IPV4, 0, nextHop & 0xFFFF_FFFFL, frame, offset, length);
    }

    /** As {@link #enqueueIpv4} for an IPv6 next hop. */
    public boolean enqueueIpv6(final long high, final long low, final DirectBuffer frame, final int offset,
        final int length)
    {
        return enqueue(IPV6, high, low, frame, offset, length);
    }

    /**
     * Learns from one received Ethernet frame if it is ARP or an ICMPv6 Neighbor Solicitation/Advertisement.
     *
     * @return true when the frame was ARP or NS/NA (the caller need not process it further)
     */
    public boolean onFrame(final MutableDirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        if (length < EthernetHeader.HEADER_LENGTH)
        {
            return false;
        }
        final int etherType = buffer.getShort(offset + EthernetHeader.ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final int payload = offset + EthernetHeader.HEADER_LENGTH;
        if (EthernetHeader.ETHERTYPE_ARP == etherType)
        {
            arp.onPacket(buffer, payload, length - EthernetHeader.HEADER_LENGTH, nowNs);
            return true;
        }
        return EthernetHeader.ETHERTYPE_IPV6 == etherType &&
            ndp.onPacket(buffer, payload, length - EthernetHeader.HEADER_LENGTH, nowNs);
    }

    /**
     * Retransmits solicitations, fails next hops that did not answer, ages REACHABLE entries to STALE and
     * removes old STALE/FAILED ones. Cheap when called every duty cycle: it scans the table only when the
     * earliest entry deadline has passed.
     *
     * @return entries acted on
     */
    public int doWork(final long nowNs)
    {
        if (nowNs - nextScanNs < 0)
        {
            return 0;
        }
        nextScanNs = nowNs + IDLE_SCAN_INTERVAL_NS;
        int work = 0;
        int slot = 0;
        while (slot < table.capacity())
        {
            if (!table.occupied(slot) || NeighborState.STATIC == table.state(slot))
            {
                slot++;
                continue;
            }
            if (nowNs - table.deadlineNs(slot) < 0)
            {
                scheduleScan(table.deadlineNs(slot));
                slot++;
                continue;
            }
            work++;
            switch (table.state(slot))
            {
                case INCOMPLETE -> retransmit(slot, config.maxMulticastSolicitations, nowNs);
                case PROBE -> retransmit(slot, config.maxUnicastSolicitations, nowNs);
                case REACHABLE ->
                {
                    table.state(slot, NeighborState.STALE);
                    deadline(slot, nowNs + config.garbageCollectionTimeNs);
                }
                case STALE, FAILED ->
                {
                    table.remove(slot);
                    counters.increment(NeighborCounter.ENTRIES_EXPIRED);
                    continue; // another entry may have moved into this slot
                }
                default ->
                {
                }
            }
            slot++;
        }
        return work;
    }

    /** State of an IPv4 next hop's entry ({@link NeighborState#EMPTY} when there is none). */
    public NeighborState stateIpv4(final int address)
    {
        final int slot = table.find(IPV4, 0, address & 0xFFFF_FFFFL);
        return slot < 0 ? NeighborState.EMPTY : table.state(slot);
    }

    /** State of an IPv6 next hop's entry ({@link NeighborState#EMPTY} when there is none). */
    public NeighborState stateIpv6(final long high, final long low)
    {
        final int slot = table.find(IPV6, high, low);
        return slot < 0 ? NeighborState.EMPTY : table.state(slot);
    }

    /** Entries in the cache. */
    public int size()
    {
        return table.size();
    }

    public NeighborCounters counters()
    {
        return counters;
    }

    int ownIpv4()
    {
        return ownIpv4;
    }

    long ownIpv6High()
    {
        return ownIpv6High;
    }

    long ownIpv6Low()
    {
        return ownIpv6Low;
    }

    /**
     * Applies an answer or a solicitation that names {@code mac} for the key (RFC 4861 §7.2.5 rules, used for ARP
     * too): {@code confirmed} (a solicited answer) makes the entry REACHABLE; an unconfirmed new address makes it
     * STALE; without {@code override} a different address only demotes a REACHABLE entry.
     */
    void learn(final int family, final long high, final long low, final long mac, final boolean confirmed,
        final boolean override, final boolean create, final long nowNs, final NeighborCounter learnedCounter)
    {
        int slot = table.find(family, high, low);
        if (slot < 0)
        {
            if (!create || (slot = table.insert(family, high, low)) < 0)
            {
                return;
            }
            table.state(slot, NeighborState.FAILED);
        }
        final NeighborState state = table.state(slot);
        if (NeighborState.STATIC == state)
        {
            return;
        }
        final boolean unknown = NeighborState.INCOMPLETE == state || NeighborState.FAILED == state;
        final boolean changed = unknown || mac != table.mac(slot);
        if (changed && !override && !unknown)
        {
            if (NeighborState.REACHABLE == state)
            {
                table.state(slot, NeighborState.STALE);
                deadline(slot, nowNs + config.garbageCollectionTimeNs);
            }
            return;
        }
        table.mac(slot, mac);
        if (confirmed)
        {
            table.state(slot, NeighborState.REACHABLE);
            deadline(slot, nowNs + config.reachableTimeNs);
            table.solicitations(slot, 0);
        }
        else if (changed)
        {
            table.state(slot, NeighborState.STALE);
            deadline(slot, nowNs + config.garbageCollectionTimeNs);
        }
        counters.increment(learnedCounter);
        if (table.queued(slot) > 0)
        {
            table.queued(slot, 0);
            counters.add(NeighborCounter.QUEUED_SENT, queue.release(family, high, low, mac, sender, refused));
            counters.add(NeighborCounter.QUEUE_DROP_TX_FULL, refused[0]);
        }
    }

    /** The MAC of the key's entry when it has one (not INCOMPLETE or FAILED), else -1: for an NA without option. */
    long knownMac(final int family, final long high, final long low)
    {
        final int slot = table.find(family, high, low);
        if (slot < 0 || NeighborState.INCOMPLETE == table.state(slot) || NeighborState.FAILED == table.state(slot))
        {
            return -1;
        }
        return table.mac(slot);
    }

    private long resolve(final int family, final long high, final long low, final long nowNs)
    {
        int slot = table.find(family, high, low);
        if (slot < 0)
        {
            slot = table.insert(family, high, low);
            if (slot < 0)
            {
                counters.increment(NeighborCounter.TABLE_FULL);
                counters.increment(NeighborCounter.UNRESOLVED);
                return UNRESOLVED;
            }
            startResolution(slot, nowNs);
            counters.increment(NeighborCounter.UNRESOLVED);
            return UNRESOLVED;
        }
        switch (table.state(slot))
        {
            case STATIC, PROBE:
                return table.mac(slot);
            case REACHABLE:
                if (nowNs - table.deadlineNs(slot) < 0)
                {
                    return table.mac(slot);
                }
                // Reachable time is over: probe it now and keep using the address meanwhile.
                startProbe(slot, nowNs);
                return table.mac(slot);
            case STALE:
                startProbe(slot, nowNs);
                return table.mac(slot);
            case FAILED:
                startResolution(slot, nowNs);
                counters.increment(NeighborCounter.UNRESOLVED);
                return UNRESOLVED;
            default:
                counters.increment(NeighborCounter.UNRESOLVED);
                return UNRESOLVED;
        }
    }

    private void deadline(final int slot, final long deadlineNs)
    {
        table.deadlineNs(slot, deadlineNs);
        scheduleScan(deadlineNs);
    }

    private void scheduleScan(final long deadlineNs)
    {
        if (deadlineNs - nextScanNs < 0)
        {
            nextScanNs = deadlineNs;
        }
    }

    private void startResolution(final int slot, final long nowNs)
    {
        table.state(slot, NeighborState.INCOMPLETE);
        table.solicitations(slot, 1);
        deadline(slot, nowNs + config.retransmitTimeNs);
        solicit(slot, 0);
    }

    private void startProbe(final int slot, final long nowNs)
    {
        table.state(slot, NeighborState.PROBE);
        table.solicitations(slot, 1);
        deadline(slot, nowNs + config.retransmitTimeNs);
        solicit(slot, table.mac(slot));
    }

    private void retransmit(final int slot, final int maxSolicitations, final long nowNs)
    {
        if (table.solicitations(slot) < maxSolicitations)
        {
            table.solicitations(slot, table.solicitations(slot) + 1);
            deadline(slot, nowNs + config.retransmitTimeNs);
            solicit(slot, NeighborState.PROBE == table.state(slot) ? table.mac(slot) : 0);
            return;
        }
        table.state(slot, NeighborState.FAILED);
        deadline(slot, nowNs + config.garbageCollectionTimeNs);
        counters.increment(NeighborCounter.RESOLUTIONS_FAILED);
        if (table.queued(slot) > 0)
        {
            table.queued(slot, 0);
            counters.add(NeighborCounter.QUEUE_DROP_FAILED,
                queue.discard(table.family(slot), table.keyHigh(slot), table.keyLow(slot)));
        }
    }

    /** Sends a solicitation for the entry: broadcast/multicast when {@code unicastMac} is 0, else a unicast probe. */
    private void solicit(final int slot, final long unicastMac)
    {
        final boolean ipv4 = IPV4 == table.family(slot);
        final int length = ipv4 ?
            writer.writeArpRequest(scratch, 0, 0 == unicastMac ? MacAddress.BROADCAST : unicastMac, ownMac, ownIpv4,
                (int)table.keyLow(slot)) :
            writer.writeNeighborSolicitation(scratch, 0, unicastMac, ownMac, ownIpv6High, ownIpv6Low,
                table.keyHigh(slot), table.keyLow(slot));
        if (sender.send(scratch, 0, length))
        {
            counters.increment(ipv4 ? NeighborCounter.ARP_REQUESTS_SENT : NeighborCounter.NEIGHBOR_SOLICITATIONS_SENT);
        }
        else
        {
            counters.increment(NeighborCounter.SOLICITATIONS_NOT_SENT);
        }
    }

    private boolean enqueue(final int family, final long high, final long low, final DirectBuffer frame,
        final int offset, final int length)
    {
        final int slot = table.find(family, high, low);
        if (slot < 0 || NeighborState.INCOMPLETE != table.state(slot) ||
            table.queued(slot) >= config.queuePerNeighbor || !queue.add(family, high, low, frame, offset, length))
        {
            counters.increment(NeighborCounter.QUEUE_DROP_FULL);
            return false;
        }
        table.queued(slot, table.queued(slot) + 1);
        counters.increment(NeighborCounter.QUEUED);
        return true;
    }

    private void addStatic(final int family, final long high, final long low, final long mac)
    {
        int slot = table.find(family, high, low);
        if (slot < 0 && (slot = table.insert(family, high, low)) < 0)
        {
            throw new IllegalStateException("neighbor table full (capacity " + table.capacity() + ")");
        }
        if (table.queued(slot) > 0)
        {
            table.queued(slot, 0);
            queue.release(family, high, low, mac, sender, refused);
        }
        table.mac(slot, mac);
        table.state(slot, NeighborState.STATIC);
    }
}

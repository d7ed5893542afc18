package dev.xlat64.io.afpacket;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;

import dev.xlat64.core.packet.MacAddress;

import static dev.xlat64.io.afpacket.TpacketLayout.*;

/**
 * An AF_PACKET socket bound to one interface, with an RX ring and a TX ring (TPACKET_V3 by default, or
 * TPACKET_V2) in one shared mapping, read and written in place through an Agrona {@link UnsafeBuffer} over the
 * mapped address.
 *
 * <p>Data path (no allocation, no locks): {@link #receive(FrameHandler, int)} hands up to
 * {@code limit} frames to the handler in place; {@link #send(DirectBuffer, int, int)} (or
 * {@link #claim()}/{@link #commit(int)}) fills TX slots and {@link #flush()} makes one {@code send()}
 * syscall that transmits the whole batch. Faults at run time are counted in {@link PacketSocketCounters},
 * never thrown; setup failures throw an {@link IOException} naming the call, the interface and strerror.
 *
 * <p>Threads: the RX side ({@link #receive}, {@link #poll}, {@link #pollKernelStatistics}) and the TX side
 * ({@link #send}, {@link #claim}, {@link #commit}, {@link #flush}) share no state but the file descriptor, so
 * one thread may own each side; each side must stay on its one thread. {@link #close()} only after both stop.
 *
 * <p>RX latency: the kernel hands over a TPACKET_V3 block when it is full or when the block retire timer
 * ({@link PacketSocketOptions#rxBlockRetireTimeoutMs(int)}) fires, so a lightly loaded port adds up to that
 * timeout per hop (about 1 ms here); a TPACKET_V2 ring hands over every frame at once
 * ({@link PacketSocketOptions#tpacketVersion(int)}).
 */
public final class PacketSocket implements AutoCloseable
{
    private static final int SCRATCH_IFREQ = 0;
    private static final int SCRATCH_SOCKADDR = 64;
    private static final int SCRATCH_REQ3 = 96;
    private static final int SCRATCH_INT = 128;
    private static final int SCRATCH_STATS = 136;
    private static final int SCRATCH_OPTLEN = 152;
    private static final int SCRATCH_POLLFD = 160;
    private static final int SCRATCH_MREQ = 176;
    private static final int SCRATCH_LENGTH = 256;
    private static final int ETHERNET_HEADER_LENGTH = 14;

    private final LibC libc = LibC.INSTANCE;
    private final String interfaceName;
    private final String description;
    private final PacketSocketCounters counters;
    private final UnsafeBuffer scratch;
    private final long scratchAddress;
    private final PacketSocketOptions options;
    private int fd = -1;
    private int interfaceIndex;
    private int mtuBytes;
    private long macAddress;
    private long mappedAddress;
    private long mappedLength;
    private UnsafeBuffer ring;
    private RxRing rxRing;
    private TxRing txRing;
    private int rxHeadroomBytes;
    private int lastErrno;

    private PacketSocket(final String interfaceName, final PacketSocketOptions options, final PacketSocketCounters counters)
    {
        this.interfaceName = interfaceName;
        this.options = options;
        this.counters = counters;
        this.description = null == options.namespace ?
            "interface '" + interfaceName + "'" :
            "interface '" + interfaceName + "' in network namespace '" + options.namespace + "'";
        this.scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(SCRATCH_LENGTH, 64));
        this.scratchAddress = scratch.addressOffset();
    }

    /**
     * Opens a socket on {@code interfaceName} with the given options and counters.
     *
     * @throws IOException naming the failed call, the interface and strerror (e.g. no such interface, not root)
     * @throws IllegalArgumentException when an option is out of range, naming the option and the value
     */
    public static PacketSocket open(
        final String interfaceName, final PacketSocketOptions options, final PacketSocketCounters counters)
        throws IOException
    {
        final PacketSocketOptions settled = options.copy();
        settled.validate();
        final PacketSocket socket = new PacketSocket(interfaceName, settled, counters);
        try
        {
            NetworkNamespace.run(settled.namespace, () ->
            {
                socket.setUp();
                return null;
            });
            return socket;
        }
        catch (final IOException | RuntimeException ex)
        {
            socket.close();
            throw ex;
        }
    }

    /** Opens a socket with private counters ({@link PacketSocketCounters#standalone}) labelled with the interface name. */
    public static PacketSocket open(final String interfaceName, final PacketSocketOptions options) throws IOException
    {
        return open(interfaceName, options, PacketSocketCounters.standalone(interfaceName));
    }

    /**
     * Hands up to {@code limit} received frames to {@code handler}, in place on the RX ring.
     *
     * @return frames taken off the ring, including those dropped and counted instead of handed over
     */
    public int receive(final FrameHandler handler, final int limit)
    {
        return rxRing.receive(handler, limit);
    }

    /** Copies one Ethernet frame into the next TX slot; false (counted) when the ring is full or it is too long. */
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        return txRing.send(buffer, offset, length);
    }

    /**
     * Claims the next TX slot for a frame written directly into {@link #buffer()} at the returned offset, at most
     * {@link #txFrameCapacityBytes()} long; -1 (counted) when the ring is full. Follow with {@link #commit(int)}.
     */
    public int claim()
    {
        return txRing.claim(0);
    }

    /** Queues the claimed slot with {@code length} bytes; false (counted, slot left free) if too long. */
    public boolean commit(final int length)
    {
        return txRing.commit(length);
    }

    /**
     * Asks the kernel to transmit every queued TX frame: one {@code send(fd, NULL, 0, MSG_DONTWAIT)}, none when
     * nothing is queued. On failure the frames stay queued for the next flush and the error is counted.
     *
     * @return frames kicked, 0 when none were queued, -1 when the kick failed ({@link #lastErrno()})
     */
    public int flush()
    {
        final int pending = txRing.pending();
        if (0 == pending)
        {
            return 0;
        }
        counters.increment(PacketSocketCounter.TX_KICKS);
        if (libc.send(fd, 0L, 0L, LibC.MSG_DONTWAIT) < 0)
        {
            lastErrno = LibC.errno();
            counters.increment(PacketSocketCounter.TX_KICK_ERRORS);
            return -1;
        }
        txRing.clearPending();
        return pending;
    }

    /**
     * Waits up to {@code timeoutMs} for a frame (for idle strategies and tests; a busy poller just calls
     * {@link #receive}). True when a frame is ready.
     */
    public boolean poll(final int timeoutMs)
    {
        if (rxRing.hasFrames())
        {
            return true;
        }
        scratch.putInt(SCRATCH_POLLFD + POLLFD_FD_OFFSET, fd);
        scratch.putShort(SCRATCH_POLLFD + POLLFD_EVENTS_OFFSET, LibC.POLLIN);
        scratch.putShort(SCRATCH_POLLFD + POLLFD_REVENTS_OFFSET, (short)0);
        if (libc.poll(scratchAddress + SCRATCH_POLLFD, 1, timeoutMs) < 0)
        {
            lastErrno = LibC.errno();
            return false;
        }
        return rxRing.hasFrames();
    }

    /**
     * Adds the kernel's RX drop statistics (tp_drops, tp_freeze_q_cnt of PACKET_STATISTICS, which reading
     * resets) to the counters. The receive loop calls it when a block carries TP_STATUS_LOSING; call it
     * periodically too if exact figures matter.
     */
    public void pollKernelStatistics()
    {
        // struct tpacket_stats (V2) is the first 8 bytes of tpacket_stats_v3; the kernel writes what the version has.
        scratch.setMemory(SCRATCH_STATS, STATS_V3_LENGTH, (byte)0);
        scratch.putInt(SCRATCH_OPTLEN, STATS_V3_LENGTH);
        if (libc.getsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_STATISTICS,
            scratchAddress + SCRATCH_STATS, scratchAddress + SCRATCH_OPTLEN) < 0)
        {
            lastErrno = LibC.errno();
            return;
        }
        counters.add(PacketSocketCounter.RX_RING_DROPS, scratch.getInt(SCRATCH_STATS + STATS_V3_DROPS_OFFSET) & 0xFFFF_FFFFL);
        counters.add(PacketSocketCounter.RX_RING_FREEZES,
            scratch.getInt(SCRATCH_STATS + STATS_V3_FREEZE_Q_CNT_OFFSET) & 0xFFFF_FFFFL);
    }

    /** The mapped rings: frames handed to handlers and claimed TX slots are offsets in this buffer. */
    public MutableDirectBuffer buffer()
    {
        return ring;
    }

    /** Longest frame {@link #send} and {@link #commit} accept: min(MTU + 14, TX slot - 48). */
    public int txFrameCapacityBytes()
    {
        return txRing.maxFrameBytes();
    }

    /** Bytes before each received frame the handler may overwrite: 14 + {@link PacketSocketOptions#reserveBytes}. */
    public int rxHeadroomBytes()
    {
        return rxHeadroomBytes;
    }

    /** The socket's file descriptor (for poll(2) in an idle strategy), -1 once closed. */
    public int fileDescriptor()
    {
        return fd;
    }

    public String interfaceName()
    {
        return interfaceName;
    }

    public int interfaceIndex()
    {
        return interfaceIndex;
    }

    /** The interface MTU (IP packet bytes, no Ethernet header) read at open. */
    public int mtuBytes()
    {
        return mtuBytes;
    }

    /** The interface's MAC address in the low 48 bits, first octet most significant. */
    public long macAddress()
    {
        return macAddress;
    }

    public PacketSocketCounters counters()
    {
        return counters;
    }

    /** errno of the last failed run-time call (flush kick, poll, statistics), for diagnostics; either side may set it. */
    public int lastErrno()
    {
        return lastErrno;
    }

    /** Unmaps the rings and closes the socket; idempotent. */
    @Override
    public void close()
    {
        if (0 != mappedAddress)
        {
            libc.munmap(mappedAddress, mappedLength);
            mappedAddress = 0;
            ring = null;
        }
        if (fd >= 0)
        {
            libc.close(fd);
            fd = -1;
        }
    }

    private void setUp() throws IOException
    {
        // Protocol 0 receives nothing until bind(), so no frame of another interface lands in the ring first.
        fd = libc.socket(LibC.AF_PACKET, LibC.SOCK_RAW, 0);
        if (fd < 0)
        {
            throw failure("socket(AF_PACKET, SOCK_RAW)");
        }
        interfaceIndex = interfaceRequest(LibC.SIOCGIFINDEX, "SIOCGIFINDEX").getInt(IFREQ_UNION_OFFSET);
        mtuBytes = interfaceRequest(LibC.SIOCGIFMTU, "SIOCGIFMTU").getInt(IFREQ_UNION_OFFSET);
        macAddress = MacAddress.get(interfaceRequest(LibC.SIOCGIFHWADDR, "SIOCGIFHWADDR"), IFREQ_HWADDR_DATA_OFFSET);

        final boolean v3 = PacketSocketOptions.TPACKET_V3 == options.tpacketVersion;
        if (v3)
        {
            setIntOption(LibC.PACKET_VERSION, LibC.TPACKET_V3, "PACKET_VERSION(TPACKET_V3)");
        }
        else
        {
            setIntOption(LibC.PACKET_VERSION, LibC.TPACKET_V2, "PACKET_VERSION(TPACKET_V2)");
        }
        if (options.reserveBytes > 0)
        {
            setIntOption(LibC.PACKET_RESERVE, options.reserveBytes, "PACKET_RESERVE");
        }
        // A malformed TX slot is skipped instead of stalling the ring (the kernel does not advance past it otherwise).
        setIntOption(LibC.PACKET_LOSS, 1, "PACKET_LOSS");
        if (options.qdiscBypass)
        {
            setIntOption(LibC.PACKET_QDISC_BYPASS, 1, "PACKET_QDISC_BYPASS");
        }
        if (options.ignoreOutgoing)
        {
            setIntOption(LibC.PACKET_IGNORE_OUTGOING, 1, "PACKET_IGNORE_OUTGOING");
        }

        final long rxBytes = (long)options.rxBlockSizeBytes * options.rxBlockCount;
        final long txBytes = (long)options.txBlockSizeBytes * options.txBlockCount;
        setRing(LibC.PACKET_RX_RING, "PACKET_RX_RING", options.rxBlockSizeBytes, options.rxBlockCount,
            options.rxFrameSizeBytes, v3 ? options.rxBlockRetireTimeoutMs : 0);
        setRing(LibC.PACKET_TX_RING, "PACKET_TX_RING", options.txBlockSizeBytes, options.txBlockCount,
            options.txFrameSizeBytes, 0);

        final long address = libc.mmap(null, rxBytes + txBytes, LibC.PROT_READ | LibC.PROT_WRITE,
            LibC.MAP_SHARED | LibC.MAP_POPULATE, fd, 0);
        if (LibC.MAP_FAILED == address)
        {
            throw failure("mmap(" + (rxBytes + txBytes) + " bytes)");
        }
        mappedAddress = address;
        mappedLength = rxBytes + txBytes;
        ring = new UnsafeBuffer(address, (int)mappedLength);

        final int maxFrameBytes = mtuBytes + ETHERNET_HEADER_LENGTH;
        rxRing = v3 ?
            new BlockRxRing(ring, 0, options.rxBlockSizeBytes, options.rxBlockCount, maxFrameBytes, counters,
                this::pollKernelStatistics) :
            new FrameRxRing(ring, 0, options.rxFrameSizeBytes, (int)(rxBytes / options.rxFrameSizeBytes),
                maxFrameBytes, counters, this::pollKernelStatistics);
        txRing = new TxRing(ring, (int)rxBytes, options.txFrameSizeBytes,
            (int)(txBytes / options.txFrameSizeBytes), maxFrameBytes, counters, v3);
        // tpacket_rcv puts the network header at TPACKET_ALIGN(tp_hdrlen + 16) + reserve; the bytes between the
        // sockaddr_ll that follows the tpacket header and the MAC header are free (14 + reserve for Ethernet).
        final int tpHdrLen = (v3 ? TP3_HDR_LENGTH : TP2_HDR_LENGTH) + SOCKADDR_LL_LENGTH;
        rxHeadroomBytes = align(tpHdrLen + 16) + options.reserveBytes - ETHERNET_HEADER_LENGTH - tpHdrLen;

        scratch.setMemory(SCRATCH_SOCKADDR, SOCKADDR_LL_LENGTH, (byte)0);
        scratch.putShort(SCRATCH_SOCKADDR + SOCKADDR_LL_FAMILY_OFFSET, (short)LibC.AF_PACKET);
        scratch.putShort(SCRATCH_SOCKADDR + SOCKADDR_LL_PROTOCOL_OFFSET, (short)options.protocol, ByteOrder.BIG_ENDIAN);
        scratch.putInt(SCRATCH_SOCKADDR + SOCKADDR_LL_IFINDEX_OFFSET, interfaceIndex);
        if (libc.bind(fd, scratchAddress + SCRATCH_SOCKADDR, SOCKADDR_LL_LENGTH) != 0)
        {
            throw failure("bind");
        }
        if (options.promiscuous)
        {
            scratch.setMemory(SCRATCH_MREQ, MREQ_LENGTH, (byte)0);
            scratch.putInt(SCRATCH_MREQ + MREQ_IFINDEX_OFFSET, interfaceIndex);
            scratch.putShort(SCRATCH_MREQ + MREQ_TYPE_OFFSET, (short)LibC.PACKET_MR_PROMISC);
            if (libc.setsockopt(fd, LibC.SOL_PACKET, LibC.PACKET_ADD_MEMBERSHIP, scratchAddress + SCRATCH_MREQ,
                MREQ_LENGTH) != 0)
            {
                throw failure("setsockopt(PACKET_ADD_MEMBERSHIP, PACKET_MR_PROMISC)");
            }
        }
    }

    private UnsafeBuffer interfaceRequest(final long request, final String requestName) throws IOException
    {
        final byte[] name = interfaceName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (name.length == 0 || name.length >= IFREQ_NAME_LENGTH || interfaceName.indexOf('/') >= 0)
        {
            throw new IOException(description + ": not a valid interface name (1 to 15 characters, no '/')");
        }
        scratch.setMemory(SCRATCH_IFREQ, IFREQ_LENGTH, (byte)0);
        scratch.putBytes(SCRATCH_IFREQ + IFREQ_NAME_OFFSET, name);
        if (libc.ioctl(fd, request, scratchAddress + SCRATCH_IFREQ) != 0)
        {
            throw failure("ioctl(" + requestName + ")");
        }
        return new UnsafeBuffer(scratch, SCRATCH_IFREQ, IFREQ_LENGTH);
    }

    private void setIntOption(final int name, final int value, final String what) throws IOException
    {
        scratch.putInt(SCRATCH_INT, value);
        if (libc.setsockopt(fd, LibC.SOL_PACKET, name, scratchAddress + SCRATCH_INT, 4) != 0)
        {
            throw failure("setsockopt(" + what + ")");
        }
    }

    private void setRing(
        final int name, final String what, final int blockSize, final int blockCount, final int frameSize,
        final int retireTimeoutMs) throws IOException
    {
        scratch.setMemory(SCRATCH_REQ3, REQ3_LENGTH, (byte)0);
        scratch.putInt(SCRATCH_REQ3 + REQ3_BLOCK_SIZE_OFFSET, blockSize);
        scratch.putInt(SCRATCH_REQ3 + REQ3_BLOCK_NR_OFFSET, blockCount);
        scratch.putInt(SCRATCH_REQ3 + REQ3_FRAME_SIZE_OFFSET, frameSize);
        scratch.putInt(SCRATCH_REQ3 + REQ3_FRAME_NR_OFFSET, (int)((long)blockSize * blockCount / frameSize));
        scratch.putInt(SCRATCH_REQ3 + REQ3_RETIRE_BLK_TOV_OFFSET, retireTimeoutMs);
        if (libc.setsockopt(fd, LibC.SOL_PACKET, name, scratchAddress + SCRATCH_REQ3, REQ3_LENGTH) != 0)
        {
            throw failure("setsockopt(" + what + ", block " + blockSize + " x " + blockCount + ", frame " + frameSize + ")");
        }
    }

    private IOException failure(final String call)
    {
        final int errno = LibC.errno();
        lastErrno = errno;
        return new IOException(call + " on " + description + " failed: " + LibC.describe(errno));
    }
}

package dev.xlat64.io.afpacket;

/**
 * Settings of one {@link PacketSocket}, fluent and mutable until {@link PacketSocket#open} copies them.
 * Defaults suit a gateway port under load: a 4 MiB TPACKET_V3 RX ring retiring blocks after 1 ms, a 1 MiB TX
 * ring of 2 KiB slots (512 frames), outgoing frames ignored on RX, the qdisc kept. For low latency at low rates
 * choose {@link #TPACKET_V2}.
 */
public final class PacketSocketOptions
{
    /** ETH_P_ALL: every frame of the interface. */
    public static final int ETH_P_ALL = 0x0003;
    public static final int ETH_P_ARP = 0x0806;

    /** TPACKET_V3: block-based RX ring, throughput first. */
    public static final int TPACKET_V3 = 3;
    /** TPACKET_V2: frame-based RX ring, latency first. */
    public static final int TPACKET_V2 = 2;

    private static final int PAGE_SIZE = 4096;

    int tpacketVersion = TPACKET_V3;
    int rxBlockSizeBytes = 1 << 18;
    int rxBlockCount = 16;
    int rxFrameSizeBytes = 2048;
    int rxBlockRetireTimeoutMs = 1;
    int txFrameSizeBytes = 2048;
    int txBlockSizeBytes = 1 << 16;
    int txBlockCount = 16;
    int reserveBytes;
    int protocol = ETH_P_ALL;
    boolean ignoreOutgoing = true;
    boolean qdiscBypass;
    boolean promiscuous;
    String namespace;

    /**
     * Ring format: {@link #TPACKET_V3} (default; the kernel fills RX blocks and hands over a block when it is full
     * or its retire timer fires: fewer cache misses and wake-ups under load, up to the retire timeout of added
     * latency when lightly loaded) or {@link #TPACKET_V2} (each frame handed over as soon as it is written: no
     * added latency; frames are cut at the RX frame size). Both rings of the socket use the same format.
     */
    public PacketSocketOptions tpacketVersion(final int version)
    {
        this.tpacketVersion = version;
        return this;
    }

    /** Size of one RX ring block: a power-of-two multiple of the page size (default 256 KiB). */
    public PacketSocketOptions rxBlockSizeBytes(final int bytes)
    {
        this.rxBlockSizeBytes = bytes;
        return this;
    }

    /** Number of RX ring blocks (default 16). */
    public PacketSocketOptions rxBlockCount(final int count)
    {
        this.rxBlockCount = count;
        return this;
    }

    /**
     * RX frame slot size (default 2048). TPACKET_V3 packs frames of their real length into blocks and uses this
     * only for its frame count; TPACKET_V2 cuts frames longer than the slot minus its 66-byte header area.
     */
    public PacketSocketOptions rxFrameSizeBytes(final int bytes)
    {
        this.rxFrameSizeBytes = bytes;
        return this;
    }

    /**
     * How long the kernel keeps a partly filled RX block before handing it over (tp_retire_blk_tov, default 1 ms).
     * This bounds the latency a lightly loaded port adds; the kernel rounds it up to its timer granularity.
     */
    public PacketSocketOptions rxBlockRetireTimeoutMs(final int timeoutMs)
    {
        this.rxBlockRetireTimeoutMs = timeoutMs;
        return this;
    }

    /** Size of one TX slot including its 48-byte tpacket3_hdr (default 2048: frames up to 2000 bytes). */
    public PacketSocketOptions txFrameSizeBytes(final int bytes)
    {
        this.txFrameSizeBytes = bytes;
        return this;
    }

    /** Size of one TX ring block: a page-size multiple divisible by the TX frame size (default 64 KiB). */
    public PacketSocketOptions txBlockSizeBytes(final int bytes)
    {
        this.txBlockSizeBytes = bytes;
        return this;
    }

    /** Number of TX ring blocks (default 16). */
    public PacketSocketOptions txBlockCount(final int count)
    {
        this.txBlockCount = count;
        return this;
    }

    /**
     * PACKET_RESERVE: extra bytes the kernel leaves free in front of every received frame, on top of the
     * 14 bytes it always leaves (default 0). See {@link PacketSocket#rxHeadroomBytes()}.
     */
    public PacketSocketOptions reserveBytes(final int bytes)
    {
        this.reserveBytes = bytes;
        return this;
    }

    /** EtherType to receive (host order), {@link #ETH_P_ALL} by default. */
    public PacketSocketOptions protocol(final int etherType)
    {
        this.protocol = etherType;
        return this;
    }

    /** PACKET_IGNORE_OUTGOING: don't read back frames this host sends on the interface (default true). */
    public PacketSocketOptions ignoreOutgoing(final boolean ignore)
    {
        this.ignoreOutgoing = ignore;
        return this;
    }

    /**
     * PACKET_QDISC_BYPASS: hand TX frames straight to the driver (default false). Faster, but a busy
     * driver queue then drops instead of queueing.
     */
    public PacketSocketOptions qdiscBypass(final boolean bypass)
    {
        this.qdiscBypass = bypass;
        return this;
    }

    /** PACKET_MR_PROMISC membership: receive frames for other MACs too (default false). */
    public PacketSocketOptions promiscuous(final boolean promiscuous)
    {
        this.promiscuous = promiscuous;
        return this;
    }

    /**
     * Network namespace (a name under /var/run/netns) to open the socket in; null (default) keeps the
     * calling thread's namespace. The socket stays in that namespace for its life.
     */
    public PacketSocketOptions namespace(final String name)
    {
        this.namespace = name;
        return this;
    }

    PacketSocketOptions copy()
    {
        final PacketSocketOptions c = new PacketSocketOptions();
        c.tpacketVersion = tpacketVersion;
        c.rxBlockSizeBytes = rxBlockSizeBytes;
        c.rxBlockCount = rxBlockCount;
        c.rxFrameSizeBytes = rxFrameSizeBytes;
        c.rxBlockRetireTimeoutMs = rxBlockRetireTimeoutMs;
        c.txFrameSizeBytes = txFrameSizeBytes;
        c.txBlockSizeBytes = txBlockSizeBytes;
        c.txBlockCount = txBlockCount;
        c.reserveBytes = reserveBytes;
        c.protocol = protocol;
        c.ignoreOutgoing = ignoreOutgoing;
        c.qdiscBypass = qdiscBypass;
        c.promiscuous = promiscuous;
        c.namespace = namespace;
        return c;
    }

    /** Checks every option, naming the option, its value and what was expected. */
    void validate()
    {
        final PacketSocketOptions o = this;
        requirePageMultiple("rxBlockSizeBytes", o.rxBlockSizeBytes);
        requirePageMultiple("txBlockSizeBytes", o.txBlockSizeBytes);
        requireRange("rxBlockCount", o.rxBlockCount, 1, 65536, "");
        requireRange("txBlockCount", o.txBlockCount, 1, 65536, "");
        requireRange("rxFrameSizeBytes", o.rxFrameSizeBytes, 128, o.rxBlockSizeBytes, " and at most rxBlockSizeBytes");
        requireRange("txFrameSizeBytes", o.txFrameSizeBytes, 128, o.txBlockSizeBytes, " and at most txBlockSizeBytes");
        requireRange("rxBlockRetireTimeoutMs", o.rxBlockRetireTimeoutMs, 1, 1000, "");
        requireRange("reserveBytes", o.reserveBytes, 0, 1024, "");
        requireRange("protocol", o.protocol, 0, 0xFFFF, " (an EtherType)");
        requireRange("tpacketVersion", o.tpacketVersion, TPACKET_V2, TPACKET_V3,
            " (TPACKET_V2 or TPACKET_V3)");
        if (o.rxFrameSizeBytes % TpacketLayout.TPACKET_ALIGNMENT != 0 || o.txFrameSizeBytes % TpacketLayout.TPACKET_ALIGNMENT != 0)
        {
            throw new IllegalArgumentException("rxFrameSizeBytes " + o.rxFrameSizeBytes + " and txFrameSizeBytes " +
                o.txFrameSizeBytes + ": expected multiples of " + TpacketLayout.TPACKET_ALIGNMENT);
        }
        if (o.txBlockSizeBytes % o.txFrameSizeBytes != 0)
        {
            throw new IllegalArgumentException("txBlockSizeBytes " + o.txBlockSizeBytes +
                ": expected a multiple of txFrameSizeBytes " + o.txFrameSizeBytes);
        }
        if (TPACKET_V2 == o.tpacketVersion && o.rxBlockSizeBytes % o.rxFrameSizeBytes != 0)
        {
            throw new IllegalArgumentException("rxBlockSizeBytes " + o.rxBlockSizeBytes +
                ": expected a multiple of rxFrameSizeBytes " + o.rxFrameSizeBytes + " for TPACKET_V2");
        }
        final long total = (long)o.rxBlockSizeBytes * o.rxBlockCount + (long)o.txBlockSizeBytes * o.txBlockCount;
        if (total > (1L << 30))
        {
            throw new IllegalArgumentException("RX + TX ring size " + total + " bytes: expected at most 1 GiB");
        }
    }

    private static void requirePageMultiple(final String name, final int value)
    {
        if (value <= 0 || value % PAGE_SIZE != 0)
        {
            throw new IllegalArgumentException(name + " " + value + ": expected a positive multiple of " + PAGE_SIZE);
        }
    }

    private static void requireRange(final String name, final int value, final int min, final int max, final String extra)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " " + value + ": expected " + min + " to " + max + extra);
        }
    }
}

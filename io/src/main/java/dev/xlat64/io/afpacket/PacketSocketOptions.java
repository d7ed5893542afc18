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
}

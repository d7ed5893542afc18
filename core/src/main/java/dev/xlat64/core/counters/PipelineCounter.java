package dev.xlat64.core.counters;

/**
 * Every counter the packet pipeline keeps (RX, worker and TX agents), one entry per kind, each with a stable
 * type id in the pipeline's range 2000-2099 ({@link CounterScope}; the counters file is read by another
 * process: {@code xlat64 stats}, Prometheus) and a sentence. Instances are labelled in the one style of
 * {@link CounterDescriptor}, e.g. {@code pipeline.rx-packets{port=veth0,family=ipv6}}.
 */
public enum PipelineCounter implements CounterDescriptor
{
    RX_PACKETS(2000, "IP packets received on a port, by family."),
    RX_BYTES(2001, "Bytes of IP packets received on a port (Ethernet header excluded), by family."),
    TX_PACKETS(2002, "IP packets queued for sending on a port, by family."),
    TX_BYTES(2003, "Bytes of IP packets queued for sending on a port (Ethernet header excluded), by family."),
    RX_NEIGHBOR_FRAMES(2004, "ARP and NDP frames received on a port and handed to the neighbor resolver."),
    RX_OTHER_FRAMES(2005, "Frames that are neither IPv4, IPv6, ARP nor NDP (e.g. LLDP, VLAN-tagged); ignored."),
    RX_DIVERTED(2006, "Packets for the gateway itself handed to a local service."),

    DROP_RX_TRUNCATED(2010, "Frame shorter than an Ethernet header plus the IP header's version byte."),
    DROP_RX_VERSION_MISMATCH(2011, "IP version field does not match the Ethernet type (RFC 8200 §3, RFC 791 §3.1)."),
    DROP_WORKER_RING_FULL(2012,
        "The worker's input ring was full: backpressure, the packet was dropped instead of waited on."),
    DROP_TX_RING_FULL(2013,
        "The TX agent's input ring was full: backpressure, the packet was dropped instead of waited on."),
    DROP_PACKET_TOO_LONG(2014, "Packet longer than a ring batch can hold."),
    DROP_NO_NEXT_HOP(2015, "No link-layer address known yet for the next hop; resolution was requested."),
    DROP_TX_QUEUE_FULL(2016, "The port's transmit queue refused the frame (full, or frame longer than its slots)."),
    DROP_AGENT_ERROR(2017,
        "An unexpected exception in an agent; the packet was dropped, the exception logged once, the agent kept running."),
    DROP_NEIGHBOR_RING_FULL(2018,
        "An ARP/NDP frame could not be handed from the RX agent to the neighbor cache: its ring was full."),

    DUTY_CYCLE_MAX_NS(2020, "Longest time between two duty cycles of an agent, in nanoseconds (a stall detector)."),
    WORKER_PACKETS(2021, "Packets a worker handed to its translation step."),
    TX_HELD_FOR_NEXT_HOP(2022, "Frames handed to the neighbor cache to be sent once their next hop's MAC is resolved.");

    private final int typeId;
    private final String description;

    PipelineCounter(final int typeId, final String description)
    {
        this.typeId = typeId;
        this.description = description;
    }

    @Override
    public int typeId()
    {
        return typeId;
    }

    @Override
    public CounterScope scope()
    {
        return CounterScope.PIPELINE;
    }

    /**
     * @return true when the counter counts dropped packets: the {@code DROP_} entries, named {@code drop-...}.
     */
    public boolean isDrop()
    {
        return name().startsWith("DROP_");
    }

    @Override
    public String description()
    {
        return description;
    }

    /**
     * @return {@link CounterKind#GAUGE} for the duty-cycle maximum, a level; the rest count events.
     */
    @Override
    public CounterKind kind()
    {
        return this == DUTY_CYCLE_MAX_NS ? CounterKind.GAUGE : CounterKind.COUNTER;
    }
}

package dev.xlat64.core.pipeline;

import org.agrona.MutableDirectBuffer;

/**
 * The work a {@link WorkerAgent} does on each packet: translation. One instance per worker, used only by that
 * worker's thread. The packet is at {@code [offset, offset + length)} with {@link #headroom()} writable bytes
 * before it and {@link #tailroom()} after it; the processor may rewrite it and emits whatever it outputs
 * (zero, one or more IP packets) to {@code sink} before returning.
 */
public interface PacketProcessor
{
    /**
     * @return bytes the processor may use in front of the packet.
     */
    int headroom();

    /**
     * @return bytes the processor may use behind the packet.
     */
    int tailroom();

    /**
     * @param ingress the family the packet arrived as (IPV6: translate 6to4; IPV4: translate 4to6).
     */
    void process(Family ingress, MutableDirectBuffer buffer, int offset, int length, EgressSink sink);
}

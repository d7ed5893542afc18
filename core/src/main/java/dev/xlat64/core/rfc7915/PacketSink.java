package dev.xlat64.core.rfc7915;

import org.agrona.DirectBuffer;

/**
 * Where a translator puts what it emits: one IP packet (no link-layer header) per call.
 * <p>
 * The bytes are only valid during the call: the translator reuses the buffer (it builds the next fragment of
 * a packet over the bytes of the previous one), so an implementation copies them (into a TX ring, a pcap file,
 * a test's list) before it returns. Generated ICMP errors go out of the side the offending packet came in on.
 */
@FunctionalInterface
public interface PacketSink
{
    /**
     * @param egress the side the packet leaves on.
     * @param buffer holds the packet.
     * @param offset where the IP header starts.
     * @param length the IP packet's length in bytes.
     */
    void emit(Side egress, DirectBuffer buffer, int offset, int length);
}

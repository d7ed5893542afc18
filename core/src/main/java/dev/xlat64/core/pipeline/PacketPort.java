package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;

/**
 * One network port as the pipeline sees it: a poll-mode receive side and a batched transmit side.
 * The io module adapts an AF_PACKET socket to it; tests use an in-memory fake.
 * A port is used by exactly one {@link RxAgent} (receive) and one {@link TxAgent} (send, flush).
 */
public interface PacketPort
{
    /**
     * Hands up to {@code limit} received frames to {@code handler}, in place, and returns how many it handed over.
     */
    int receive(FrameHandler handler, int limit);

    /**
     * Copies one Ethernet frame into the transmit queue.
     *
     * @return false when the frame could not be queued (queue full or frame too long); the caller counts the drop.
     */
    boolean send(DirectBuffer buffer, int offset, int length);

    /**
     * Kicks the transmission of everything queued by {@link #send}; called once per batch.
     */
    void flush();

    /**
     * @return the port's own MAC address in the low 48 bits, used as the Ethernet source of sent frames.
     */
    long macAddress();

    /**
     * @return the interface name, used in counter labels and log lines.
     */
    String name();
}

package dev.xlat64.io.gateway;

import java.io.IOException;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.pipeline.FrameHandler;
import dev.xlat64.core.pipeline.PacketPort;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketCounters;
import dev.xlat64.io.afpacket.PacketSocketOptions;

/**
 * An AF_PACKET {@link PacketSocket} as a pipeline {@link PacketPort}: frames are handed over in place on the
 * socket's mapped RX ring, sends are copied into its TX ring and kicked once per batch.
 */
public final class PacketSocketPort implements PacketPort, Pollable, AutoCloseable, dev.xlat64.io.afpacket.FrameHandler
{
    private final PacketSocket socket;
    private FrameHandler handler;

    public PacketSocketPort(final PacketSocket socket)
    {
        this.socket = socket;
    }

    /**
     * Opens a port on {@code interfaceName} (inside network namespace {@code namespace} when not null), its socket
     * counters labelled with the interface name.
     *
     * @param tpacketVersion {@link PacketSocketOptions#TPACKET_V3} or {@link PacketSocketOptions#TPACKET_V2}.
     */
    public static PacketSocketPort open(
        final String interfaceName, final CountersManager counters, final String namespace, final int tpacketVersion)
        throws IOException
    {
        return new PacketSocketPort(PacketSocket.open(interfaceName,
            new PacketSocketOptions().tpacketVersion(tpacketVersion).namespace(namespace),
            new PacketSocketCounters(counters, interfaceName)));
    }

    @Override
    public int receive(final FrameHandler handler, final int limit)
    {
        this.handler = handler;
        return socket.receive(this, limit);
    }

    @Override
    public void onFrame(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        handler.onFrame(buffer, offset, length);
    }

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        return socket.send(buffer, offset, length);
    }

    @Override
    public void flush()
    {
        socket.flush();
    }

    /**
     * @return the socket's descriptor: readable when a frame waits on the RX ring (at once per frame with
     *     TPACKET_V2, when a block retires with TPACKET_V3).
     */
    @Override
    public int pollFd()
    {
        return socket.fileDescriptor();
    }

    @Override
    public long macAddress()
    {
        return socket.macAddress();
    }

    @Override
    public String name()
    {
        return socket.interfaceName();
    }

    /**
     * @return the interface MTU read when the socket was opened.
     */
    public int mtuBytes()
    {
        return socket.mtuBytes();
    }

    @Override
    public void close()
    {
        socket.close();
    }
}

package dev.xlat64.bench.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

import dev.xlat64.io.afpacket.NetworkNamespace;
import dev.xlat64.io.lab.NetnsLab;

/**
 * The test stream's receiver on the server: a UDP socket bound to the discard port in the server namespace that is
 * never read, so the server's kernel takes each test packet and drops it once the small receive buffer is full.
 * Without it every packet would reach a closed port and the kernel would try to answer each with an ICMP Port
 * Unreachable (route lookups on every packet, then a rate limit), work that veth runs on the sending CPU, the
 * gateway's, and that would be charged to whichever gateway is under test. Loss is still counted on the wire
 * (the server veth's RX counter), before this socket.
 */
final class DiscardSink implements AutoCloseable
{
    private static final int RECEIVE_BUFFER_BYTES = 4096;

    private final DatagramChannel channel;

    private DiscardSink(final DatagramChannel channel)
    {
        this.channel = channel;
    }

    static DiscardSink open(final NetnsLab lab) throws IOException
    {
        // A socket belongs to the namespace of the thread that made it, for its whole life.
        return new DiscardSink(NetworkNamespace.run(lab.namespace(NetnsLab.Role.SERVER), () ->
        {
            final DatagramChannel channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
            channel.bind(new InetSocketAddress(NetnsLab.SERVER_IPV4, UdpStreamPcap.DISCARD_PORT));
            return channel;
        }));
    }

    @Override
    public void close() throws IOException
    {
        channel.close();
    }
}

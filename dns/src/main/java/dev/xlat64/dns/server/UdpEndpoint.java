package dev.xlat64.dns.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.ResponseHandler;

/**
 * One UDP listening socket of one thread: receives a batch of queries per readiness, hands each to the
 * resolver with the sender's address as context, and sends answers back from the same socket.
 */
final class UdpEndpoint implements DatagramEndpoint, ResponseHandler
{
    private static final int BATCH = 64;

    private final DatagramChannel channel;
    private final Dns64Resolver resolver;
    private final Dns64Counters counters;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65_535).order(ByteOrder.BIG_ENDIAN);
    private final ClientAddress client = new ClientAddress();
    private SocketAddress lastSender;

    UdpEndpoint(final DatagramChannel channel, final Dns64Resolver resolver, final Dns64Counters counters)
    {
        this.channel = channel;
        this.resolver = resolver;
        this.counters = counters;
    }

    @Override
    public int receiveBatch(final long nowNs)
    {
        int work = 0;
        for (; work < BATCH; work++)
        {
            in.clear();
            final SocketAddress from;
            try
            {
                from = channel.receive(in);
            }
            catch (final IOException ex)
            {
                counters.increment(Dns64Counter.INTERNAL_ERRORS);
                break;
            }
            if (from == null)
            {
                break;
            }
            in.flip();
            // The JDK hands back the same address object for consecutive datagrams from one sender.
            if (from != lastSender)
            {
                client.set(((InetSocketAddress)from).getAddress());
                lastSender = from;
            }
            resolver.resolve(in, client, false, from, this);
        }
        return work;
    }

    @Override
    public void onResponse(final Object context, final ByteBuffer response)
    {
        try
        {
            if (channel.send(response, (SocketAddress)context) == 0)
            {
                counters.increment(Dns64Counter.SEND_FAILED);
            }
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.SEND_FAILED);
        }
    }
}

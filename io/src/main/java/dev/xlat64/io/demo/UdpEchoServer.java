package dev.xlat64.io.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * Answers every UDP datagram with the same bytes, on its own thread, until closed. The demo opens the channel
 * inside the server namespace; the thread then serves from anywhere (a socket keeps its namespace).
 */
public final class UdpEchoServer implements AutoCloseable
{
    private final DatagramChannel channel;
    private final Thread thread;
    private volatile SocketAddress lastPeer;

    /**
     * @param channel an open, bound, blocking channel.
     */
    public UdpEchoServer(final DatagramChannel channel)
    {
        this.channel = channel;
        this.thread = new Thread(this::serve, "xlat64-demo-udp-echo");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * @return the address the last datagram came from (the client as the server sees it), or null.
     */
    public SocketAddress lastPeer()
    {
        return lastPeer;
    }

    public InetSocketAddress localAddress() throws IOException
    {
        return (InetSocketAddress)channel.getLocalAddress();
    }

    private void serve()
    {
        final ByteBuffer buffer = ByteBuffer.allocate(65536);
        try
        {
            while (true)
            {
                buffer.clear();
                final SocketAddress peer = channel.receive(buffer);
                lastPeer = peer;
                buffer.flip();
                channel.send(buffer, peer);
            }
        }
        catch (final ClosedChannelException ex)
        {
            // closed by close(): done
        }
        catch (final IOException ex)
        {
            System.err.println("xlat64 demo: UDP echo stopped: " + ex.getMessage());
        }
    }

    @Override
    public void close() throws IOException
    {
        channel.close();
        try
        {
            thread.join(1000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}

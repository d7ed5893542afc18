package dev.xlat64.dns.upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import org.agrona.concurrent.NanoClock;

/**
 * The TCP side of {@link UpstreamClient} (RFC 7766 §5: a truncated UDP answer is asked again over TCP): one
 * non-blocking connection per truncated answer, its own selector polled only while a connection is open.
 * Deadlines and retries stay with the client.
 */
final class UpstreamTcp
{
    private final UpstreamClient client;
    private final Dns64Counters counters;
    private final NanoClock clock;
    private final Selector selector;
    private final Consumer<SelectionKey> onReady = this::onReady;
    private int active;
    private int work;

    UpstreamTcp(final UpstreamClient client, final Dns64Counters counters, final NanoClock clock) throws IOException
    {
        this.client = client;
        this.counters = counters;
        this.clock = clock;
        this.selector = Selector.open();
    }

    void start(final UpstreamExchange exchange, final InetSocketAddress server) throws IOException
    {
        final SocketChannel channel = SocketChannel.open();
        exchange.tcp = channel;
        active++;
        channel.configureBlocking(false);
        exchange.tcpOut = ByteBuffer.allocate(2 + exchange.wire.length);
        exchange.tcpOut.putShort((short)exchange.wire.length).put(exchange.wire).flip();
        exchange.tcpLength = ByteBuffer.allocate(2);
        final boolean connected = channel.connect(server);
        channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, exchange);
    }

    /** @return work done; no system call while no connection is open. */
    int poll()
    {
        if (active == 0)
        {
            return 0;
        }
        work = 0;
        try
        {
            selector.selectNow(onReady);
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
        }
        return work;
    }

    private void onReady(final SelectionKey key)
    {
        final UpstreamExchange exchange = (UpstreamExchange)key.attachment();
        final SocketChannel channel = exchange.tcp;
        final long nowNs = clock.nanoTime();
        work++;
        try
        {
            if (key.isConnectable())
            {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable())
            {
                channel.write(exchange.tcpOut);
                if (!exchange.tcpOut.hasRemaining())
                {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable())
            {
                readTcp(exchange, channel, nowNs);
            }
        }
        catch (final IOException ex)
        {
            client.onTcpFailure(exchange, nowNs);
        }
    }

    private void readTcp(final UpstreamExchange exchange, final SocketChannel channel, final long nowNs) throws IOException
    {
        if (exchange.tcpIn == null)
        {
            if (channel.read(exchange.tcpLength) < 0)
            {
                throw new IOException("upstream closed the connection before answering");
            }
            if (exchange.tcpLength.hasRemaining())
            {
                return;
            }
            exchange.tcpIn = ByteBuffer.allocate(exchange.tcpLength.getShort(0) & 0xFFFF);
        }
        if (channel.read(exchange.tcpIn) < 0 && exchange.tcpIn.hasRemaining())
        {
            throw new IOException("upstream closed the connection in the middle of an answer");
        }
        if (!exchange.tcpIn.hasRemaining())
        {
            client.onTcpMessage(exchange, exchange.tcpIn.array(), nowNs);
        }
    }

    void close(final UpstreamExchange exchange)
    {
        if (exchange.tcp != null)
        {
            try
            {
                exchange.tcp.close();
            }
            catch (final IOException ex)
            {
                counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
            }
            exchange.tcp = null;
            exchange.tcpIn = null;
            active--;
        }
    }

    void closeAll() throws IOException
    {
        selector.close();
    }
}

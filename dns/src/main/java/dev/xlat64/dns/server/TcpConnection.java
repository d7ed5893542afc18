package dev.xlat64.dns.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.ResponseHandler;

/**
 * One client TCP connection (RFC 7766): two-byte length-prefixed queries, several in flight at once, answers
 * in whatever order they are ready (§6.2.1.1), closed after an idle timeout (§6.2.3) or when the client closes.
 */
final class TcpConnection implements SelectionHandler, ResponseHandler
{
    private final SocketChannel channel;
    private final Dns64Resolver resolver;
    private final Dns64Counters counters;
    private final ClientAddress client = new ClientAddress();
    private final ByteBuffer in = ByteBuffer.allocate(2 + 65_535).order(ByteOrder.BIG_ENDIAN);
    private ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN);
    private SelectionKey key;
    private long lastActivityNs;
    private boolean closed;
    private final Consumer<TcpConnection> onClose;

    TcpConnection(
        final SocketChannel channel, final Dns64Resolver resolver, final Dns64Counters counters, final long nowNs,
        final Consumer<TcpConnection> onClose) throws IOException
    {
        this.channel = channel;
        this.resolver = resolver;
        this.counters = counters;
        this.lastActivityNs = nowNs;
        this.onClose = onClose;
        client.set(((InetSocketAddress)channel.getRemoteAddress()).getAddress());
    }

    void key(final SelectionKey key)
    {
        this.key = key;
    }

    long lastActivityNs()
    {
        return lastActivityNs;
    }

    @Override
    public int onReady(final SelectionKey key, final long nowNs)
    {
        lastActivityNs = nowNs;
        try
        {
            if (key.isValid() && key.isWritable())
            {
                flush();
            }
            if (key.isValid() && key.isReadable())
            {
                final int read = channel.read(in);
                if (read < 0)
                {
                    close();
                    return 1;
                }
                handleFrames();
            }
        }
        catch (final IOException ex)
        {
            close();
        }
        return 1;
    }

    private void handleFrames()
    {
        in.flip();
        while (in.remaining() >= 2)
        {
            final int length = in.getShort(in.position()) & 0xFFFF;
            if (in.remaining() < 2 + length)
            {
                break;
            }
            final int start = in.position() + 2;
            final int limit = in.limit();
            in.position(start).limit(start + length);
            resolver.resolve(in, client, true, null, this);
            if (closed)
            {
                return;
            }
            in.limit(limit).position(start + length);
        }
        in.compact();
    }

    @Override
    public void onResponse(final Object context, final ByteBuffer response)
    {
        if (closed)
        {
            counters.increment(Dns64Counter.SEND_FAILED);
            return;
        }
        final int length = response.remaining();
        if (out.remaining() < 2 + length)
        {
            final ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + 2 + length));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        out.putShort((short)length).put(response);
        try
        {
            flush();
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.SEND_FAILED);
            close();
        }
    }

    private void flush() throws IOException
    {
        out.flip();
        channel.write(out);
        out.compact();
        if (key != null && key.isValid())
        {
            key.interestOps(out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
        }
        onClose.accept(this);
    }
}

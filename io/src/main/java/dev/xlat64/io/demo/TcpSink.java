package dev.xlat64.io.demo;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Accepts TCP connections on its own thread; for each, reads an 8-byte length and that many bytes, and answers
 * with the byte count and the SHA-256 of what it read, so the sender can verify the content end to end.
 */
public final class TcpSink implements AutoCloseable
{
    private final ServerSocketChannel channel;
    private final Thread thread;
    private volatile InetSocketAddress lastPeer;

    /**
     * @param channel an open, bound server channel (opened in the server's namespace).
     */
    public TcpSink(final ServerSocketChannel channel)
    {
        this.channel = channel;
        this.thread = new Thread(this::serve, "xlat64-demo-tcp-sink");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public InetSocketAddress localAddress() throws IOException
    {
        return (InetSocketAddress)channel.getLocalAddress();
    }

    /**
     * @return the address the last connection came from, or null.
     */
    public InetSocketAddress lastPeer()
    {
        return lastPeer;
    }

    private void serve()
    {
        while (channel.isOpen())
        {
            try (Socket socket = channel.accept().socket())
            {
                lastPeer = (InetSocketAddress)socket.getRemoteSocketAddress();
                socket.setSoTimeout(20_000);
                final InputStream in = socket.getInputStream();
                final long length = new java.io.DataInputStream(in).readLong();
                final MessageDigest sha = sha256();
                final byte[] chunk = new byte[64 * 1024];
                long remaining = length;
                while (remaining > 0)
                {
                    final int n = in.read(chunk, 0, (int)Math.min(chunk.length, remaining));
                    if (n < 0)
                    {
                        break;
                    }
                    sha.update(chunk, 0, n);
                    remaining -= n;
                }
                final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeLong(length - remaining);
                out.write(sha.digest());
                out.flush();
            }
            catch (final IOException ex)
            {
                if (channel.isOpen())
                {
                    System.err.println("xlat64 demo: TCP sink connection failed: " + ex.getMessage());
                }
            }
        }
    }

    static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
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

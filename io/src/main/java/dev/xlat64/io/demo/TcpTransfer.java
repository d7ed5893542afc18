package dev.xlat64.io.demo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Sends a few megabytes of seeded pseudo-random bytes to a {@link TcpSink} and compares the SHA-256 the sink
 * computed with its own: equal digests mean every byte crossed the gateway intact and in order.
 */
public final class TcpTransfer
{
    /**
     * @param bytes bytes sent.
     * @param received bytes the sink says it received.
     * @param digestsMatch true when the sink's SHA-256 equals the sender's.
     * @param sha256 the sender's digest, hex.
     * @param elapsedNs time from connect to the sink's answer.
     */
    public record Result(long bytes, long received, boolean digestsMatch, String sha256, long elapsedNs)
    {
        public boolean ok()
        {
            return received == bytes && digestsMatch;
        }

        public double megabitsPerSecond()
        {
            return bytes * 8.0 / (elapsedNs / 1e9) / 1e6;
        }
    }

    private TcpTransfer()
    {
    }

    /**
     * @param channel an open, unconnected channel (opened in the sender's namespace).
     */
    public static Result run(final SocketChannel channel, final InetSocketAddress sink, final long bytes, final long seed)
        throws IOException
    {
        final long start = System.nanoTime();
        final Socket socket = channel.socket();
        socket.connect(sink, 5_000);
        socket.setSoTimeout(20_000);
        try (socket)
        {
            final MessageDigest sha = TcpSink.sha256();
            final OutputStream raw = socket.getOutputStream();
            final DataOutputStream out = new DataOutputStream(raw);
            out.writeLong(bytes);
            final SplittableRandom random = new SplittableRandom(seed);
            final byte[] chunk = new byte[32 * 1024];
            long remaining = bytes;
            while (remaining > 0)
            {
                final int n = (int)Math.min(chunk.length, remaining);
                for (int i = 0; i < n; i += 8)
                {
                    long r = random.nextLong();
                    for (int j = i; j < Math.min(i + 8, n); j++)
                    {
                        chunk[j] = (byte)r;
                        r >>>= 8;
                    }
                }
                sha.update(chunk, 0, n);
                out.write(chunk, 0, n);
                remaining -= n;
            }
            out.flush();
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final long received = in.readLong();
            final byte[] theirs = new byte[32];
            in.readFully(theirs);
            final byte[] ours = sha.digest();
            return new Result(bytes, received, Arrays.equals(ours, theirs), HexFormat.of().formatHex(ours),
                System.nanoTime() - start);
        }
    }
}

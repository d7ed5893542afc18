package dev.xlat64.io.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

/**
 * Sends numbered datagrams of distinct content to an echo server and checks that each comes back byte for byte.
 */
public final class UdpExchange
{
    /**
     * What came back.
     *
     * @param sent datagrams sent.
     * @param echoed datagrams that came back with the content sent.
     * @param corrupted datagrams that came back different.
     * @param payloadBytes bytes per datagram.
     * @param replyFrom the address the replies came from.
     */
    public record Result(int sent, int echoed, int corrupted, int payloadBytes, InetSocketAddress replyFrom)
    {
        public boolean ok()
        {
            return echoed == sent && corrupted == 0;
        }
    }

    private UdpExchange()
    {
    }

    /**
     * @param channel an open channel (opened in the client's namespace), connected by this call.
     * @param timeoutMs how long to wait for each reply.
     */
    public static Result run(
        final DatagramChannel channel, final InetSocketAddress server, final int datagrams, final int payloadBytes,
        final int timeoutMs) throws IOException
    {
        channel.connect(server);
        channel.socket().setSoTimeout(timeoutMs);
        int echoed = 0;
        int corrupted = 0;
        final byte[] received = new byte[payloadBytes + 1];
        for (int i = 0; i < datagrams; i++)
        {
            final byte[] payload = payload(i, payloadBytes);
            channel.write(ByteBuffer.wrap(payload));
            try
            {
                // DatagramChannel.read ignores SO_TIMEOUT; the adaptor socket honours it.
                final java.net.DatagramPacket packet = new java.net.DatagramPacket(received, received.length);
                channel.socket().receive(packet);
                if (Arrays.equals(payload, 0, payloadBytes, received, 0, packet.getLength()))
                {
                    echoed++;
                }
                else
                {
                    corrupted++;
                }
            }
            catch (final SocketTimeoutException ex)
            {
                // lost: counted as not echoed
            }
        }
        return new Result(datagrams, echoed, corrupted, payloadBytes, server);
    }

    static byte[] payload(final int sequence, final int length)
    {
        final byte[] payload = new byte[length];
        for (int i = 0; i < length; i++)
        {
            payload[i] = (byte)(sequence * 31 + i * 7);
        }
        return payload;
    }
}

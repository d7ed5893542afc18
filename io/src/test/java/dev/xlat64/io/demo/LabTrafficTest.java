package dev.xlat64.io.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import org.junit.jupiter.api.Test;

/**
 * The demo's traffic on loopback (no gateway): the checks pass when the bytes arrive intact and fail when they
 * don't, so in the lab a pass means the translation kept every byte.
 */
class LabTrafficTest
{
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void shouldSeeEveryDatagramEchoedIntact() throws Exception
    {
        try (UdpEchoServer echo = new UdpEchoServer(DatagramChannel.open().bind(LOOPBACK));
            DatagramChannel client = DatagramChannel.open())
        {
            final UdpExchange.Result result = UdpExchange.run(client, echo.localAddress(), 5, 300, 2000);
            assertEquals(new UdpExchange.Result(5, 5, 0, 300, echo.localAddress()), result);
            assertTrue(result.ok());
        }
    }

    @Test
    void shouldCountANonAnsweringServerAsLoss() throws Exception
    {
        try (DatagramChannel silent = DatagramChannel.open().bind(LOOPBACK);
            DatagramChannel client = DatagramChannel.open())
        {
            final UdpExchange.Result result = UdpExchange.run(
                client, (InetSocketAddress)silent.getLocalAddress(), 2, 10, 100);
            assertEquals(0, result.echoed());
            assertEquals(false, result.ok());
        }
    }

    @Test
    void shouldVerifyATransferBySha256() throws Exception
    {
        try (TcpSink sink = new TcpSink(ServerSocketChannel.open().bind(LOOPBACK)))
        {
            final TcpTransfer.Result result = TcpTransfer.run(SocketChannel.open(), sink.localAddress(), 3_000_001, 42);
            assertEquals(3_000_001, result.received());
            assertTrue(result.digestsMatch());
            assertTrue(result.ok());
            final TcpTransfer.Result again = TcpTransfer.run(SocketChannel.open(), sink.localAddress(), 3_000_001, 42);
            assertEquals(result.sha256(), again.sha256(), "the content is a function of the seed");
        }
    }
}

package dev.xlat64.io.afpacket;

import dev.xlat64.io.lab.NetnsLab;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import dev.xlat64.io.lab.Requirements;

import static dev.xlat64.io.afpacket.PacketSocketTest.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Frames the receive loop must not hand over: longer than the MTU (GSO, or a peer with a larger MTU) and
 * checksum-partial. Each test gets a fresh lab because it turns the client end's offloads or MTU back on.
 */
class PacketSocketOffloadTest
{
    private static final int ETH_P_IPV6 = 0x86DD;
    private NetnsLab lab;

    @BeforeEach
    void buildLab() throws IOException
    {
        Requirements.requireLab();
        lab = NetnsLab.create();
    }

    @AfterEach
    void removeLab()
    {
        if (null != lab)
        {
            lab.close();
        }
    }

    @Test
    void shouldDropAndCountFrameLongerThanMtuFromPeerWithLargerMtu() throws IOException
    {
        // veth forwards frames up to the receiver's MTU + 14 + 4 (VLAN): 1518 bytes reach a 1500-MTU end.
        assertTrue(lab.exec(NetnsLab.Role.CLIENT, "ip", "link", "set", lab.clientInterface(), "mtu", "2000").ok());
        try (PacketSocket client = openClient(lab, new PacketSocketOptions().protocol(ETHERTYPE_TEST));
            PacketSocket gateway = openGateway(lab, new PacketSocketOptions().protocol(ETHERTYPE_TEST)))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[2048]);
            assertTrue(client.send(frame, 0, buildFrame(frame, gateway.macAddress(), client.macAddress(), 1, 1518)));
            assertTrue(client.send(frame, 0, buildFrame(frame, gateway.macAddress(), client.macAddress(), 2, 1514)));
            assertEquals(2, client.flush());
            final RecordingHandler handler = new RecordingHandler();
            assertEquals(2, receiveAll(gateway, handler, 2, 8));
            assertEquals(1, handler.frames.size());
            assertArrayEquals(new int[] {2, 1514}, handler.frames.get(0));
            assertEquals(1, gateway.counters().get(PacketSocketCounter.RX_DROP_OVERSIZE));
            assertEquals(1, gateway.counters().get(PacketSocketCounter.RX_FRAMES));
        }
    }

    @Test
    void shouldDropAndCountChecksumPartialUdpFromPeerWithTxChecksumOffload() throws Exception
    {
        assertTrue(lab.exec(NetnsLab.Role.CLIENT, "ethtool", "-K", lab.clientInterface(), "tx", "on").ok());
        try (PacketSocket gateway = openGateway(lab, new PacketSocketOptions().protocol(ETH_P_IPV6));
            DatagramChannel udp = NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT),
                () -> DatagramChannel.open(StandardProtocolFamily.INET6)))
        {
            udp.send(ByteBuffer.wrap(new byte[100]), new InetSocketAddress(NetnsLab.GATEWAY_IPV6, 9));
            final int[] udpFramesSeen = new int[1];
            final FrameHandler handler = (buffer, offset, length) ->
            {
                // IPv6 next header 17: a UDP frame that was handed over although its checksum is partial.
                if (buffer.getByte(offset + 14 + 6) == 17)
                {
                    udpFramesSeen[0]++;
                }
            };
            final long deadline = System.nanoTime() + 3_000_000_000L;
            while (gateway.counters().get(PacketSocketCounter.RX_DROP_CHECKSUM_PARTIAL) == 0 &&
                System.nanoTime() < deadline)
            {
                if (gateway.poll(100))
                {
                    gateway.receive(handler, 64);
                }
            }
            assertEquals(1, gateway.counters().get(PacketSocketCounter.RX_DROP_CHECKSUM_PARTIAL));
            assertEquals(0, udpFramesSeen[0]);
            assertTrue(gateway.counters().get(PacketSocketCounter.RX_FRAMES) >= 1,
                "the client's Neighbor Solicitation (software checksum) is handed over");
        }
    }

    @Test
    void shouldDropAndCountGsoTcpFramesLongerThanMtu() throws Exception
    {
        assertTrue(lab.exec(NetnsLab.Role.CLIENT, "ethtool", "-K", lab.clientInterface(),
            "tx", "on", "sg", "on", "tso", "on", "gso", "on").ok());
        final InetSocketAddress server = new InetSocketAddress(NetnsLab.GATEWAY_IPV6, 5001);
        try (PacketSocket gateway = openGateway(lab, new PacketSocketOptions().protocol(ETH_P_IPV6));
            ServerSocketChannel listener = NetworkNamespace.run(lab.namespace(NetnsLab.Role.GATEWAY),
                () -> ServerSocketChannel.open(StandardProtocolFamily.INET6).bind(server));
            SocketChannel tcp = NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT),
                () -> SocketChannel.open(StandardProtocolFamily.INET6)))
        {
            tcp.connect(server);
            final int[] longest = new int[1];
            final FrameHandler handler = (buffer, offset, length) -> longest[0] = Math.max(longest[0], length);
            try (SocketChannel accepted = listener.accept())
            {
                accepted.configureBlocking(false);
                final ByteBuffer sink = ByteBuffer.allocate(1 << 16);
                final ByteBuffer data = ByteBuffer.allocate(1 << 16);
                final long deadline = System.nanoTime() + 3_000_000_000L;
                while (gateway.counters().get(PacketSocketCounter.RX_DROP_OVERSIZE) == 0 && System.nanoTime() < deadline)
                {
                    data.clear();
                    tcp.write(data);
                    while (accepted.read(sink.clear()) > 0)
                    {
                        // keep the receive window open
                    }
                    if (gateway.poll(20))
                    {
                        gateway.receive(handler, 256);
                    }
                }
            }
            assertTrue(gateway.counters().get(PacketSocketCounter.RX_DROP_OVERSIZE) >= 1);
            assertTrue(longest[0] <= 1514, "no frame longer than MTU + 14 handed over: " + longest[0]);
        }
    }
}

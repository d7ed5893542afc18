package dev.xlat64.io.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.core.rfc7915.PacketSink;
import dev.xlat64.core.rfc7915.Side;
import dev.xlat64.core.rfc7915.Translator;
import dev.xlat64.io.afpacket.FrameHandler;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketOptions;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.TranslatorConfigReader;
import dev.xlat64.io.demo.LabGatewayConfig;

/**
 * The kernel as a second oracle: real ping, UDP and TCP between the client and server namespaces of a
 * {@link NetnsLab}, with the SIIT translator (and nothing else) forwarding between the gateway's two AF_PACKET
 * sockets. The receiving kernels drop anything with a wrong checksum or length, so the traffic only works if
 * the translation is right. The client 2001:db8:1::2 is 203.0.113.2 by an EAM; the server 198.51.100.10 is
 * 2001:db8:64::c633:640a by pool6.
 */
class SiitKernelOracleTest
{
    static final String CONFIG = """
        pool6: 2001:db8:64::/96
        eamt:
          - ipv6-prefix: 2001:db8:1::2/128
            ipv4-prefix: 203.0.113.2/32
        translator-ipv4-address: 198.51.100.1
        translator-ipv6-address: 2001:db8:1::1
        """;
    private static final String SERVER6 = "2001:db8:64::c633:640a";
    private static final String PYTHON = "/usr/bin/python3";

    private static NetnsLab lab;
    private static TranslatorLoop loop;

    @BeforeAll
    static void start() throws Exception
    {
        Requirements.requireLab();
        lab = NetnsLab.create();
        loop = TranslatorLoop.start(lab, CONFIG, "siit-oracle");
    }

    @AfterAll
    static void stop() throws InterruptedException
    {
        if (loop != null)
        {
            loop.close();
        }
        if (lab != null)
        {
            lab.close();
        }
    }

    @Test
    void shouldCarryPingBothWaysAtSmallAndFullSize() throws IOException
    {
        final long before = loop.counters.get(TranslatorOutcome.TRANSLATED_6TO4);
        final ExecResult small = lab.exec(NetnsLab.Role.CLIENT, "ping", "-6", "-c", "3", "-i", "0.2", "-W", "2", SERVER6);
        assertTrue(small.ok(), small.output());
        // 1452 bytes of data: a 1500-byte IPv6 packet, 1480 bytes as IPv4 (DF set).
        final ExecResult full = lab.exec(NetnsLab.Role.CLIENT, "ping", "-6", "-c", "2", "-i", "0.2", "-W", "2",
            "-s", "1452", SERVER6);
        assertTrue(full.ok(), full.output());
        final ExecResult reverse = lab.exec(NetnsLab.Role.SERVER, "ping", "-4", "-c", "3", "-i", "0.2", "-W", "2",
            "203.0.113.2");
        assertTrue(reverse.ok(), reverse.output());
        assertTrue(loop.counters.get(TranslatorOutcome.TRANSLATED_6TO4) - before >= 8);
        assertEquals(0, loop.counters.get(DropReason.ICMP_CHECKSUM_INVALID));
    }

    @Test
    void shouldCarryUdpDatagramsOfEverySize() throws Exception
    {
        final Process server = background(NetnsLab.Role.SERVER, """
            import socket
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("198.51.100.10", 7000))
            s.settimeout(10)
            for _ in range(4):
                data, peer = s.recvfrom(4096)
                s.sendto(data[::-1], peer)
            """);
        try
        {
            final ExecResult client = lab.exec(NetnsLab.Role.CLIENT, PYTHON, "-c", """
                import socket, time
                c = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                c.settimeout(3)
                for size in (1, 100, 1000, 1452):
                    data = bytes((i * 7 + size) & 255 for i in range(size))
                    for attempt in range(5):
                        c.sendto(data, ("%s", 7000))
                        try:
                            echo, _ = c.recvfrom(4096)
                            break
                        except socket.timeout:
                            continue
                    assert echo == data[::-1], size
                print("udp ok")
                """.formatted(SERVER6));
            assertTrue(client.output().contains("udp ok"), client.output());
        }
        finally
        {
            server.destroyForcibly();
        }
    }

    @Test
    void shouldCarryTcpStreamBothWays() throws Exception
    {
        final Process server = background(NetnsLab.Role.SERVER, """
            import socket, hashlib
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("198.51.100.10", 7001))
            s.listen(1)
            s.settimeout(10)
            c, _ = s.accept()
            h = hashlib.sha256()
            while True:
                chunk = c.recv(65536)
                if not chunk:
                    break
                h.update(chunk)
            c.sendall(h.hexdigest().encode() + bytes(range(256)) * 200)
            c.close()
            """);
        try
        {
            final ExecResult client = lab.exec(NetnsLab.Role.CLIENT, PYTHON, "-c", """
                import socket, hashlib, time
                data = bytes((i * 13) & 255 for i in range(300000))
                for attempt in range(20):
                    try:
                        c = socket.create_connection(("%s", 7001), timeout=5)
                        break
                    except OSError:
                        time.sleep(0.2)
                c.sendall(data)
                c.shutdown(socket.SHUT_WR)
                reply = b""
                while True:
                    chunk = c.recv(65536)
                    if not chunk:
                        break
                    reply += chunk
                assert reply[:64].decode() == hashlib.sha256(data).hexdigest(), reply[:64]
                assert reply[64:] == bytes(range(256)) * 200
                print("tcp ok")
                """.formatted(SERVER6));
            assertTrue(client.output().contains("tcp ok"), client.output());
        }
        finally
        {
            server.destroyForcibly();
        }
    }

    private static Process background(final NetnsLab.Role role, final String script) throws Exception
    {
        final Process process = new ProcessBuilder("ip", "netns", "exec", lab.namespace(role), PYTHON, "-c", script)
            .redirectErrorStream(true).start();
        TimeUnit.MILLISECONDS.sleep(400); // let it bind
        return process;
    }

    /** The tiny gateway: poll both sockets, translate, frame, send, on its own daemon thread. */
    static final class TranslatorLoop implements Runnable, PacketSink, AutoCloseable
    {
        final TranslatorCounters counters;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final Translator translator;
        private final PacketSocket six;
        private final PacketSocket four;
        private final long clientMac;
        private final long serverMac;
        private final UnsafeBuffer work = new UnsafeBuffer(ByteBuffer.allocateDirect(16384));
        private final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(16384));
        private final FrameHandler fromSix = (buffer, offset, length) -> handle(Side.IPV6, buffer, offset, length);
        private final FrameHandler fromFour = (buffer, offset, length) -> handle(Side.IPV4, buffer, offset, length);

        private TranslatorLoop(final NetnsLab lab, final String config, final String threadName) throws IOException
        {
            final CountersManager manager = CounterSet.inMemoryManager(512);
            counters = new TranslatorCounters(manager, "oracle");
            translator = new Translator(TranslatorConfigReader.read(ConfigNode.parse("oracle.yaml", config)), counters);
            final String gateway = lab.namespace(NetnsLab.Role.GATEWAY);
            six = PacketSocket.open(lab.gatewayIpv6Interface(),
                new PacketSocketOptions().ignoreOutgoing(true).namespace(gateway));
            four = PacketSocket.open(lab.gatewayIpv4Interface(),
                new PacketSocketOptions().ignoreOutgoing(true).namespace(gateway));
            clientMac = MacAddress.parse(LabGatewayConfig.mac(lab, NetnsLab.Role.CLIENT, lab.clientInterface()));
            serverMac = MacAddress.parse(LabGatewayConfig.mac(lab, NetnsLab.Role.SERVER, lab.serverInterface()));
            thread = new Thread(this, threadName);
            thread.setDaemon(true);
        }

        /** Opens the gateway's sockets in {@code lab} and starts translating with {@code config}. */
        static TranslatorLoop start(final NetnsLab lab, final String config, final String threadName)
            throws IOException
        {
            final TranslatorLoop loop = new TranslatorLoop(lab, config, threadName);
            loop.thread.start();
            return loop;
        }

        @Override
        public void run()
        {
            while (running.get())
            {
                int work = 0;
                if (six.poll(0))
                {
                    work += six.receive(fromSix, 64);
                }
                if (four.poll(0))
                {
                    work += four.receive(fromFour, 64);
                }
                six.flush();
                four.flush();
                if (work == 0)
                {
                    six.poll(1);
                }
            }
        }

        private void handle(final Side side, final MutableDirectBuffer buffer, final int offset, final int length)
        {
            final PacketSocket socket = side == Side.IPV6 ? six : four;
            final long destination = MacAddress.get(buffer, offset);
            final int etherType = buffer.getShort(offset + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (destination != socket.macAddress() || etherType != (side == Side.IPV6 ? 0x86DD : 0x0800))
            {
                return; // not for the translator (ARP, ND, multicast): the kernel handles it
            }
            final int ipLength = length - 14;
            work.putBytes(Translator.HEADROOM, buffer, offset + 14, ipLength);
            if (side == Side.IPV6)
            {
                translator.translate6to4(work, Translator.HEADROOM, ipLength, this);
            }
            else
            {
                translator.translate4to6(work, Translator.HEADROOM, ipLength, this);
            }
        }

        @Override
        public void emit(final Side egress, final DirectBuffer buffer, final int offset, final int length)
        {
            final PacketSocket socket = egress == Side.IPV6 ? six : four;
            final long destination = egress == Side.IPV6 ? clientMac : serverMac;
            MacAddress.put(frame, 0, destination);
            MacAddress.put(frame, 6, socket.macAddress());
            frame.putShort(12, (short)(egress == Side.IPV6 ? 0x86DD : 0x0800), ByteOrder.BIG_ENDIAN);
            frame.putBytes(14, buffer, offset, length);
            socket.send(frame, 0, 14 + length);
        }

        /** Stops the thread (waiting up to 5 s) and closes the sockets. */
        @Override
        public void close() throws InterruptedException
        {
            running.set(false);
            thread.join(5_000);
            six.close();
            four.close();
        }
    }
}

package dev.xlat64.io.pcap;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.TcpHeader;
import dev.xlat64.core.testing.PacketBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.xlat64.io.lab.Requirements;

/**
 * tcpdump as the oracle: it must read what {@link PcapWriter} writes, and {@link PcapReader} must read what tcpdump
 * captures (on the loopback of a network namespace made and removed here). Skipped, with the reason, where tcpdump is
 * not installed or namespaces cannot be made.
 */
class TcpdumpInteropTest
{
    private static final long SECONDS = 0x692AA880L;
    /** 2001:db8:1::2 port 40000 -> 2001:db8:64::c633:640a port 5000, 4 bytes of data. */
    private static final String UDP6 = "60000000 000c 11 40 20010db8000100000000000000000002 20010db8006400000000 0000c633640a" +
        "9c40 1388 000c 0000 61626364";
    /** 198.51.100.10 -> 203.0.113.5 echo request id 0x1234 seq 1, 4 bytes of data. */
    private static final String ECHO4 = "45000020 00010000 40010000 c633640a cb007105 0800 0000 1234 0001 61626364";

    @TempDir
    Path directory;

    private static boolean tcpdumpInstalled;

    @BeforeAll
    static void findTcpdump()
    {
        tcpdumpInstalled = Files.isExecutable(Path.of("/usr/bin/tcpdump")) || Files.isExecutable(Path.of("/usr/sbin/tcpdump"));
    }

    @Test
    void shouldBeReadByTcpdumpAsRawIp()
        throws Exception
    {
        Requirements.require(tcpdumpInstalled, "tcpdump is not installed (apt-get install tcpdump)");
        final Path path = directory.resolve("raw.pcap");
        try (PcapWriter writer = PcapWriter.create(path, PcapLinkType.RAW))
        {
            final byte[] udp6 = bytes(UDP6);
            final byte[] echo4 = bytes(ECHO4);
            writer.write(new UnsafeBuffer(udp6), 0, udp6.length, SECONDS * 1_000_000_000L + 123_456_000L);
            writer.write(new UnsafeBuffer(echo4), 0, echo4.length, (SECONDS + 1) * 1_000_000_000L + 7_000L);
        }
        final List<String> lines = run("tcpdump", "-nn", "-tt", "-r", path.toString());
        assertEquals(List.of(
            SECONDS + ".123456 IP6 2001:db8:1::2.40000 > 2001:db8:64::c633:640a.5000: UDP, length 4",
            (SECONDS + 1) + ".000007 IP 198.51.100.10 > 203.0.113.5: ICMP echo request, id 4660, seq 1, length 12"),
            lines);
    }

    @Test
    void shouldBeReadByTcpdumpAsEthernetWithNanoseconds()
        throws Exception
    {
        Requirements.require(tcpdumpInstalled, "tcpdump is not installed (apt-get install tcpdump)");
        final Path path = directory.resolve("ethernet.pcap");
        try (PcapWriter writer = PcapWriter.create(path, PcapLinkType.ETHERNET, PcapPrecision.NANOSECONDS))
        {
            final byte[] udp6 = bytes(UDP6);
            writer.writeIpPacket(new UnsafeBuffer(udp6), 0, udp6.length, SECONDS * 1_000_000_000L + 123_456_789L);
        }
        final List<String> lines = run("tcpdump", "-nn", "-e", "-tt", "--time-stamp-precision=nano", "-r", path.toString());
        assertEquals(List.of(SECONDS + ".123456789 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv6 (0x86dd), " +
            "length 66: 2001:db8:1::2.40000 > 2001:db8:64::c633:640a.5000: UDP, length 4"), lines);
    }

    @Test
    void shouldHaveTcpdumpConfirmEveryChecksumOfBuiltPackets()
        throws Exception
    {
        Requirements.require(tcpdumpInstalled, "tcpdump is not installed (apt-get install tcpdump)");
        final Path path = directory.resolve("built.pcap");
        final List<byte[]> packets = new ArrayList<>();
        for (final int size : new int[] {0, 1, 7, 64, 333, 1400})
        {
            packets.add(PacketBuilder.ipv4("198.51.100.10", "203.0.113.5").udp(40000, 5000).payload(size).build());
            packets.add(PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").udp(40000, 5000).payload(size).build());
            packets.add(PacketBuilder.ipv4("198.51.100.10", "203.0.113.5").tcp(1234, 5001).sequenceNumber(size)
                .tcpFlags(TcpHeader.ACK).acknowledgmentNumber(1).payload(size).build());
            packets.add(PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").tcp(1234, 5001)
                .tcpOptions(bytes("020405a0 01 030307")).tcpFlags(TcpHeader.SYN).payload(size).build());
            packets.add(PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").icmpEchoRequest(1, size)
                .payload(size).build());
            packets.add(PacketBuilder.ipv4("198.51.100.10", "203.0.113.5").icmpEchoRequest(1, size).payload(size).build());
        }
        try (PcapWriter writer = PcapWriter.create(path, PcapLinkType.RAW))
        {
            for (final byte[] packet : packets)
            {
                writer.write(new UnsafeBuffer(packet), 0, packet.length, 0);
            }
        }
        final String output = String.join("\n", run("tcpdump", "-nn", "-vv", "-r", path.toString()));
        assertEquals(12, count(output, "[udp sum ok]"), output);
        assertEquals(12, count(output, "(correct)"), output);
        assertEquals(6, count(output, "[icmp6 sum ok]"), output);
        assertEquals(6, count(output, "ICMP echo request"), output);
        assertEquals(0, count(output, "bad") + count(output, "wrong") + count(output, "incorrect"), output);
    }

    private static int count(final String text, final String word)
    {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
        {
            count++;
        }
        return count;
    }

    @Test
    void shouldReadWhatTcpdumpCapturedInANamespace()
        throws Exception
    {
        Requirements.require(tcpdumpInstalled, "tcpdump is not installed (apt-get install tcpdump)");
        final String namespace = "xlpcap" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1 << 16);
        Requirements.require(exec("ip", "netns", "add", namespace) == 0, "cannot create network namespaces here (ip netns add failed)");
        try
        {
            assertEquals(0, exec("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up"));
            final Path path = directory.resolve("captured.pcap");
            final Process tcpdump = new ProcessBuilder("ip", "netns", "exec", namespace,
                "tcpdump", "-i", "lo", "-nn", "-U", "-Z", "root", "-c", "8", "-w", path.toString(), "icmp or icmp6")
                .redirectErrorStream(true).start();
            try
            {
                final BufferedReader output =
                    new BufferedReader(new InputStreamReader(tcpdump.getInputStream(), StandardCharsets.UTF_8));
                final String first = output.readLine();
                assertTrue(first != null && first.contains("listening on lo"), "tcpdump did not start: " + first);
                assertEquals(0, exec("ip", "netns", "exec", namespace, "ping", "-c", "2", "-i", "0.2", "-W", "2", "127.0.0.1"));
                assertEquals(0, exec("ip", "netns", "exec", namespace, "ping", "-6", "-c", "2", "-i", "0.2", "-W", "2", "::1"));
                if (!tcpdump.waitFor(10, TimeUnit.SECONDS))
                {
                    fail("tcpdump did not see 8 ICMP packets within 10 s");
                }
            }
            finally
            {
                tcpdump.destroy();
            }

            int echoRequests = 0;
            int echoReplies = 0;
            try (PcapReader reader = PcapReader.open(path))
            {
                assertEquals(PcapLinkType.ETHERNET, reader.linkType());
                final EthernetHeader ethernet = new EthernetHeader();
                final Ipv4Header ipv4 = new Ipv4Header();
                final Ipv6Header ipv6 = new Ipv6Header();
                long previousNs = 0;
                while (reader.next())
                {
                    final PcapRecord record = reader.record();
                    assertTrue(record.timestampNs() >= previousNs, "timestamps in order");
                    previousNs = record.timestampNs();
                    ethernet.wrap(record.buffer(), record.offset());
                    final int ipOffset = ethernet.payloadOffset();
                    final int ipLength = record.capturedLength() - EthernetHeader.HEADER_LENGTH;
                    final int type;
                    if (ethernet.etherType() == EthernetHeader.ETHERTYPE_IPV4)
                    {
                        assertEquals(HeaderFault.NONE, ipv4.wrap(record.buffer(), ipOffset).validate(ipLength));
                        assertEquals(IpProtocol.ICMP, ipv4.protocol());
                        assertEquals(0x7F000001, ipv4.source());
                        type = record.buffer().getByte(ipv4.payloadOffset()) & 0xFF;
                        echoRequests += type == IcmpHeader.TYPE_ECHO_REQUEST ? 1 : 0;
                        echoReplies += type == IcmpHeader.TYPE_ECHO_REPLY ? 1 : 0;
                    }
                    else
                    {
                        assertEquals(EthernetHeader.ETHERTYPE_IPV6, ethernet.etherType());
                        assertEquals(HeaderFault.NONE, ipv6.wrap(record.buffer(), ipOffset).validate(ipLength));
                        assertEquals(IpProtocol.ICMPV6, ipv6.nextHeader());
                        assertEquals(1L, ipv6.sourceLow());
                        type = record.buffer().getByte(ipv6.payloadOffset()) & 0xFF;
                        echoRequests += type == Icmpv6Header.TYPE_ECHO_REQUEST ? 1 : 0;
                        echoReplies += type == Icmpv6Header.TYPE_ECHO_REPLY ? 1 : 0;
                    }
                }
                assertEquals(8, reader.recordCount());
            }
            assertEquals(4, echoRequests);
            assertEquals(4, echoReplies);
        }
        finally
        {
            exec("ip", "netns", "del", namespace);
        }
        assertFalse(Files.exists(Path.of("/run/netns", namespace)), "namespace removed");
    }

    private static int exec(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(20, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static List<String> run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                lines.add(line);
            }
        }
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed");
        return lines;
    }
}

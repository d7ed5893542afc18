package dev.xlat64.io.cli;

import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.core.rfc7915.TranslatorHarness;
import dev.xlat64.io.pcap.PcapLinkType;
import dev.xlat64.io.pcap.PcapReader;
import dev.xlat64.io.pcap.PcapWriter;
import picocli.CommandLine;

class TranslateCommandTest
{
    private static final String CONFIG = """
        pool6: 2001:db8:64::/96
        eamt:
          - ipv6-prefix: 2001:db8:1::/120
            ipv4-prefix: 203.0.113.0/24
        translator-ipv4-address: 198.51.100.1
        translator-ipv6-address: 2001:db8:1::1
        """;

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cli = Xlat64Command.commandLine();
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));
        return cli.execute(args);
    }

    @Test
    void shouldTranslateEthernetPcapAndExplainEachPacket() throws IOException
    {
        final byte[] udp6 = ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").carrying(udp(40000, 53, bytes(20, 1)));
        final byte[] udp4 = ipv4("198.51.100.10", "203.0.113.2").carrying(udp(53, 40000, bytes(20, 2)));
        final byte[] expired = ipv4("198.51.100.10", "203.0.113.2").ttl(1).carrying(udp(53, 40000, bytes(4, 3)));
        final Path in = dir.resolve("in.pcap");
        try (PcapWriter writer = PcapWriter.create(in, PcapLinkType.ETHERNET))
        {
            writer.writeIpPacket(new UnsafeBuffer(udp6), 0, udp6.length, 1_000_000_000L);
            writer.writeIpPacket(new UnsafeBuffer(udp4), 0, udp4.length, 2_000_000_000L);
            writer.writeIpPacket(new UnsafeBuffer(expired), 0, expired.length, 3_000_000_000L);
            final byte[] arp = new byte[42];
            arp[12] = 0x08;
            arp[13] = 0x06;
            writer.write(new UnsafeBuffer(arp), 0, arp.length, 4_000_000_000L);
        }
        final Path config = Files.writeString(dir.resolve("x.yaml"), CONFIG);
        final Path out = dir.resolve("out.pcap");

        assertEquals(0, run("translate", "--config", config.toString(), "--in", in.toString(), "--out", out.toString(),
            "--explain"), stderr.toString());

        final List<byte[]> packets = new ArrayList<>();
        try (PcapReader reader = PcapReader.open(out))
        {
            assertEquals(PcapLinkType.RAW, reader.linkType());
            while (reader.next())
            {
                final byte[] packet = new byte[reader.record().capturedLength()];
                reader.record().buffer().getBytes(reader.record().offset(), packet);
                packets.add(packet);
            }
        }
        assertEquals(3, packets.size());
        TranslatorHarness.assertIpv4Equals(
            ipv4("203.0.113.2", "198.51.100.10").ttl(63).carrying(udp(40000, 53, bytes(20, 1))), packets.get(0), true);
        TranslatorHarness.assertBytes(
            ipv6("2001:db8:64::c633:640a", "2001:db8:1::2").hopLimit(63).carrying(udp(53, 40000, bytes(20, 2))),
            packets.get(1));
        TranslatorHarness.assertIpv4Equals(ipv4("198.51.100.1", "198.51.100.10").carrying(icmp(1, 11, 0, 0, expired)),
            packets.get(2), true);

        final String text = stdout.toString();
        assertTrue(text.contains("#1 IPv6 68 bytes: TRANSLATED, 1 packet(s) out"), text);
        assertTrue(text.contains("#2 IPv4 48 bytes: TRANSLATED, 1 packet(s) out"), text);
        assertTrue(text.contains("#3 IPv4 32 bytes: ICMP_ERROR_SENT, 1 packet(s) out, drop-ttl-exceeded"), text);
        assertTrue(text.contains("#4 not IPv4 or IPv6 (EtherType 0x806): skipped"), text);
        assertTrue(text.contains("4 packets read, 1 skipped, 3 written"), text);
        assertTrue(text.matches("(?s).*drop-ttl-exceeded +1.*"), text);
        assertTrue(text.matches("(?s).*translated-6to4 +1.*"), text);
    }

    @Test
    void shouldNameTheRecordOfABrokenPcap() throws IOException
    {
        final byte[] udp6 = ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").carrying(udp(1, 2, bytes(4, 1)));
        final Path good = dir.resolve("good.pcap");
        try (PcapWriter writer = PcapWriter.create(good, PcapLinkType.RAW))
        {
            writer.write(new UnsafeBuffer(udp6), 0, udp6.length, 0);
            writer.write(new UnsafeBuffer(udp6), 0, udp6.length, 0);
        }
        final byte[] file = Files.readAllBytes(good);
        final Path broken = Files.write(dir.resolve("broken.pcap"), Arrays.copyOf(file, file.length - 10));
        final Path config = Files.writeString(dir.resolve("x.yaml"), CONFIG);

        assertEquals(1, run("translate", "--config", config.toString(), "--in", broken.toString(),
            "--out", dir.resolve("o.pcap").toString()));
        assertTrue(stderr.toString().contains("record 2"), stderr.toString());
    }

    @Test
    void shouldRefuseBadConfigNamingTheKey() throws IOException
    {
        final Path config = Files.writeString(dir.resolve("x.yaml"), "pool6: 2001:db8::/33\n");
        assertEquals(1, run("translate", "--config", config.toString(), "--in", "none.pcap", "--out", "o.pcap"));
        assertTrue(stderr.toString().contains("x.yaml:1: pool6: '2001:db8::/33'"), stderr.toString());

        Files.writeString(config, "pool-6: 2001:db8::/96\n");
        assertEquals(1, run("translate", "--config", config.toString(), "--in", "none.pcap", "--out", "o.pcap"));
        assertTrue(stderr.toString().contains("x.yaml:1: pool-6: unknown key (expected one of "), stderr.toString());
    }
}

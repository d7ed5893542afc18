package dev.xlat64.bench;

import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.tcp;
import static dev.xlat64.core.rfc7915.TestPackets.udp;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamEntry;
import dev.xlat64.core.rfc7757.EamTable;
import dev.xlat64.core.rfc7915.PacketSink;
import dev.xlat64.core.rfc7915.Side;
import dev.xlat64.core.rfc7915.Translator;
import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.core.rfc7915.Verdict;

/**
 * The RFC 7915 translator on one thread, a batch of {@value #BATCH} packets per operation (score per packet):
 * 6to4 and 4to6 for UDP of 64 and 1500 bytes (IP packet length), a TCP segment, an ICMP echo and an ICMP error
 * (Port Unreachable with its packet in error). The packets sit in a ring-like off-heap buffer at odd offsets with
 * {@link Translator#HEADROOM} before each; since translation is in place, the first 128 bytes of each packet are
 * put back before it is translated (as a receive ring would hand over a fresh frame), which the score includes.
 * The IPv6 MTUs are 9000 so that the 1500-byte 4to6 packet is translated, not fragmented.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules=jdk.incubator.vector",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true"})
public class TranslateBenchmark
{
    static final int BATCH = 32;
    private static final int SLOT = 2048 + 64;
    private static final int RESTORE = 128;

    @Param({"6to4", "4to6"})
    String direction;

    @Param({"udp64", "udp1500", "tcp", "icmp-echo", "icmp-error"})
    String packet;

    private Translator translator;
    private UnsafeBuffer ring;
    private UnsafeBuffer template;
    private int length;
    private boolean sixToFour;
    private final Sink sink = new Sink();

    /** Counts what is emitted so the work cannot be optimised away. */
    static final class Sink implements PacketSink
    {
        long bytes;

        @Override
        public void emit(final Side egress, final DirectBuffer buffer, final int offset, final int length)
        {
            bytes += length + buffer.getByte(offset);
        }
    }

    @Setup
    public void setup()
    {
        final Ipv6Prefix eam6 = Ipv6Prefix.parse("2001:db8:1::/120");
        final Ipv4Prefix eam4 = Ipv4Prefix.parse("203.0.113.0/24");
        final TranslatorConfig config = TranslatorConfig.builder()
            .pool6(Rfc6052Prefix.parse("2001:db8:64::/96"))
            .eamt(new EamTable(List.of(new EamEntry(eam6.high(), eam6.low(), 120, eam4.address(), 24))))
            .translatorIpv4Address(Ipv4Address.parse("198.51.100.1"))
            .translatorIpv6Address(Ipv6Address.parseHigh("2001:db8:1::1"), Ipv6Address.parseLow("2001:db8:1::1"))
            .ipv6MtuBytes(9000).lowestIpv6MtuBytes(9000)
            .build();
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(256 * 1024)), new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024)));
        translator = new Translator(config, new TranslatorCounters(manager, "bench"));

        sixToFour = "6to4".equals(direction);
        final byte[] bytes = sixToFour ? packet6(packet) : packet4(packet);
        length = bytes.length;
        template = new UnsafeBuffer(ByteBuffer.allocateDirect(bytes.length));
        template.putBytes(0, bytes);
        ring = new UnsafeBuffer(ByteBuffer.allocateDirect(SLOT * BATCH));
        for (int i = 0; i < BATCH; i++)
        {
            ring.putBytes(offset(i), bytes);
        }
        // Check once that the packet is really translated, not dropped.
        restore(0);
        final Verdict verdict = sixToFour ?
            translator.translate6to4(ring, offset(0), length, sink) : translator.translate4to6(ring, offset(0), length, sink);
        if (verdict != Verdict.TRANSLATED)
        {
            throw new IllegalStateException(direction + " " + packet + ": " + verdict + " " + translator.lastDropReason());
        }
    }

    private static int offset(final int slot)
    {
        return slot * SLOT + Translator.HEADROOM + 14; // behind an Ethernet header, as in a ring frame
    }

    private void restore(final int slot)
    {
        ring.putBytes(offset(slot), template, 0, Math.min(RESTORE, length));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long translate()
    {
        final Translator translator = this.translator;
        final Sink sink = this.sink;
        long verdicts = 0;
        if (sixToFour)
        {
            for (int i = 0; i < BATCH; i++)
            {
                restore(i);
                verdicts += translator.translate6to4(ring, offset(i), length, sink).ordinal();
            }
        }
        else
        {
            for (int i = 0; i < BATCH; i++)
            {
                restore(i);
                verdicts += translator.translate4to6(ring, offset(i), length, sink).ordinal();
            }
        }
        return verdicts + sink.bytes;
    }

    private static final String CLIENT6 = "2001:db8:1::2";
    private static final String CLIENT4 = "203.0.113.2";
    private static final String SERVER6 = "2001:db8:64::c633:640a";
    private static final String SERVER4 = "198.51.100.10";

    static byte[] packet6(final String kind)
    {
        return switch (kind)
        {
            case "udp64" -> ipv6(CLIENT6, SERVER6).carrying(udp(40000, 53, bytes(64 - 48, 1)));
            case "udp1500" -> ipv6(CLIENT6, SERVER6).carrying(udp(40000, 53, bytes(1500 - 48, 1)));
            case "tcp" -> ipv6(CLIENT6, SERVER6).carrying(tcp(40000, 80, 0x10, bytes(512, 1)));
            case "icmp-echo" -> ipv6(CLIENT6, SERVER6).carrying(icmp(58, 128, 0, 0x00010001, bytes(56, 1)));
            case "icmp-error" -> ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 0,
                ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(53, 40000, bytes(100, 2)))));
            default -> throw new IllegalArgumentException("packet " + kind);
        };
    }

    static byte[] packet4(final String kind)
    {
        return switch (kind)
        {
            case "udp64" -> ipv4(SERVER4, CLIENT4).carrying(udp(53, 40000, bytes(64 - 28, 1)));
            case "udp1500" -> ipv4(SERVER4, CLIENT4).dontFragment(true).carrying(udp(53, 40000, bytes(1500 - 28, 1)));
            case "tcp" -> ipv4(SERVER4, CLIENT4).dontFragment(true).carrying(tcp(80, 40000, 0x10, bytes(512, 1)));
            case "icmp-echo" -> ipv4(SERVER4, CLIENT4).carrying(icmp(1, 0, 0, 0x00010001, bytes(56, 1)));
            case "icmp-error" -> ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 0,
                ipv4(CLIENT4, SERVER4).ttl(63).carrying(udp(40000, 53, bytes(100, 2)))));
            default -> throw new IllegalArgumentException("packet " + kind);
        };
    }
}

package dev.xlat64.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6ExtensionHeaders;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.UdpHeader;
import dev.xlat64.core.testing.Ipv6PacketBuilder;
import dev.xlat64.core.testing.PacketBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the data path pays to look at a packet before translating it: IPv4 header validation, IPv6 header validation
 * plus the extension-header walk (none, or Hop-by-Hop + Destination Options + Fragment), and the UDP check, through
 * flyweights over an off-heap buffer at a 14-byte (Ethernet) offset. Run with {@code -prof gc} to see that nothing
 * allocates.
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
public class PacketParseBenchmark
{
    private static final int OFFSET = 14;

    /**
     * The IPv6 packet, in its own state so that only the IPv6 benchmark runs once per extension-header layout.
     */
    @State(Scope.Thread)
    public static class Ipv6Packet
    {
        @Param({"none", "hbh+dest+frag"})
        String extensions;

        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
        int length;

        @Setup
        public void setUp()
        {
            final Ipv6PacketBuilder builder = PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:64::c633:640a");
            if (extensions.equals("hbh+dest+frag"))
            {
                builder.hopByHop().destinationOptions().fragment(0, false, 1);
            }
            length = builder.udp(40000, 53).payload(64).writeTo(buffer, OFFSET);
        }
    }

    private final UnsafeBuffer ipv4Buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final Ipv4Header ipv4 = new Ipv4Header();
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final UdpHeader udp = new UdpHeader();
    private final Ipv6ExtensionHeaders walker = new Ipv6ExtensionHeaders();
    private int ipv4Length;

    @Setup
    public void setUp()
    {
        ipv4Length = PacketBuilder.ipv4("198.51.100.10", "203.0.113.5").udp(40000, 53).payload(64)
            .writeTo(ipv4Buffer, OFFSET);
    }

    @Benchmark
    public int ipv4ValidateAndUdp()
    {
        if (ipv4.wrap(ipv4Buffer, OFFSET).validate(ipv4Length) != HeaderFault.NONE)
        {
            return -1;
        }
        final int payload = ipv4.payloadOffset();
        return udp.wrap(ipv4Buffer, payload).validate(ipv4.totalLength() - ipv4.headerLength()).ordinal() +
            udp.destinationPort();
    }

    @Benchmark
    public int ipv6ValidateWalkAndUdp(final Ipv6Packet packet)
    {
        final UnsafeBuffer buffer = packet.buffer;
        if (ipv6.wrap(buffer, OFFSET).validate(packet.length) != HeaderFault.NONE ||
            walker.walk(buffer, OFFSET, packet.length) != HeaderFault.NONE)
        {
            return -1;
        }
        final int upper = walker.upperLayerOffset();
        return udp.wrap(buffer, upper).validate(OFFSET + 40 + ipv6.payloadLength() - upper).ordinal() +
            udp.destinationPort();
    }
}

package dev.xlat64.bench;

import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.io.afpacket.FrameHandler;
import dev.xlat64.io.afpacket.LibC;
import dev.xlat64.io.afpacket.NetworkNamespace;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketCounter;
import dev.xlat64.io.afpacket.PacketSocketOptions;
import dev.xlat64.io.lab.NetnsLab;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * AF_PACKET frames through a veth pair of a private {@link NetnsLab}, kernel veth path included, one thread.
 * {@code batch} (closed loop): 64 frames copied into the client's TX ring, one {@code send()} kick, then the
 * gateway's RX ring drained until all 64 are back. {@code pump} (open loop): 64 frames sent and kicked, then
 * whatever the RX ring holds is drained without waiting; {@code receivedFrames} is the rate that came through.
 * {@code txMode=sendmmsg} sends the 64 frames with one {@code sendmmsg()} on a plain AF_PACKET socket instead of
 * the TX ring (x86_64 layouts: struct iovec 16 bytes; struct msghdr 56: msg_name 0, msg_namelen 8, msg_iov 16,
 * msg_iovlen 24, msg_control 32, msg_controllen 40, msg_flags 48; struct mmsghdr 64: msg_hdr 0, msg_len 56). {@code oneFrame} measures the time until a
 * single frame comes back: with TPACKET_V3 on a lightly loaded port that is the RX block retire timeout, not
 * the copy; TPACKET_V2 hands each frame over at once.
 * Needs root (network namespaces).
 */
@State(Scope.Thread)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true"})
public class PacketSocketBenchmark
{
    private static final int BATCH = 64;
    private static final int ETHERTYPE = 0x88B5;

    @Param({"64", "1514"})
    int frameBytes;

    @Param({"false", "true"})
    boolean qdiscBypass;

    /** How the client sends: its TX ring ({@code ring}) or one sendmmsg() per batch ({@code sendmmsg}). */
    @Param({"ring", "sendmmsg"})
    String txMode;

    /** {@link PacketSocketOptions#TPACKET_V3} or {@link PacketSocketOptions#TPACKET_V2}, for both sockets. */
    @Param({"3", "2"})
    int tpacketVersion;

    private NetnsLab lab;
    private PacketSocket client;
    private PacketSocket gateway;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[2048]);
    private final Counting handler = new Counting();
    private int rawFd = -1;
    private long messages;

    /** Counts frames and touches their last byte, as a consumer reading the frame would. */
    static final class Counting implements FrameHandler
    {
        int frames;
        long checksum;

        @Override
        public void onFrame(final MutableDirectBuffer buffer, final int offset, final int length)
        {
            frames++;
            checksum += buffer.getByte(offset + length - 1);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final String reason = NetnsLab.unavailableReason();
        if (null != reason)
        {
            throw new IllegalStateException("PacketSocketBenchmark needs network namespaces: " + reason);
        }
        lab = NetnsLab.create();
        client = PacketSocket.open(lab.clientInterface(), new PacketSocketOptions().tpacketVersion(tpacketVersion)
            .protocol(ETHERTYPE)
            .qdiscBypass(qdiscBypass).namespace(lab.namespace(NetnsLab.Role.CLIENT)));
        gateway = PacketSocket.open(lab.gatewayIpv6Interface(), new PacketSocketOptions().tpacketVersion(tpacketVersion)
            .protocol(ETHERTYPE)
            .namespace(lab.namespace(NetnsLab.Role.GATEWAY)));
        MacAddress.put(frame, 0, gateway.macAddress());
        MacAddress.put(frame, 6, client.macAddress());
        frame.putShort(12, (short)ETHERTYPE, ByteOrder.BIG_ENDIAN);
        if ("sendmmsg".equals(txMode))
        {
            openRawSender();
        }
    }

    /** A plain AF_PACKET socket on the client end and BATCH prepared messages pointing at BATCH frame copies. */
    private void openRawSender() throws IOException
    {
        final LibC libc = LibC.INSTANCE;
        final UnsafeBuffer memory = new UnsafeBuffer(BufferUtil.allocateDirectAligned(BATCH * (2048 + 16 + 64) + 64, 64));
        final long base = memory.addressOffset();
        final int iovecs = BATCH * 2048;
        final int headers = iovecs + BATCH * 16;
        for (int i = 0; i < BATCH; i++)
        {
            memory.putBytes(i * 2048, frame, 0, frameBytes);
            memory.putLong(iovecs + i * 16, base + i * 2048L);
            memory.putLong(iovecs + i * 16 + 8, frameBytes);
            memory.putLong(headers + i * 64 + 16, base + iovecs + i * 16L); // msg_iov
            memory.putLong(headers + i * 64 + 24, 1); // msg_iovlen
        }
        messages = base + headers;
        final int sockaddr = headers + BATCH * 64;
        memory.putShort(sockaddr, (short)LibC.AF_PACKET);
        memory.putShort(sockaddr + 2, (short)ETHERTYPE, ByteOrder.BIG_ENDIAN);
        memory.putInt(sockaddr + 4, client.interfaceIndex());
        rawFd = NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT), () ->
        {
            final int fd = libc.socket(LibC.AF_PACKET, LibC.SOCK_RAW, 0);
            if (fd < 0 || libc.bind(fd, base + sockaddr, 20) != 0)
            {
                throw new IOException("raw AF_PACKET sender: " + LibC.describe(LibC.errno()));
            }
            return fd;
        });
        // Hold the buffer: the messages point into it.
        this.rawMemory = memory;
    }

    private UnsafeBuffer rawMemory;

    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (rawFd >= 0)
        {
            LibC.INSTANCE.close(rawFd);
        }
        if (null != gateway)
        {
            System.out.printf("%nrx ring drops %d, tx ring full %d, tx kick errors %d%n",
                gateway.counters().get(PacketSocketCounter.RX_RING_DROPS),
                client.counters().get(PacketSocketCounter.TX_DROP_RING_FULL),
                client.counters().get(PacketSocketCounter.TX_KICK_ERRORS));
            gateway.close();
            client.close();
        }
        if (null != lab)
        {
            lab.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long batch()
    {
        sendBatch();
        return drain(BATCH);
    }

    /** Frames the gateway socket handed over during {@link #pump}, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Received
    {
        public long receivedFrames;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void pump(final Received received)
    {
        sendBatch();
        handler.frames = 0;
        gateway.receive(handler, 4 * BATCH);
        received.receivedFrames += handler.frames;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long oneFrame()
    {
        client.send(frame, 0, frameBytes);
        client.flush();
        return drain(1);
    }

    private void sendBatch()
    {
        if (rawFd >= 0)
        {
            LibC.INSTANCE.sendmmsg(rawFd, messages, BATCH, LibC.MSG_DONTWAIT);
            return;
        }
        for (int i = 0; i < BATCH; i++)
        {
            client.send(frame, 0, frameBytes);
        }
        client.flush();
    }

    private long drain(final int expected)
    {
        handler.frames = 0;
        final long deadline = System.nanoTime() + 1_000_000_000L;
        while (handler.frames < expected && System.nanoTime() < deadline)
        {
            gateway.receive(handler, BATCH);
        }
        return handler.checksum + handler.frames;
    }
}

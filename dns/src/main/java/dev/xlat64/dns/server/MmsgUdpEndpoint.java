package dev.xlat64.dns.server;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.ResponseHandler;

/**
 * One UDP listening socket of one thread, read and written in batches: one {@code recvmmsg} takes up to
 * {@value #BATCH} queries, each is resolved, and the answers ready now leave in one {@code sendmmsg}, back to the
 * sender addresses copied byte for byte from the receive headers. No Java object per datagram: client addresses
 * are read from the raw sockaddr; only a query that must wait for an upstream keeps a copy of its sockaddr.
 */
final class MmsgUdpEndpoint implements DatagramEndpoint, ResponseHandler
{
    static final int BATCH = 32;
    static final int SLOT = 4096;
    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final Object CURRENT = new Object();

    private final int fd;
    private final Dns64Resolver resolver;
    private final Dns64Counters counters;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment capture;
    private final MemorySegment recvHeaders;
    private final MemorySegment recvNames;
    private final MemorySegment recvBuffers;
    private final ByteBuffer[] recvViews = new ByteBuffer[BATCH];
    private final MemorySegment sendHeaders;
    private final MemorySegment sendNames;
    private final MemorySegment sendIovecs;
    private final MemorySegment sendBuffers;
    private final MemorySegment[] sendHeaderFrom = new MemorySegment[BATCH];
    private final int[] sendNameLengths = new int[BATCH];
    private final int[] sendLengths = new int[BATCH];
    private final UdpSegmentBatch segments;
    private final ClientAddress client = new ClientAddress();
    private ByteBuffer lastResponseBuffer;
    private MemorySegment lastResponseSegment;
    private int currentSlot;
    private int pendingSends;
    private boolean inBatch;
    private boolean segmentOffload;
    private long segmentedSends;

    MmsgUdpEndpoint(final DatagramChannel channel, final Dns64Resolver resolver, final Dns64Counters counters)
    {
        this.fd = Mmsg.fd(channel);
        this.resolver = resolver;
        this.counters = counters;
        capture = arena.allocate(Mmsg.captureLayout());
        recvHeaders = arena.allocate((long)Mmsg.MMSGHDR_SIZE * BATCH, 8);
        recvNames = arena.allocate((long)32 * BATCH, 8);
        final MemorySegment recvIovecs = arena.allocate((long)Mmsg.IOVEC_SIZE * BATCH, 8);
        recvBuffers = arena.allocate((long)SLOT * BATCH, 64);
        sendHeaders = arena.allocate((long)Mmsg.MMSGHDR_SIZE * BATCH, 8);
        sendNames = arena.allocate((long)32 * BATCH, 8);
        sendIovecs = arena.allocate((long)Mmsg.IOVEC_SIZE * BATCH, 8);
        sendBuffers = arena.allocate((long)SLOT * BATCH, 64);
        for (int i = 0; i < BATCH; i++)
        {
            recvIovecs.set(ValueLayout.ADDRESS, (long)Mmsg.IOVEC_SIZE * i, recvBuffers.asSlice((long)SLOT * i, SLOT));
            recvIovecs.set(ValueLayout.JAVA_LONG, (long)Mmsg.IOVEC_SIZE * i + 8, SLOT);
            header(recvHeaders, i, recvNames, recvIovecs);
            sendIovecs.set(ValueLayout.ADDRESS, (long)Mmsg.IOVEC_SIZE * i, sendBuffers.asSlice((long)SLOT * i, SLOT));
            header(sendHeaders, i, sendNames, sendIovecs);
            recvViews[i] = recvBuffers.asSlice((long)SLOT * i, SLOT).asByteBuffer().order(ByteOrder.BIG_ENDIAN);
            sendHeaderFrom[i] = sendHeaders.asSlice((long)Mmsg.MMSGHDR_SIZE * i);
        }
        segments = new UdpSegmentBatch(arena, BATCH, SLOT);
        segmentOffload = Mmsg.segmentOffload();
    }

    private static void header(final MemorySegment headers, final int i, final MemorySegment names, final MemorySegment iovecs)
    {
        final long h = (long)Mmsg.MMSGHDR_SIZE * i;
        headers.set(ValueLayout.ADDRESS, h + Mmsg.MSG_NAME, names.asSlice(32L * i, 32));
        headers.set(ValueLayout.JAVA_INT, h + Mmsg.MSG_NAMELEN, Mmsg.SOCKADDR_SIZE);
        headers.set(ValueLayout.ADDRESS, h + Mmsg.MSG_IOV, iovecs.asSlice((long)Mmsg.IOVEC_SIZE * i, Mmsg.IOVEC_SIZE));
        headers.set(ValueLayout.JAVA_LONG, h + Mmsg.MSG_IOVLEN, 1);
    }

    @Override
    public int receiveBatch(final long nowNs)
    {
        for (int i = 0; i < BATCH; i++)
        {
            recvHeaders.set(ValueLayout.JAVA_INT, (long)Mmsg.MMSGHDR_SIZE * i + Mmsg.MSG_NAMELEN, Mmsg.SOCKADDR_SIZE);
        }
        final int received = Mmsg.recvmmsg(capture, fd, recvHeaders, BATCH);
        if (received <= 0)
        {
            if (received < 0 && received != -Mmsg.EAGAIN)
            {
                counters.increment(Dns64Counter.INTERNAL_ERRORS);
            }
            return 0;
        }
        inBatch = true;
        try
        {
            for (int i = 0; i < received; i++)
            {
                final int length = recvHeaders.get(ValueLayout.JAVA_INT, (long)Mmsg.MMSGHDR_SIZE * i + Mmsg.MSG_LEN);
                if (!readClient(i))
                {
                    counters.increment(Dns64Counter.INTERNAL_ERRORS);
                    continue;
                }
                currentSlot = i;
                final ByteBuffer query = recvViews[i];
                query.limit(Math.min(length, SLOT)).position(0);
                resolver.resolve(query, client, false, CURRENT, this);
            }
        }
        finally
        {
            inBatch = false;
            flush();
        }
        return received;
    }

    private boolean readClient(final int slot)
    {
        final long name = 32L * slot;
        final int family = recvNames.get(ValueLayout.JAVA_SHORT, name) & 0xFFFF;
        if (family == Mmsg.AF_INET)
        {
            client.ipv4(recvNames.get(INT_BE, name + 4));
            return true;
        }
        if (family == Mmsg.AF_INET6)
        {
            client.ipv6(recvNames.get(LONG_BE, name + 8), recvNames.get(LONG_BE, name + 16));
            return true;
        }
        return false;
    }

    /** A query parked for an upstream keeps its own copy of the sender's sockaddr. */
    @Override
    public Object retainContext(final Object context)
    {
        if (context != CURRENT)
        {
            return context;
        }
        final byte[] copy = new byte[4 + Mmsg.SOCKADDR_SIZE];
        final int nameLength = recvHeaders.get(ValueLayout.JAVA_INT, (long)Mmsg.MMSGHDR_SIZE * currentSlot + Mmsg.MSG_NAMELEN);
        copy[0] = (byte)nameLength;
        MemorySegment.copy(recvNames, ValueLayout.JAVA_BYTE, 32L * currentSlot, copy, 4, Mmsg.SOCKADDR_SIZE);
        return copy;
    }

    @Override
    public void onResponse(final Object context, final ByteBuffer response)
    {
        final int length = response.remaining();
        if (length > SLOT)
        {
            counters.increment(Dns64Counter.SEND_FAILED);
            return;
        }
        if (pendingSends == BATCH)
        {
            flush();
        }
        final int slot = pendingSends++;
        final long h = (long)Mmsg.MMSGHDR_SIZE * slot;
        if (context == CURRENT)
        {
            MemorySegment.copy(recvNames, 32L * currentSlot, sendNames, 32L * slot, Mmsg.SOCKADDR_SIZE);
            sendNameLengths[slot] = recvHeaders.get(ValueLayout.JAVA_INT, (long)Mmsg.MMSGHDR_SIZE * currentSlot + Mmsg.MSG_NAMELEN);
        }
        else
        {
            final byte[] name = (byte[])context;
            MemorySegment.copy(name, 4, sendNames, ValueLayout.JAVA_BYTE, 32L * slot, Mmsg.SOCKADDR_SIZE);
            sendNameLengths[slot] = name[0] & 0xFF;
        }
        sendHeaders.set(ValueLayout.JAVA_INT, h + Mmsg.MSG_NAMELEN, sendNameLengths[slot]);
        sendLengths[slot] = length;
        if (response != lastResponseBuffer)
        {
            // The resolver answers from one reusable buffer: view it once, whole.
            lastResponseBuffer = response;
            lastResponseSegment = MemorySegment.ofBuffer(response.duplicate().clear());
        }
        MemorySegment.copy(lastResponseSegment, response.position(), sendBuffers, (long)SLOT * slot, length);
        sendIovecs.set(ValueLayout.JAVA_LONG, (long)Mmsg.IOVEC_SIZE * slot + 8, length);
        if (!inBatch)
        {
            flush();
        }
    }

    private void flush()
    {
        if (pendingSends == 0)
        {
            return;
        }
        if (segmentOffload && pendingSends > 1)
        {
            final int messages = segments.build(sendNames, sendNameLengths, sendLengths, sendBuffers, pendingSends);
            if (messages < pendingSends)
            {
                flushSegmented(messages);
                pendingSends = 0;
                return;
            }
        }
        sendSlots(0, pendingSends);
        pendingSends = 0;
    }

    /** One sendmmsg message per answer, slots {@code from} to {@code to - 1}. */
    private void sendSlots(final int from, final int to)
    {
        int sent = from;
        while (sent < to)
        {
            final int n = Mmsg.sendmmsg(capture, fd, sendHeaderFrom[sent], to - sent);
            if (n <= 0)
            {
                counters.add(Dns64Counter.SEND_FAILED, to - sent);
                break;
            }
            sent += n;
        }
    }

    /**
     * Sends the grouped messages. A group the kernel refuses (no UDP GSO there, or a segment over the route MTU)
     * is sent again one datagram per answer, and this socket stops grouping.
     */
    private void flushSegmented(final int messages)
    {
        int sent = 0;
        while (sent < messages)
        {
            final int n = Mmsg.sendmmsg(capture, fd, segments.headersFrom(sent), messages - sent);
            if (n > 0)
            {
                for (int g = sent; g < sent + n; g++)
                {
                    segmentedSends += segments.members(g) > 1 ? 1 : 0;
                }
                sent += n;
                continue;
            }
            if (segments.members(sent) > 1)
            {
                segmentOffload = false;
                for (int i = 0; i < segments.members(sent); i++)
                {
                    final int slot = segments.memberSlot(sent, i);
                    sendSlots(slot, slot + 1);
                }
            }
            else
            {
                counters.increment(Dns64Counter.SEND_FAILED);
            }
            sent++;
        }
    }

    /** @return sends that carried two or more answers as UDP GSO segments (for tests and diagnostics). */
    long segmentedSends()
    {
        return segmentedSends;
    }

    /** @return whether this socket groups answers into UDP GSO sends. */
    boolean segmentOffload()
    {
        return segmentOffload;
    }

    void close()
    {
        arena.close();
    }
}

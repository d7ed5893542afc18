package dev.xlat64.dns.server;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Turns a batch of answers into {@code sendmmsg} messages, one per group of answers that go to the same socket
 * address and have the same length: a group of two or more leaves as one UDP GSO send ({@code UDP_SEGMENT}
 * control message, Linux 4.18+), which the kernel routes and passes down the stack once and cuts into the same
 * datagrams a send per answer would give (udp(7), "UDP_SEGMENT"). The client sees ordinary datagrams; the
 * sender saves the per-datagram route lookup, IP output and device transmit. Each kernel segment but the last
 * must be exactly the segment size, so only equal lengths are grouped, and only up to
 * {@value #MAX_SEGMENT_BYTES} bytes (with its headers that fits a 1280-byte IPv6 path; a larger segment than the
 * route MTU would be refused).
 * <p>
 * The answers stay where the endpoint put them (slot {@code i}: its bytes, sockaddr and length); this class only
 * writes message headers, iovecs and control messages that point at them. No allocation per batch.
 */
final class UdpSegmentBatch
{
    /** RFC 8085 / DNS flag day 2020: 1232 bytes of DNS fit 1280-byte IPv6 with its 48 bytes of headers. */
    static final int MAX_SEGMENT_BYTES = 1232;
    private static final int SOL_UDP = 17;
    private static final int UDP_SEGMENT = 103;
    /** struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; } + u16, padded: CMSG_SPACE(2). */
    private static final int CONTROL_SPACE = 24;
    private static final int CONTROL_LENGTH = 18;
    private static final int MSG_CONTROL = 32;
    private static final int MSG_CONTROLLEN = 40;

    private final int slotBytes;
    private final MemorySegment headers;
    private final MemorySegment iovecs;
    private final MemorySegment controls;
    private final MemorySegment[] headerFrom;
    private final int[] groupOf;
    private final int[] head;
    private final int[] members;
    private final int[] firstIovec;
    private final int[] filled;
    private int groups;
    private int answers;

    UdpSegmentBatch(final Arena arena, final int capacity, final int slotBytes)
    {
        this.slotBytes = slotBytes;
        headers = arena.allocate((long)Mmsg.MMSGHDR_SIZE * capacity, 8);
        iovecs = arena.allocate((long)Mmsg.IOVEC_SIZE * capacity, 8);
        controls = arena.allocate((long)CONTROL_SPACE * capacity, 8);
        headerFrom = new MemorySegment[capacity];
        for (int g = 0; g < capacity; g++)
        {
            headerFrom[g] = headers.asSlice((long)Mmsg.MMSGHDR_SIZE * g);
            final long c = (long)CONTROL_SPACE * g;
            controls.set(ValueLayout.JAVA_LONG, c, CONTROL_LENGTH);
            controls.set(ValueLayout.JAVA_INT, c + 8, SOL_UDP);
            controls.set(ValueLayout.JAVA_INT, c + 12, UDP_SEGMENT);
        }
        groupOf = new int[capacity];
        head = new int[capacity];
        members = new int[capacity];
        firstIovec = new int[capacity];
        filled = new int[capacity];
    }

    /**
     * Groups answers {@code 0..count-1} and writes one message per group.
     *
     * @param names   sockaddr per answer slot (32 bytes a slot).
     * @param nameLengths sockaddr length per slot.
     * @param lengths answer length per slot.
     * @param buffers answer bytes ({@code slotBytes} a slot).
     * @return the number of messages (groups); equal to {@code count} when nothing was grouped.
     */
    int build(final MemorySegment names, final int[] nameLengths, final int[] lengths, final MemorySegment buffers, final int count)
    {
        groups = 0;
        answers = count;
        for (int a = 0; a < count; a++)
        {
            int g = -1;
            if (lengths[a] <= MAX_SEGMENT_BYTES)
            {
                for (int candidate = 0; candidate < groups; candidate++)
                {
                    final int h = head[candidate];
                    if (lengths[h] == lengths[a] && nameLengths[h] == nameLengths[a] && sameName(names, h, a, nameLengths[a]))
                    {
                        g = candidate;
                        break;
                    }
                }
            }
            if (g < 0)
            {
                g = groups++;
                head[g] = a;
                members[g] = 0;
            }
            groupOf[a] = g;
            members[g]++;
        }
        int next = 0;
        for (int g = 0; g < groups; g++)
        {
            firstIovec[g] = next;
            filled[g] = 0;
            next += members[g];
        }
        final long buffersAddress = buffers.address();
        for (int a = 0; a < count; a++)
        {
            final int g = groupOf[a];
            final long iov = (long)Mmsg.IOVEC_SIZE * (firstIovec[g] + filled[g]++);
            iovecs.set(ValueLayout.JAVA_LONG, iov, buffersAddress + (long)slotBytes * a);
            iovecs.set(ValueLayout.JAVA_LONG, iov + 8, lengths[a]);
        }
        final long namesAddress = names.address();
        final long iovecsAddress = iovecs.address();
        final long controlsAddress = controls.address();
        for (int g = 0; g < groups; g++)
        {
            final long h = (long)Mmsg.MMSGHDR_SIZE * g;
            final int first = head[g];
            headers.set(ValueLayout.JAVA_LONG, h + Mmsg.MSG_NAME, namesAddress + 32L * first);
            headers.set(ValueLayout.JAVA_INT, h + Mmsg.MSG_NAMELEN, nameLengths[first]);
            headers.set(ValueLayout.JAVA_LONG, h + Mmsg.MSG_IOV, iovecsAddress + (long)Mmsg.IOVEC_SIZE * firstIovec[g]);
            headers.set(ValueLayout.JAVA_LONG, h + Mmsg.MSG_IOVLEN, members[g]);
            if (members[g] > 1)
            {
                final long c = (long)CONTROL_SPACE * g;
                controls.set(ValueLayout.JAVA_SHORT, c + 16, (short)lengths[first]);
                headers.set(ValueLayout.JAVA_LONG, h + MSG_CONTROL, controlsAddress + c);
                headers.set(ValueLayout.JAVA_LONG, h + MSG_CONTROLLEN, CONTROL_SPACE);
            }
            else
            {
                headers.set(ValueLayout.JAVA_LONG, h + MSG_CONTROL, 0L);
                headers.set(ValueLayout.JAVA_LONG, h + MSG_CONTROLLEN, 0L);
            }
        }
        return groups;
    }

    /** @return the message headers from group {@code g} on, for {@code sendmmsg}. */
    MemorySegment headersFrom(final int g)
    {
        return headerFrom[g];
    }

    /** @return the answers in group {@code g}. */
    int members(final int g)
    {
        return members[g];
    }

    /** @return the slot of the {@code i}-th answer of group {@code g} (slots in their batch order). */
    int memberSlot(final int g, final int i)
    {
        int seen = 0;
        for (int a = 0; a < answers; a++)
        {
            if (groupOf[a] == g && seen++ == i)
            {
                return a;
            }
        }
        throw new IllegalArgumentException("group " + g + " has no member " + i);
    }

    private static boolean sameName(final MemorySegment names, final int x, final int y, final int length)
    {
        final long a = 32L * x;
        final long b = 32L * y;
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            if (names.get(ValueLayout.JAVA_LONG, a + i) != names.get(ValueLayout.JAVA_LONG, b + i))
            {
                return false;
            }
        }
        for (; i < length; i++)
        {
            if (names.get(ValueLayout.JAVA_BYTE, a + i) != names.get(ValueLayout.JAVA_BYTE, b + i))
            {
                return false;
            }
        }
        return true;
    }
}

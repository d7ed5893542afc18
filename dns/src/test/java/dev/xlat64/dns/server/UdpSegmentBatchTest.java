package dev.xlat64.dns.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

class UdpSegmentBatchTest
{
    private static final int SLOT = 64;

    @Test
    void shouldGroupAnswersOfOneLengthToOneAddressIntoOneSegmentedMessage()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment names = arena.allocate(32L * 8, 8);
            final MemorySegment buffers = arena.allocate((long)SLOT * 8, 8);
            // Slots: 0 A/40, 1 B/40, 2 A/40, 3 A/41 (other length), 4 B/40, 5 A/40, 6 A6/40 (IPv6, 28-byte name),
            // 7 A/1300 (over the segment limit).
            final int[] address = {1, 2, 1, 1, 2, 1, 3, 1};
            final int[] lengths = {40, 40, 40, 41, 40, 40, 40, 1300};
            final int[] nameLengths = new int[8];
            for (int slot = 0; slot < 8; slot++)
            {
                nameLengths[slot] = address[slot] == 3 ? 28 : 16;
                names.set(ValueLayout.JAVA_SHORT, 32L * slot, (short)(address[slot] == 3 ? 10 : 2));
                names.set(ValueLayout.JAVA_BYTE, 32L * slot + 7, (byte)address[slot]);
            }
            final UdpSegmentBatch batch = new UdpSegmentBatch(arena, 8, SLOT);

            final int messages = batch.build(names, nameLengths, lengths, buffers, 8);

            assertEquals(5, messages);
            final MemorySegment headers = batch.headersFrom(0).reinterpret((long)Mmsg.MMSGHDR_SIZE * 8);
            // Group 0: slots 0, 2, 5 (A, 40 bytes) as one message with UDP_SEGMENT 40.
            assertMessage(headers, 0, names, 0, 16, new long[] {slot(buffers, 0), slot(buffers, 2), slot(buffers, 5)}, 40, 40);
            // Group 1: slots 1, 4 (B, 40 bytes).
            assertMessage(headers, 1, names, 1, 16, new long[] {slot(buffers, 1), slot(buffers, 4)}, 40, 40);
            // Alone: slot 3 (other length), slot 6 (other address), slot 7 (too long to be a segment).
            assertMessage(headers, 2, names, 3, 16, new long[] {slot(buffers, 3)}, 41, 0);
            assertMessage(headers, 3, names, 6, 28, new long[] {slot(buffers, 6)}, 40, 0);
            assertMessage(headers, 4, names, 7, 16, new long[] {slot(buffers, 7)}, 1300, 0);
            assertEquals(3, batch.members(0));
            assertEquals(5, batch.memberSlot(0, 2));
            assertEquals(4, batch.memberSlot(1, 1));
        }
    }

    @Test
    void shouldLeaveABatchOfDistinctAddressesOneMessagePerAnswer()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment names = arena.allocate(32L * 4, 8);
            final MemorySegment buffers = arena.allocate((long)SLOT * 4, 8);
            final int[] nameLengths = {16, 16, 16, 16};
            for (int slot = 0; slot < 4; slot++)
            {
                names.set(ValueLayout.JAVA_SHORT, 32L * slot, (short)2);
                names.set(ValueLayout.JAVA_BYTE, 32L * slot + 3, (byte)slot); // the port differs
            }
            assertEquals(4, new UdpSegmentBatch(arena, 4, SLOT).build(names, nameLengths, new int[] {30, 30, 30, 30}, buffers, 4));
        }
    }

    private static long slot(final MemorySegment buffers, final int slot)
    {
        return buffers.address() + (long)SLOT * slot;
    }

    private static void assertMessage(
        final MemorySegment headers, final int message, final MemorySegment names, final int nameSlot, final int nameLength,
        final long[] iovBases, final int length, final int segmentSize)
    {
        final long h = (long)Mmsg.MMSGHDR_SIZE * message;
        assertEquals(names.address() + 32L * nameSlot, headers.get(ValueLayout.JAVA_LONG, h + Mmsg.MSG_NAME));
        assertEquals(nameLength, headers.get(ValueLayout.JAVA_INT, h + Mmsg.MSG_NAMELEN));
        assertEquals(iovBases.length, headers.get(ValueLayout.JAVA_LONG, h + Mmsg.MSG_IOVLEN));
        final MemorySegment iov = MemorySegment.ofAddress(headers.get(ValueLayout.JAVA_LONG, h + Mmsg.MSG_IOV))
            .reinterpret((long)Mmsg.IOVEC_SIZE * iovBases.length);
        for (int i = 0; i < iovBases.length; i++)
        {
            assertEquals(iovBases[i], iov.get(ValueLayout.JAVA_LONG, (long)Mmsg.IOVEC_SIZE * i), "iovec " + i + " base");
            assertEquals(length, iov.get(ValueLayout.JAVA_LONG, (long)Mmsg.IOVEC_SIZE * i + 8), "iovec " + i + " length");
        }
        final long control = headers.get(ValueLayout.JAVA_LONG, h + 32);
        if (segmentSize == 0)
        {
            assertEquals(0L, control);
            assertEquals(0L, headers.get(ValueLayout.JAVA_LONG, h + 40));
            return;
        }
        assertEquals(24L, headers.get(ValueLayout.JAVA_LONG, h + 40));
        final MemorySegment cmsg = MemorySegment.ofAddress(control).reinterpret(24);
        assertEquals(18L, cmsg.get(ValueLayout.JAVA_LONG, 0), "cmsg_len = CMSG_LEN(sizeof(uint16_t))");
        assertEquals(17, cmsg.get(ValueLayout.JAVA_INT, 8), "SOL_UDP");
        assertEquals(103, cmsg.get(ValueLayout.JAVA_INT, 12), "UDP_SEGMENT");
        assertEquals(segmentSize, cmsg.get(ValueLayout.JAVA_SHORT, 16));
    }
}

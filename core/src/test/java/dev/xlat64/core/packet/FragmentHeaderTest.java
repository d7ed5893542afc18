package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class FragmentHeaderTest
{
    private final FragmentHeader header = new FragmentHeader();

    @Test
    void shouldReadEveryFieldInNetworkOrder()
    {
        // next header UDP, reserved 0x5a, offset 0x0b9 (185 units = 1480 bytes) with M set, id 0xdeadbeef.
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes("ff 11 5a 05c9 deadbeef"));
        header.wrap(buffer, 1);

        assertEquals(IpProtocol.UDP, header.nextHeader());
        assertEquals(0x5A, header.reserved());
        assertEquals(185, header.fragmentOffset());
        assertTrue(header.moreFragments());
        assertEquals(0xDEADBEEF, header.identification());
        assertFalse(header.isAtomic());
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[9]);
        header.wrap(buffer, 1).nextHeader(IpProtocol.TCP).reserved(0).fragmentOffset(8191).moreFragments(false)
            .identification(0x01020304);

        assertEquals("00" + "0600fff8" + "01020304", Hex.of(buffer, 0, 9));
    }

    @Test
    void shouldKeepMoreFragmentsAndReservedBitsWhenSettingOffset()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes("11 00 0007 00000000"));
        header.wrap(buffer, 0).fragmentOffset(1);
        assertEquals("000f", Hex.of(buffer, 2, 2), "reserved bits 0x6 and M kept");
        header.fragmentOffset(0x2000); // 14 bits: must not spill
        assertEquals("0007", Hex.of(buffer, 2, 2));
        header.moreFragments(false);
        assertEquals("0006", Hex.of(buffer, 2, 2));
        assertTrue(header.isAtomic(), "offset 0, M clear: atomic (reserved bits do not count)");
    }
}

package dev.xlat64.core.rfc7915;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tables of RFC 7915 §4.2 and §5.2, row by row as the RFC lists them.
 */
class IcmpMappingTest
{
    @ParameterizedTest(name = "ICMPv4 {0}/{1} -> ICMPv6 {2}/{3}")
    @CsvSource({
        "8,0,128,0", "0,0,129,0",
        "3,0,1,0", "3,1,1,0", "3,2,4,1", "3,3,1,4", "3,4,2,0", "3,5,1,0", "3,6,1,0", "3,7,1,0", "3,8,1,0",
        "3,9,1,1", "3,10,1,1", "3,11,1,0", "3,12,1,0", "3,13,1,1", "3,15,1,1",
        "11,0,3,0", "11,1,3,1", "12,0,4,0", "12,2,4,0"})
    void shouldMapIcmpv4TypeAndCodePerRfc7915Section42(final int type, final int code, final int type6, final int code6)
    {
        assertEquals(type6 << 8 | code6, IcmpMapping.icmpv4ToIcmpv6(type, code));
    }

    @ParameterizedTest(name = "ICMPv4 {0}/{1} is dropped")
    @CsvSource({"3,14", "3,16", "12,1", "4,0", "5,0", "13,0", "14,0", "15,0", "16,0", "17,0", "18,0", "9,0", "10,0", "11,2", "42,0"})
    void shouldDropIcmpv4MessagesWithoutCounterpart(final int type, final int code)
    {
        assertEquals(IcmpMapping.DROP, IcmpMapping.icmpv4ToIcmpv6(type, code));
    }

    @ParameterizedTest(name = "ICMPv6 {0}/{1} -> ICMPv4 {2}/{3}")
    @CsvSource({
        "128,0,8,0", "129,0,0,0",
        "1,0,3,1", "1,1,3,10", "1,2,3,1", "1,3,3,1", "1,4,3,3",
        "2,0,3,4", "3,0,11,0", "3,1,11,1", "4,0,12,0", "4,1,3,2"})
    void shouldMapIcmpv6TypeAndCodePerRfc7915Section52(final int type, final int code, final int type4, final int code4)
    {
        assertEquals(type4 << 8 | code4, IcmpMapping.icmpv6ToIcmpv4(type, code));
    }

    @ParameterizedTest(name = "ICMPv6 {0}/{1} is dropped")
    @CsvSource({"1,5", "1,6", "4,2", "130,0", "131,0", "132,0", "133,0", "134,0", "135,0", "136,0", "137,0", "200,0", "100,0", "3,2"})
    void shouldDropIcmpv6MessagesWithoutCounterpart(final int type, final int code)
    {
        assertEquals(IcmpMapping.DROP, IcmpMapping.icmpv6ToIcmpv4(type, code));
    }

    @ParameterizedTest(name = "IPv4 pointer {0} -> IPv6 pointer {1}")
    @CsvSource({"0,0", "1,1", "2,4", "3,4", "4,-1", "5,-1", "6,-1", "7,-1", "8,7", "9,6", "10,-1", "11,-1",
        "12,8", "13,8", "14,8", "15,8", "16,24", "17,24", "18,24", "19,24", "20,-1", "59,-1"})
    void shouldTranslatePointerPerRfc7915Figure3(final int pointer4, final int pointer6)
    {
        assertEquals(pointer6, IcmpMapping.pointer4to6(pointer4));
    }

    @ParameterizedTest(name = "IPv6 pointer {0} -> IPv4 pointer {1}")
    @CsvSource({"0,0", "1,1", "2,-1", "3,-1", "4,2", "5,2", "6,9", "7,8", "8,12", "15,12", "23,12",
        "24,16", "31,16", "39,16", "40,-1", "4294967295,-1"})
    void shouldTranslatePointerPerRfc7915Figure6(final long pointer6, final int pointer4)
    {
        assertEquals(pointer4, IcmpMapping.pointer6to4(pointer6));
    }
}

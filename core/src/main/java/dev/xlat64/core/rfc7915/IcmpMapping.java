package dev.xlat64.core.rfc7915;

import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.Icmpv6Header;

/**
 * The ICMP type/code tables of RFC 7915 §4.2 (ICMPv4 to ICMPv6) and §5.2 (ICMPv6 to ICMPv4) and the Parameter
 * Problem pointer tables (RFC 7915 Figure 3 and Figure 6).
 * <p>
 * A mapping is returned packed as {@code type << 8 | code}, or {@link #DROP} when the RFC says to drop silently.
 */
public final class IcmpMapping
{
    /** The message has no counterpart: drop it silently. */
    public static final int DROP = -1;

    private IcmpMapping()
    {
    }

    /**
     * @param type ICMPv4 type.
     * @return true for the error messages RFC 7915 §4.2 translates with their packet in error (and for every type
     *     RFC 1812 counts as an error: so that an error inside an error is recognised).
     */
    public static boolean isIcmpv4Error(final int type)
    {
        // Destination Unreachable, Source Quench, Redirect, Time Exceeded, Parameter Problem.
        return type == IcmpHeader.TYPE_DESTINATION_UNREACHABLE || type == IcmpHeader.TYPE_SOURCE_QUENCH ||
            type == IcmpHeader.TYPE_REDIRECT || type == IcmpHeader.TYPE_TIME_EXCEEDED ||
            type == IcmpHeader.TYPE_PARAMETER_PROBLEM;
    }

    /**
     * @param type ICMPv6 type.
     * @return true for ICMPv6 error messages (RFC 4443 §2.1: types 0..127).
     */
    public static boolean isIcmpv6Error(final int type)
    {
        return type < 128;
    }

    /**
     * RFC 7915 §4.2: ICMPv4 type and code to ICMPv6.
     *
     * @param type ICMPv4 type.
     * @param code ICMPv4 code.
     * @return {@code icmpv6Type << 8 | icmpv6Code}, or {@link #DROP}.
     */
    public static int icmpv4ToIcmpv6(final int type, final int code)
    {
        switch (type)
        {
            case IcmpHeader.TYPE_ECHO_REQUEST:
                return Icmpv6Header.TYPE_ECHO_REQUEST << 8 | code;
            case IcmpHeader.TYPE_ECHO_REPLY:
                return Icmpv6Header.TYPE_ECHO_REPLY << 8 | code;
            case IcmpHeader.TYPE_DESTINATION_UNREACHABLE:
                return destinationUnreachable4to6(code);
            case IcmpHeader.TYPE_TIME_EXCEEDED:
                // Code unchanged (0 hop limit exceeded in transit, 1 fragment reassembly time exceeded).
                return code <= 1 ? Icmpv6Header.TYPE_TIME_EXCEEDED << 8 | code : DROP;
            case IcmpHeader.TYPE_PARAMETER_PROBLEM:
                // Code 0 (pointer indicates the error) and 2 (bad length): pointer translated; code 1 dropped.
                return code == 0 || code == 2 ? Icmpv6Header.TYPE_PARAMETER_PROBLEM << 8 : DROP;
            default:
                // Timestamp, Information, Address Mask, Router Advertisement/Solicitation are single-hop or
                // obsolete; Source Quench and Redirect have no ICMPv6 counterpart; unknown types are dropped.
                return DROP;
        }
    }

    private static int destinationUnreachable4to6(final int code)
    {
        switch (code)
        {
            case 0: // net unreachable
            case 1: // host unreachable
            case 5: // source route failed
            case 6: // destination network unknown
            case 7: // destination host unknown
            case 8: // source host isolated
            case 11: // network unreachable for TOS
            case 12: // host unreachable for TOS
                return Icmpv6Header.TYPE_DESTINATION_UNREACHABLE << 8; // no route to destination
            case 2: // protocol unreachable: Parameter Problem, unrecognized Next Header, pointer 6
                return Icmpv6Header.TYPE_PARAMETER_PROBLEM << 8 | 1;
            case 3: // port unreachable
                return Icmpv6Header.TYPE_DESTINATION_UNREACHABLE << 8 | 4;
            case 4: // fragmentation needed and DF set
                return Icmpv6Header.TYPE_PACKET_TOO_BIG << 8;
            case 9: // communication with destination network administratively prohibited
            case 10: // communication with destination host administratively prohibited
            case 13: // communication administratively prohibited
            case 15: // precedence cutoff in effect
                return Icmpv6Header.TYPE_DESTINATION_UNREACHABLE << 8 | 1;
            default: // 14 host precedence violation, and unknown codes
                return DROP;
        }
    }

    /**
     * RFC 7915 §5.2: ICMPv6 type and code to ICMPv4.
     *
     * @param type ICMPv6 type.
     * @param code ICMPv6 code.
     * @return {@code icmpv4Type << 8 | icmpv4Code}, or {@link #DROP}.
     */
    public static int icmpv6ToIcmpv4(final int type, final int code)
    {
        switch (type)
        {
            case Icmpv6Header.TYPE_ECHO_REQUEST:
                return IcmpHeader.TYPE_ECHO_REQUEST << 8 | code;
            case Icmpv6Header.TYPE_ECHO_REPLY:
                return IcmpHeader.TYPE_ECHO_REPLY << 8 | code;
            case Icmpv6Header.TYPE_DESTINATION_UNREACHABLE:
                switch (code)
                {
                    case 0: // no route to destination
                    case 2: // beyond scope of source address
                    case 3: // address unreachable
                        return IcmpHeader.TYPE_DESTINATION_UNREACHABLE << 8 | 1; // host unreachable
                    case 1: // communication administratively prohibited
                        return IcmpHeader.TYPE_DESTINATION_UNREACHABLE << 8 | 10;
                    case 4: // port unreachable
                        return IcmpHeader.TYPE_DESTINATION_UNREACHABLE << 8 | 3;
                    default:
                        return DROP;
                }
            case Icmpv6Header.TYPE_PACKET_TOO_BIG:
                return IcmpHeader.TYPE_DESTINATION_UNREACHABLE << 8 | IcmpHeader.CODE_FRAGMENTATION_NEEDED;
            case Icmpv6Header.TYPE_TIME_EXCEEDED:
                return code <= 1 ? IcmpHeader.TYPE_TIME_EXCEEDED << 8 | code : DROP;
            case Icmpv6Header.TYPE_PARAMETER_PROBLEM:
                switch (code)
                {
                    case 0: // erroneous header field: pointer translated
                        return IcmpHeader.TYPE_PARAMETER_PROBLEM << 8;
                    case 1: // unrecognized Next Header: protocol unreachable
                        return IcmpHeader.TYPE_DESTINATION_UNREACHABLE << 8 | 2;
                    default: // unrecognized IPv6 option, and others
                        return DROP;
                }
            default:
                // MLD, Neighbor Discovery and unknown informational messages are single-hop or have no
                // counterpart; unknown error types are dropped too.
                return DROP;
        }
    }

    /**
     * RFC 7915 Figure 3: an ICMPv4 Parameter Problem pointer (into the IPv4 header) as an ICMPv6 one.
     *
     * @param pointer the ICMPv4 pointer.
     * @return the ICMPv6 pointer, or {@link #DROP} if the field has no counterpart.
     */
    public static int pointer4to6(final int pointer)
    {
        switch (pointer)
        {
            case 0: // Version/IHL
                return 0;
            case 1: // Type Of Service
                return 1;
            case 2: // Total Length
            case 3:
                return 4;
            case 8: // Time to Live
                return 7;
            case 9: // Protocol
                return 6;
            case 12: // Source Address
            case 13:
            case 14:
            case 15:
                return 8;
            case 16: // Destination Address
            case 17:
            case 18:
            case 19:
                return 24;
            default: // Identification, Flags/Fragment Offset, Header Checksum, options
                return DROP;
        }
    }

    /**
     * RFC 7915 Figure 6: an ICMPv6 Parameter Problem pointer (into the IPv6 header) as an ICMPv4 one.
     *
     * @param pointer the ICMPv6 pointer (32 bits, unsigned).
     * @return the ICMPv4 pointer, or {@link #DROP} if the field has no counterpart.
     */
    public static int pointer6to4(final long pointer)
    {
        if (pointer < 0 || pointer > 39)
        {
            return DROP;
        }
        final int p = (int)pointer;
        if (p == 0 || p == 1)
        {
            return p; // Version/Traffic Class, Traffic Class/Flow Label
        }
        if (p == 4 || p == 5)
        {
            return 2; // Payload Length
        }
        if (p == 6)
        {
            return 9; // Next Header
        }
        if (p == 7)
        {
            return 8; // Hop Limit
        }
        if (p >= 8 && p <= 23)
        {
            return 12; // Source Address
        }
        if (p >= 24)
        {
            return 16; // Destination Address
        }
        return DROP; // 2, 3: Flow Label
    }
}

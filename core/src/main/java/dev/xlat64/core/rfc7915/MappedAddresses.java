package dev.xlat64.core.rfc7915;

/**
 * The addresses (and transport identifiers) of one IP header as an {@link AddressMapper} reads and writes them.
 * One reusable instance per header level (outer packet, packet in error) per worker; the translator fills the
 * side it reads from the packet and the mapper fills the other side.
 * <p>
 * Ports are the TCP/UDP ports or the ICMP echo identifier (in both port fields; the translator writes back
 * {@link #sourcePort} 6to4 and {@link #destinationPort} 4to6), or -1 where the packet has none (a later
 * fragment, another protocol). A SIIT mapper leaves them as they are; a stateful NAT64 mapper
 * (RFC 6146) rewrites them from its BIB, and the translator then rewrites the header and its checksum.
 */
public final class MappedAddresses
{
    /** IPv6 source, high half. */
    public long source6High;
    /** IPv6 source, low half. */
    public long source6Low;
    /** IPv6 destination, high half. */
    public long destination6High;
    /** IPv6 destination, low half. */
    public long destination6Low;
    /** IPv4 source. */
    public int source4;
    /** IPv4 destination. */
    public int destination4;
    /** Source port or ICMP identifier, -1 if none. */
    public int sourcePort;
    /** Destination port or ICMP identifier, -1 if none. */
    public int destinationPort;
    /** Set by the translator: the packet is an ICMP error, so an RFC 6791 source may stand in for an untranslatable one. */
    public boolean icmpError;
    /** Set by the mapper in 6to4: the IPv4 destination represents an IPv6 node, translate back (RFC 7757 §4.2.2). */
    public boolean hairpin;
    /** Set by the translator in the 4to6 pass of an intrinsic hairpin: the source is mapped by pool6, not the EAMT. */
    public boolean hairpinPass;
    /** Set by the mapper when the source came from an RFC 6791 pool or the translator's own address. */
    public boolean rfc6791Source;
    /** Pseudo-header address sum of the packet as received, taken before the mapper runs. */
    int originalAddressSum;

    /**
     * Clears the flags and ports before a new packet.
     */
    public void reset()
    {
        sourcePort = -1;
        destinationPort = -1;
        icmpError = false;
        hairpin = false;
        hairpinPass = false;
        rfc6791Source = false;
    }

    /** Remembers the received IPv6 addresses' sum (the mapper may rewrite any field). */
    void captureIpv6()
    {
        originalAddressSum = ipv6AddressSum();
    }

    /** Remembers the received IPv4 addresses' sum. */
    void captureIpv4()
    {
        originalAddressSum = ipv4AddressSum();
    }

    /**
     * @return an IPv6 address sum of the source and destination, as the pseudo-header checksum uses it.
     */
    int ipv6AddressSum()
    {
        return dev.xlat64.core.checksum.InternetChecksum.ipv6PseudoHeaderSum(
            source6High, source6Low, destination6High, destination6Low, 0, 0);
    }

    /**
     * @return an IPv4 address sum of the source and destination, as the pseudo-header checksum uses it.
     */
    int ipv4AddressSum()
    {
        return dev.xlat64.core.checksum.InternetChecksum.ipv4PseudoHeaderSum(source4, destination4, 0, 0);
    }
}

package dev.xlat64.core.rfc7915;

import dev.xlat64.core.counters.DropReason;

/**
 * The address mapping step of the translator: the one step a stateless (SIIT: pool6 + EAMT, {@link SiitAddressMapper})
 * and a stateful (NAT64: BIB and session tables, RFC 6146) translator do differently. Every other step (headers,
 * checksums, ICMP, fragments, MTU) is shared.
 * <p>
 * Each method reads one side of {@link MappedAddresses} and fills the other; it returns null on success or the
 * reason to drop the packet. Called on the worker thread; must not allocate.
 */
public interface AddressMapper
{
    /**
     * 6to4, the packet itself: IPv6 addresses in, IPv4 addresses out (and {@link MappedAddresses#hairpin}).
     *
     * @param addresses in/out.
     * @return null, or why the packet cannot be translated.
     */
    DropReason map6to4(MappedAddresses addresses);

    /**
     * 6to4, the packet in error inside an ICMPv6 error (it travelled the other way: for NAT64 the reverse lookup).
     *
     * @param addresses in/out.
     * @return null, or why the packet cannot be translated.
     */
    DropReason mapInner6to4(MappedAddresses addresses);

    /**
     * 4to6, the packet itself: IPv4 addresses in, IPv6 addresses out.
     *
     * @param addresses in/out.
     * @return null, or why the packet cannot be translated.
     */
    DropReason map4to6(MappedAddresses addresses);

    /**
     * 4to6, the packet in error inside an ICMPv4 error.
     *
     * @param addresses in/out.
     * @return null, or why the packet cannot be translated.
     */
    DropReason mapInner4to6(MappedAddresses addresses);
}

package dev.xlat64.core.packet;

/**
 * Why a header failed validation. Validators return one of these instead of throwing, so the data path can count the
 * reason and drop the packet. {@link #NONE} means the header is usable.
 */
public enum HeaderFault
{
    /** Nothing wrong. */
    NONE("The header is well formed."),
    /** Fewer bytes are available than the fixed part of the header needs. */
    TRUNCATED("Fewer bytes are available than the fixed part of the header needs."),
    /** The IP version field does not match the header kind (4 for IPv4, 6 for IPv6). */
    BAD_VERSION("The IP version field does not match the header kind."),
    /** The IPv4 IHL is below 5, so the header would be shorter than its fixed 20 bytes (RFC 791 §3.1). */
    BAD_IHL("The IPv4 Internet Header Length is below 5 words."),
    /** The IPv4 IHL says the header (with options) is longer than the bytes available. */
    IHL_EXCEEDS_PACKET("The IPv4 Internet Header Length reaches past the end of the packet."),
    /** The IPv4 Total Length is smaller than the header length. */
    TOTAL_LENGTH_TOO_SHORT("The IPv4 Total Length is smaller than the IPv4 header length."),
    /** The IPv4 Total Length claims more bytes than the packet has. */
    TOTAL_LENGTH_EXCEEDS_PACKET("The IPv4 Total Length claims more bytes than the packet has."),
    /** An IPv4 option has a length below 2 or runs past the end of the header (RFC 791 §3.1). */
    BAD_IPV4_OPTION("An IPv4 option has a length below 2 or runs past the end of the options area."),
    /** The IPv6 Payload Length claims more bytes than the packet has. */
    PAYLOAD_LENGTH_EXCEEDS_PACKET("The IPv6 Payload Length claims more bytes than the packet has."),
    /** An IPv6 extension header runs past the end of the payload (RFC 7112: the first fragment holds the whole chain). */
    EXTENSION_CHAIN_TRUNCATED("An IPv6 extension header runs past the end of the packet."),
    /** The IPv6 extension header chain has more headers than the walker accepts. */
    EXTENSION_CHAIN_TOO_LONG("The IPv6 extension header chain has more headers than the walker accepts."),
    /** A Hop-by-Hop Options header appears somewhere other than right after the IPv6 header (RFC 8200 §4.1). */
    HOP_BY_HOP_NOT_FIRST("A Hop-by-Hop Options header does not immediately follow the IPv6 header."),
    /** More than one Fragment header appears in one IPv6 packet, which cannot be translated or reassembled. */
    DUPLICATE_FRAGMENT_HEADER("More than one Fragment header appears in the IPv6 extension header chain."),
    /** The UDP Length field is below the 8-byte header size. */
    UDP_LENGTH_TOO_SHORT("The UDP Length is smaller than the 8-byte UDP header."),
    /** The UDP Length field claims more bytes than the packet has. */
    UDP_LENGTH_EXCEEDS_PACKET("The UDP Length claims more bytes than the packet has."),
    /** The TCP Data Offset is below 5, so the header would be shorter than its fixed 20 bytes (RFC 9293 §3.1). */
    BAD_DATA_OFFSET("The TCP Data Offset is below 5 words."),
    /** The TCP Data Offset says the header (with options) is longer than the bytes available. */
    DATA_OFFSET_EXCEEDS_PACKET("The TCP Data Offset reaches past the end of the packet."),
    /** An ARP packet is not the Ethernet/IPv4 form this gateway speaks (htype 1, ptype 0x0800, hlen 6, plen 4). */
    ARP_UNSUPPORTED_FORMAT("The ARP packet is not for Ethernet hardware and IPv4 protocol addresses."),
    /** A Neighbor Discovery message has a code other than 0 (RFC 4861 §7.1.1, §7.1.2). */
    NDP_BAD_CODE("The Neighbor Discovery message has a non-zero ICMPv6 code."),
    /** A Neighbor Solicitation or Advertisement names a multicast target (RFC 4861 §7.1.1, §7.1.2). */
    NDP_MULTICAST_TARGET("The Neighbor Discovery message's target address is a multicast address."),
    /** A Neighbor Discovery option has length 0 or runs past the message (RFC 4861 §4.6: silently discard). */
    NDP_BAD_OPTION_LENGTH("A Neighbor Discovery option has length zero or runs past the end of the message.");

    private final String description;

    HeaderFault(final String description)
    {
        this.description = description;
    }

    /**
     * One sentence saying what is wrong, for logs and counter labels.
     *
     * @return the description.
     */
    public String description()
    {
        return description;
    }
}

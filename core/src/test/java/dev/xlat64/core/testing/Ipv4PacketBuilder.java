package dev.xlat64.core.testing;

import java.util.Arrays;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds an IPv4 packet (RFC 791) around the upper layer chosen on {@link PacketBuilder}: total length and header
 * checksum computed unless overridden.
 */
public final class Ipv4PacketBuilder extends PacketBuilder<Ipv4PacketBuilder>
{
    private final int source;
    private final int destination;
    private int tos;
    private int identification;
    private boolean dontFragment;
    private boolean moreFragments;
    private boolean reservedFlag;
    private int fragmentOffset;
    private int ttl = 64;
    private byte[] options = new byte[0];
    private Integer protocolOverride;
    private Integer totalLengthOverride;
    private Integer headerChecksumOverride;
    private Integer ihlOverride;

    Ipv4PacketBuilder(final String source, final String destination)
    {
        this.source = Ipv4Address.parse(source);
        this.destination = Ipv4Address.parse(destination);
    }

    public Ipv4PacketBuilder tos(final int tos)
    {
        this.tos = tos;
        return this;
    }

    public Ipv4PacketBuilder identification(final int identification)
    {
        this.identification = identification;
        return this;
    }

    public Ipv4PacketBuilder dontFragment(final boolean dontFragment)
    {
        this.dontFragment = dontFragment;
        return this;
    }

    public Ipv4PacketBuilder moreFragments(final boolean moreFragments)
    {
        this.moreFragments = moreFragments;
        return this;
    }

    /**
     * Set the reserved ("evil") flag bit, which RFC 791 says must be zero.
     */
    public Ipv4PacketBuilder reservedFlag(final boolean reservedFlag)
    {
        this.reservedFlag = reservedFlag;
        return this;
    }

    /**
     * @param fragmentOffset in 8-byte units.
     * @return this builder.
     */
    public Ipv4PacketBuilder fragmentOffset(final int fragmentOffset)
    {
        this.fragmentOffset = fragmentOffset;
        return this;
    }

    public Ipv4PacketBuilder ttl(final int ttl)
    {
        this.ttl = ttl;
        return this;
    }

    /**
     * @param options option bytes, padded with End of Option List to a multiple of 4 (IHL follows).
     * @return this builder.
     */
    public Ipv4PacketBuilder options(final byte[] options)
    {
        this.options = options.clone();
        return this;
    }

    /**
     * Write this protocol number instead of the upper layer's.
     */
    public Ipv4PacketBuilder protocol(final int protocol)
    {
        this.protocolOverride = protocol;
        return this;
    }

    /**
     * Write this Total Length instead of the real one (a lying header).
     */
    public Ipv4PacketBuilder totalLength(final int totalLength)
    {
        this.totalLengthOverride = totalLength;
        return this;
    }

    /**
     * Write this header checksum instead of the computed one.
     */
    public Ipv4PacketBuilder headerChecksum(final int headerChecksum)
    {
        this.headerChecksumOverride = headerChecksum;
        return this;
    }

    /**
     * Write this IHL instead of the real one (the checksum then covers 20 bytes if the value is below 5).
     */
    public Ipv4PacketBuilder ihl(final int ihl)
    {
        this.ihlOverride = ihl;
        return this;
    }

    @Override
    public byte[] build()
    {
        return assemble(upperLayerBytes(), fragmentOffset, moreFragments, options);
    }

    @Override
    public List<byte[]> fragments(final int maxFragmentPayload)
    {
        if (fragmentOffset != 0 || moreFragments)
        {
            throw new IllegalStateException("fragments() splits a whole datagram; do not also set the fragment fields");
        }
        // RFC 791 §3.2: only options with the copied flag go into fragments after the first.
        return split(maxFragmentPayload, (piece, offsetUnits, more) ->
            assemble(piece, offsetUnits, more, offsetUnits == 0 ? options : copiedOptions(options)));
    }

    private byte[] assemble(final byte[] upper, final int offsetUnits, final boolean more, final byte[] rawOptions)
    {
        final int optionsLength = (rawOptions.length + 3) & ~3;
        final int headerLength = Ipv4Header.HEADER_LENGTH + optionsLength;
        final byte[] bytes = new byte[headerLength + upper.length];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final int protocol = protocolOverride != null ? protocolOverride : upperLayerProtocol();
        final Ipv4Header header = new Ipv4Header().wrap(buffer, 0)
            .version(4).ihl(ihlOverride != null ? ihlOverride : headerLength / 4).tos(tos)
            .totalLength(totalLengthOverride != null ? totalLengthOverride : bytes.length)
            .identification(identification)
            .flagsAndFragmentOffset((reservedFlag ? Ipv4Header.FLAG_RESERVED : 0) |
                (dontFragment ? Ipv4Header.FLAG_DF : 0) | (more ? Ipv4Header.FLAG_MF : 0) |
                (offsetUnits & Ipv4Header.FRAGMENT_OFFSET_MASK))
            .ttl(ttl).protocol(protocol).headerChecksum(0).source(source).destination(destination);
        buffer.putBytes(Ipv4Header.OPTIONS_OFFSET, rawOptions);
        buffer.putBytes(headerLength, upper);
        header.headerChecksum(headerChecksumOverride != null ? headerChecksumOverride :
            InternetChecksum.ipv4HeaderChecksum(buffer, 0, headerLength));
        return bytes;
    }

    private static byte[] copiedOptions(final byte[] options)
    {
        final byte[] copied = new byte[options.length];
        int length = 0;
        int i = 0;
        while (i < options.length)
        {
            final int type = options[i] & 0xFF;
            if (type == 0)
            {
                break;
            }
            final int optionLength = type == 1 ? 1 : options[i + 1] & 0xFF;
            if ((type & 0x80) != 0)
            {
                System.arraycopy(options, i, copied, length, optionLength);
                length += optionLength;
            }
            i += optionLength;
        }
        return Arrays.copyOf(copied, length);
    }

    @Override
    protected int echoRequestType()
    {
        return IcmpHeader.TYPE_ECHO_REQUEST;
    }

    @Override
    protected int echoReplyType()
    {
        return IcmpHeader.TYPE_ECHO_REPLY;
    }

    @Override
    protected int icmpProtocol()
    {
        return IpProtocol.ICMP;
    }

    @Override
    protected int checksumSeed(final int protocol, final int upperLayerLength)
    {
        // ICMPv4 has no pseudo-header (RFC 792); TCP and UDP do (RFC 793 §3.1, RFC 768).
        return protocol == IpProtocol.ICMP ? 0 :
            InternetChecksum.ipv4PseudoHeaderSum(source, destination, protocol, upperLayerLength);
    }
}

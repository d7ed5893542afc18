package dev.xlat64.core.testing;

import static java.nio.ByteOrder.BIG_ENDIAN;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.LinkLayerAddressOption;
import dev.xlat64.core.packet.NdpOptions;
import dev.xlat64.core.packet.NeighborAdvertisement;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds an IPv6 packet (RFC 8200) around the upper layer chosen on {@link PacketBuilder}, with extension headers in
 * the order they are added and every Next Header and the Payload Length filled in. The upper-layer checksum uses the
 * IPv6 header's destination (a Routing header's final destination is not looked up).
 */
public final class Ipv6PacketBuilder extends PacketBuilder<Ipv6PacketBuilder>
{
    private record Extension(int type, byte[] bytes)
    {
    }

    private final long sourceHigh;
    private final long sourceLow;
    private final long destinationHigh;
    private final long destinationLow;
    private final List<Extension> extensions = new ArrayList<>();
    private int trafficClass;
    private int flowLabel;
    private int hopLimit = 64;
    private int identification = 0x0A0B0C0D;
    private Integer payloadLengthOverride;

    Ipv6PacketBuilder(final String source, final String destination)
    {
        final Ipv6Address from = Ipv6Address.parse(source);
        final Ipv6Address to = Ipv6Address.parse(destination);
        this.sourceHigh = from.high();
        this.sourceLow = from.low();
        this.destinationHigh = to.high();
        this.destinationLow = to.low();
    }

    public Ipv6PacketBuilder trafficClass(final int trafficClass)
    {
        this.trafficClass = trafficClass;
        return this;
    }

    public Ipv6PacketBuilder flowLabel(final int flowLabel)
    {
        this.flowLabel = flowLabel;
        return this;
    }

    public Ipv6PacketBuilder hopLimit(final int hopLimit)
    {
        this.hopLimit = hopLimit;
        return this;
    }

    /**
     * Write this Payload Length instead of the real one (a lying header).
     */
    public Ipv6PacketBuilder payloadLength(final int payloadLength)
    {
        this.payloadLengthOverride = payloadLength;
        return this;
    }

    /**
     * @param identification the Fragment header identification {@link #fragments(int)} uses.
     * @return this builder.
     */
    public Ipv6PacketBuilder identification(final int identification)
    {
        this.identification = identification;
        return this;
    }

    /**
     * An 8-byte Hop-by-Hop Options header holding only padding.
     */
    public Ipv6PacketBuilder hopByHop()
    {
        return hopByHop(new byte[0]);
    }

    /**
     * A Hop-by-Hop Options header holding these options, padded (Pad1/PadN) to a multiple of 8 bytes.
     */
    public Ipv6PacketBuilder hopByHop(final byte[] options)
    {
        return extension(IpProtocol.HOPOPT, optionsHeader(options));
    }

    /**
     * An 8-byte Destination Options header holding only padding.
     */
    public Ipv6PacketBuilder destinationOptions()
    {
        return destinationOptions(new byte[0]);
    }

    /**
     * A Destination Options header holding these options, padded (Pad1/PadN) to a multiple of 8 bytes.
     */
    public Ipv6PacketBuilder destinationOptions(final byte[] options)
    {
        return extension(IpProtocol.DESTINATION_OPTIONS, optionsHeader(options));
    }

    /**
     * A Routing header with 4 reserved zero bytes of type-specific data (8 bytes in all).
     */
    public Ipv6PacketBuilder routing(final int routingType, final int segmentsLeft)
    {
        return routing(routingType, segmentsLeft, new byte[4]);
    }

    /**
     * A Routing header whose type-specific data (after Segments Left) is {@code data}, zero-padded to make the header
     * a multiple of 8 bytes.
     */
    public Ipv6PacketBuilder routing(final int routingType, final int segmentsLeft, final byte[] data)
    {
        final byte[] header = new byte[(4 + data.length + 7) & ~7];
        header[1] = (byte)(header.length / 8 - 1);
        header[2] = (byte)routingType;
        header[3] = (byte)segmentsLeft;
        System.arraycopy(data, 0, header, 4, data.length);
        return extension(IpProtocol.ROUTING, header);
    }

    /**
     * A Fragment header with these fields, e.g. an atomic fragment (offset 0, more false, RFC 6946) or, with
     * {@link #upperLayer}, a later fragment.
     *
     * @param offsetUnits    fragment offset in 8-byte units.
     * @param more           the M flag.
     * @param identification the identification.
     * @return this builder.
     */
    public Ipv6PacketBuilder fragment(final int offsetUnits, final boolean more, final int identification)
    {
        final byte[] header = new byte[FragmentHeader.HEADER_LENGTH];
        new FragmentHeader().wrap(new UnsafeBuffer(header), 0)
            .fragmentOffset(offsetUnits).moreFragments(more).identification(identification);
        return extension(IpProtocol.FRAGMENT, header);
    }

    /**
     * Any extension header, bytes as given except the first (Next Header), which the builder fills in. For malformed
     * chains: lying Hdr Ext Len values, unknown types.
     *
     * @param type  the Next Header value that announces it.
     * @param bytes the whole header.
     * @return this builder.
     */
    public Ipv6PacketBuilder extension(final int type, final byte[] bytes)
    {
        extensions.add(new Extension(type, bytes.clone()));
        return this;
    }

    /**
     * A Neighbor Solicitation for {@code target} (RFC 4861 §4.3), hop limit 255, with a Source Link-Layer Address
     * option unless {@code sourceLinkLayerAddress} is negative (duplicate address detection from ::).
     *
     * @param target                 the address being resolved.
     * @param sourceLinkLayerAddress the sender's 48-bit MAC, or -1 for none.
     * @return this builder.
     */
    public Ipv6PacketBuilder neighborSolicitation(final String target, final long sourceLinkLayerAddress)
    {
        return hopLimit(255).icmp(Icmpv6Header.TYPE_NEIGHBOR_SOLICITATION, 0, 0)
            .payload(neighborBody(target, NdpOptions.SOURCE_LINK_LAYER_ADDRESS, sourceLinkLayerAddress));
    }

    /**
     * A Neighbor Advertisement for {@code target} (RFC 4861 §4.4), hop limit 255, with a Target Link-Layer Address
     * option unless {@code targetLinkLayerAddress} is negative.
     *
     * @param target                 the address advertised.
     * @param flags                  {@link NeighborAdvertisement#FLAG_ROUTER} | {@code FLAG_SOLICITED} | {@code FLAG_OVERRIDE}.
     * @param targetLinkLayerAddress the target's 48-bit MAC, or -1 for none.
     * @return this builder.
     */
    public Ipv6PacketBuilder neighborAdvertisement(final String target, final int flags, final long targetLinkLayerAddress)
    {
        return hopLimit(255).icmp(Icmpv6Header.TYPE_NEIGHBOR_ADVERTISEMENT, 0, flags)
            .payload(neighborBody(target, NdpOptions.TARGET_LINK_LAYER_ADDRESS, targetLinkLayerAddress));
    }

    private static byte[] neighborBody(final String target, final int optionType, final long linkLayerAddress)
    {
        final byte[] body = new byte[16 + (linkLayerAddress < 0 ? 0 : LinkLayerAddressOption.HEADER_LENGTH)];
        final UnsafeBuffer buffer = new UnsafeBuffer(body);
        final Ipv6Address address = Ipv6Address.parse(target);
        buffer.putLong(0, address.high(), BIG_ENDIAN);
        buffer.putLong(8, address.low(), BIG_ENDIAN);
        if (linkLayerAddress >= 0)
        {
            new LinkLayerAddressOption().wrap(buffer, 16).ethernet(optionType, linkLayerAddress);
        }
        return body;
    }

    @Override
    public byte[] build()
    {
        return assemble(extensions, upperLayerBytes());
    }

    /**
     * All extension headers added so far are treated as the unfragmentable part; the Fragment header goes after them
     * and the upper layer is split (RFC 8200 §4.5).
     */
    @Override
    public List<byte[]> fragments(final int maxFragmentPayload)
    {
        return split(maxFragmentPayload, (piece, offsetUnits, more) ->
        {
            final byte[] header = new byte[FragmentHeader.HEADER_LENGTH];
            new FragmentHeader().wrap(new UnsafeBuffer(header), 0)
                .fragmentOffset(offsetUnits).moreFragments(more).identification(identification);
            final List<Extension> chain = new ArrayList<>(extensions);
            chain.add(new Extension(IpProtocol.FRAGMENT, header));
            return assemble(chain, piece);
        });
    }

    private byte[] assemble(final List<Extension> chain, final byte[] upper)
    {
        final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (int i = 0; i < chain.size(); i++)
        {
            final byte[] header = chain.get(i).bytes().clone();
            header[0] = (byte)(i + 1 < chain.size() ? chain.get(i + 1).type() : upperLayerProtocol());
            payload.writeBytes(header);
        }
        payload.writeBytes(upper);
        final byte[] body = payload.toByteArray();

        final byte[] bytes = new byte[Ipv6Header.HEADER_LENGTH + body.length];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        new Ipv6Header().wrap(buffer, 0)
            .version(6).trafficClass(trafficClass).flowLabel(flowLabel)
            .payloadLength(payloadLengthOverride != null ? payloadLengthOverride : body.length)
            .nextHeader(chain.isEmpty() ? upperLayerProtocol() : chain.get(0).type())
            .hopLimit(hopLimit)
            .source(sourceHigh, sourceLow).destination(destinationHigh, destinationLow);
        buffer.putBytes(Ipv6Header.HEADER_LENGTH, body);
        return bytes;
    }

    /**
     * RFC 8200 §4.2: options headers are a multiple of 8 bytes; pad with Pad1 (one byte) or PadN.
     */
    private static byte[] optionsHeader(final byte[] options)
    {
        final int length = (2 + options.length + 7) & ~7;
        final byte[] header = new byte[length];
        header[1] = (byte)(length / 8 - 1);
        System.arraycopy(options, 0, header, 2, options.length);
        final int padding = length - 2 - options.length;
        if (padding >= 2)
        {
            header[2 + options.length] = 1; // PadN
            header[3 + options.length] = (byte)(padding - 2);
        }
        // padding == 1 leaves a single zero byte, which is Pad1.
        return header;
    }

    @Override
    protected int echoRequestType()
    {
        return Icmpv6Header.TYPE_ECHO_REQUEST;
    }

    @Override
    protected int echoReplyType()
    {
        return Icmpv6Header.TYPE_ECHO_REPLY;
    }

    @Override
    protected int icmpProtocol()
    {
        return IpProtocol.ICMPV6;
    }

    @Override
    protected int checksumSeed(final int protocol, final int upperLayerLength)
    {
        return InternetChecksum.ipv6PseudoHeaderSum(
            sourceHigh, sourceLow, destinationHigh, destinationLow, protocol, upperLayerLength);
    }
}

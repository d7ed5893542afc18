package dev.xlat64.io.gateway;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.pipeline.EgressSink;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.PacketProcessor;
import dev.xlat64.core.rfc7915.PacketSink;
import dev.xlat64.core.rfc7915.Side;
import dev.xlat64.core.rfc7915.Translator;

/**
 * A worker's RFC 7915 {@link Translator} as the pipeline's {@link PacketProcessor}: IPv6 packets are translated
 * 6to4, IPv4 packets 4to6, and what the translator emits (the translated packet, fragments, or an ICMP error
 * going back where the packet came from) goes to the egress side's TX ring. No allocation per packet.
 */
public final class TranslatorProcessor implements PacketProcessor, PacketSink
{
    private final Translator translator;
    private EgressSink egress;

    public TranslatorProcessor(final Translator translator)
    {
        this.translator = translator;
    }

    @Override
    public int headroom()
    {
        return Translator.HEADROOM;
    }

    @Override
    public int tailroom()
    {
        return Translator.TAILROOM;
    }

    @Override
    public void process(
        final Family ingress, final MutableDirectBuffer buffer, final int offset, final int length,
        final EgressSink sink)
    {
        egress = sink;
        if (ingress == Family.IPV6)
        {
            translator.translate6to4(buffer, offset, length, this);
        }
        else
        {
            translator.translate4to6(buffer, offset, length, this);
        }
    }

    @Override
    public void emit(final Side side, final DirectBuffer buffer, final int offset, final int length)
    {
        egress.emit(side == Side.IPV6 ? Family.IPV6 : Family.IPV4, buffer, offset, length);
    }
}

package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;

/**
 * Where a {@link PacketProcessor} puts its output: one IP packet (no link-layer header) leaving by the side of
 * {@code family}. The bytes are copied before the call returns.
 */
@FunctionalInterface
public interface EgressSink
{
    void emit(Family family, DirectBuffer buffer, int offset, int length);
}

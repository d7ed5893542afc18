package dev.xlat64.io.gateway;

import java.io.IOException;

import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.pipeline.PacketPort;

/**
 * Opens the port of one interface, with its own counters in the gateway's counters file.
 */
@FunctionalInterface
public interface PortOpener
{
    /**
     * @throws IOException naming the interface and what failed.
     */
    PacketPort open(String interfaceName, CountersManager counters) throws IOException;
}

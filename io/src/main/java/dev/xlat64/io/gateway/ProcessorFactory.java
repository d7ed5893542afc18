package dev.xlat64.io.gateway;

import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.pipeline.PacketProcessor;

/**
 * Makes the processor (the translator) of one worker, with its counters labelled for that worker.
 */
@FunctionalInterface
public interface ProcessorFactory
{
    PacketProcessor create(int worker, CountersManager counters);
}

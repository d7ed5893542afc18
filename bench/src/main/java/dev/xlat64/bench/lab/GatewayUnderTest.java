package dev.xlat64.bench.lab;

import java.io.IOException;

import dev.xlat64.io.lab.NetnsLab;

/**
 * A translator started in the gateway namespace of a lab, so that two implementations cross the same traffic.
 */
interface GatewayUnderTest extends AutoCloseable
{
    String name();

    /**
     * Starts the translator in the lab's gateway namespace, its data path on {@code cpu}, and returns once it
     * forwards.
     */
    void start(NetnsLab lab, int cpu) throws IOException, InterruptedException;

    /**
     * @return the process whose CPU time is the translator's cost.
     */
    long pid();

    @Override
    void close() throws IOException, InterruptedException;
}

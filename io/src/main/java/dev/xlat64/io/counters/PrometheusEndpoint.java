package dev.xlat64.io.counters;

import java.io.IOException;
import java.net.InetAddress;

import org.agrona.concurrent.status.CountersReader;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Serves the counters at {@code http://ADDRESS:PORT/metrics} in the Prometheus text format. Its HTTP threads
 * only read the counters, so the data path never waits for a scrape.
 */
public final class PrometheusEndpoint implements AutoCloseable
{
    private final HTTPServer server;

    private PrometheusEndpoint(final HTTPServer server)
    {
        this.server = server;
    }

    /**
     * @throws IOException naming the address when it cannot be bound.
     */
    public static PrometheusEndpoint start(final InetAddress address, final int port, final CountersReader reader)
        throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new CountersCollector(reader));
        try
        {
            return new PrometheusEndpoint(HTTPServer.builder()
                .inetAddress(address).port(port).registry(registry).buildAndStart());
        }
        catch (final IOException ex)
        {
            throw new IOException("cannot serve Prometheus metrics on " + address.getHostAddress() + ":" + port +
                ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the bound port (useful when 0 was asked for).
     */
    public int port()
    {
        return server.getPort();
    }

    @Override
    public void close()
    {
        server.close();
    }
}

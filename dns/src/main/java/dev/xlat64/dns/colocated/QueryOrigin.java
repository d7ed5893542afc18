package dev.xlat64.dns.colocated;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.pipeline.Family;

/**
 * Where a query came from and went to (addresses and UDP ports), i.e. how to address its answer: the context
 * the {@link Dns64Agent} passes through the resolver. One instance is reused for answers given at once; a copy
 * is made only for a query that waits for an upstream (which allocates anyway).
 */
public final class QueryOrigin
{
    Family family;
    long clientHigh;
    long clientLow;
    long serverHigh;
    long serverLow;
    int client4;
    int server4;
    int clientPort;
    int serverPort;

    /** Sets an IPv6 query from {@code [client]:clientPort} to {@code [server]:serverPort}. */
    public QueryOrigin ipv6(
        final long clientHigh, final long clientLow, final int clientPort,
        final long serverHigh, final long serverLow, final int serverPort)
    {
        this.family = Family.IPV6;
        this.clientHigh = clientHigh;
        this.clientLow = clientLow;
        this.serverHigh = serverHigh;
        this.serverLow = serverLow;
        this.client4 = 0;
        this.server4 = 0;
        this.clientPort = clientPort;
        this.serverPort = serverPort;
        return this;
    }

    /** Sets an IPv4 query from {@code client:clientPort} to {@code server:serverPort}. */
    public QueryOrigin ipv4(final int client, final int clientPort, final int server, final int serverPort)
    {
        this.family = Family.IPV4;
        this.clientHigh = 0;
        this.clientLow = 0;
        this.serverHigh = 0;
        this.serverLow = 0;
        this.client4 = client;
        this.server4 = server;
        this.clientPort = clientPort;
        this.serverPort = serverPort;
        return this;
    }

    /** @return an independent copy (kept by the resolver while an upstream answers). */
    public QueryOrigin copy()
    {
        final QueryOrigin copy = new QueryOrigin();
        copy.family = family;
        copy.clientHigh = clientHigh;
        copy.clientLow = clientLow;
        copy.serverHigh = serverHigh;
        copy.serverLow = serverLow;
        copy.client4 = client4;
        copy.server4 = server4;
        copy.clientPort = clientPort;
        copy.serverPort = serverPort;
        return copy;
    }

    public Family family()
    {
        return family;
    }

    @Override
    public String toString()
    {
        return family == Family.IPV6 ?
            "[" + Ipv6Address.format(clientHigh, clientLow) + "]:" + clientPort + " -> [" +
                Ipv6Address.format(serverHigh, serverLow) + "]:" + serverPort :
            Ipv4Address.format(client4) + ":" + clientPort + " -> " + Ipv4Address.format(server4) + ":" + serverPort;
    }
}

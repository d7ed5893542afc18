package dev.xlat64.dns.server;

import java.nio.channels.SelectionKey;

/**
 * A UDP listening socket of one server thread, read one batch of datagrams at a time, either when its selector
 * reports it readable or directly by the agent while it keeps having data (see {@link Dns64ServerAgent}).
 */
interface DatagramEndpoint extends SelectionHandler
{
    /**
     * Reads what is queued, up to one batch, answers every query it can answer now and sends those answers.
     *
     * @return the datagrams read; 0 when the socket had nothing (EAGAIN).
     */
    int receiveBatch(long nowNs);

    @Override
    default int onReady(final SelectionKey key, final long nowNs)
    {
        return receiveBatch(nowNs);
    }
}

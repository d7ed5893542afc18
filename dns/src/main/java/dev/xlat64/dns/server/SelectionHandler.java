package dev.xlat64.dns.server;

import java.nio.channels.SelectionKey;

/**
 * The attachment of every key in a server agent's selector: told when its channel is ready.
 */
interface SelectionHandler
{
    /** @return work done. */
    int onReady(SelectionKey key, long nowNs);
}

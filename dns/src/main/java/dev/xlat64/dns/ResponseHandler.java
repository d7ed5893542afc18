package dev.xlat64.dns;

import java.nio.ByteBuffer;

/**
 * Where the resolver's answers go. Called on the resolver's thread, either during
 * {@link Dns64Resolver#resolve} (cache hits, local and error answers) or later from
 * {@link Dns64Resolver#doWork(long)} (answers that needed an upstream).
 */
public interface ResponseHandler
{
    /**
     * @param context  what the caller passed with the query (e.g. the client's socket address).
     * @param response the answer, from its position to its limit; valid only during this call.
     */
    void onResponse(Object context, ByteBuffer response);

    /**
     * Called when a query must wait for an upstream: the context is kept until then, so a caller that passes a
     * reusable context returns a copy here. Not called for answers given at once.
     */
    default Object retainContext(final Object context)
    {
        return context;
    }
}

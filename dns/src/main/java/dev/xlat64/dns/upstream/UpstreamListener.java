package dev.xlat64.dns.upstream;

import org.xbill.DNS.Message;

/**
 * Receives the outcome of one upstream question; called on the thread that drives the {@link UpstreamClient}.
 */
public interface UpstreamListener
{
    /** A matching answer arrived (any RCODE apart from those that trigger failover). */
    void onAnswer(Message answer);

    /** Every attempt timed out or failed (RFC 6147 §5.1.3 treats this as SERVFAIL). */
    void onFailure();
}

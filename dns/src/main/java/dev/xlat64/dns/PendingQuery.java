package dev.xlat64.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A client query waiting for an upstream: what is needed to answer it later. Made only on a cache miss.
 */
final class PendingQuery
{
    final Object context;
    final ResponseHandler handler;
    final boolean tcp;
    final int id;
    final int flags;
    final Record question;
    final boolean edns;
    final boolean dnssecOk;
    final int udpLimit;
    final int questionEnd;
    final byte[] key;

    PendingQuery(
        final Object context, final ResponseHandler handler, final boolean tcp, final int id, final int flags,
        final Record question, final boolean edns, final boolean dnssecOk, final int udpLimit, final int questionEnd,
        final byte[] key)
    {
        this.context = context;
        this.handler = handler;
        this.tcp = tcp;
        this.id = id;
        this.flags = flags;
        this.question = question;
        this.edns = edns;
        this.dnssecOk = dnssecOk;
        this.udpLimit = udpLimit;
        this.questionEnd = questionEnd;
        this.key = key;
    }

    Name name()
    {
        return question.getName();
    }

    int type()
    {
        return question.getType();
    }

    int dclass()
    {
        return question.getDClass();
    }

    boolean checkingDisabled()
    {
        return (flags & dev.xlat64.dns.wire.DnsWire.FLAG_CD) != 0;
    }

    boolean authenticDataRequested()
    {
        return (flags & dev.xlat64.dns.wire.DnsWire.FLAG_AD) != 0;
    }
}

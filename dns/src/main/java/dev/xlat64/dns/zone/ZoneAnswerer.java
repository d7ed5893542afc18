package dev.xlat64.dns.zone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Zone;

/**
 * Answers queries authoritatively from a few zones in master-file text, with dnsjava's {@link Zone}: follows
 * CNAME chains and DNAMEs inside its zones (RFC 1034 §4.3.2, RFC 6672), NXDOMAIN and NODATA with the zone's
 * SOA in the authority section (RFC 2308 §3), REFUSED outside its zones, EDNS echoed (RFC 6891) and the
 * client's UDP payload size honoured (TC when the answer does not fit). What the lab's zone servers share:
 * the demo's {@code LabZoneServer} and the DNS tests' zone server, which adds its test knobs through the hooks.
 * Thread-safe for answering (the zones are only read).
 */
public class ZoneAnswerer
{
    private static final int MAX_CHAIN = 8;
    private static final int MIN_UDP_PAYLOAD = 512;

    private final List<Zone> zones = new ArrayList<>();

    /**
     * @param zoneTexts zones in master-file format (RFC 1035 §5), each with an {@code $ORIGIN} line.
     * @throws IOException when a zone does not parse.
     */
    public ZoneAnswerer(final String... zoneTexts) throws IOException
    {
        for (final String text : zoneTexts)
        {
            final String origin = text.lines().map(String::strip).filter(l -> l.startsWith("$ORIGIN")).findFirst()
                .orElseThrow(() -> new IOException("zone text without an $ORIGIN line")).split("\\s+")[1];
            zones.add(new Zone(Name.fromString(origin), new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    /**
     * @param overTcp true for TCP (no size limit), false for UDP (the client's EDNS payload size, or 512).
     * @return the answer in wire format, or null when there is nothing to answer (no question).
     */
    public byte[] answerWire(final Message query, final boolean overTcp)
    {
        final Message response = answer(query);
        if (response == null)
        {
            return null;
        }
        final OPTRecord opt = query.getOPT();
        final int max = overTcp ? 65_535 : (opt == null ? MIN_UDP_PAYLOAD : Math.max(MIN_UDP_PAYLOAD, opt.getPayloadSize()));
        return response.toWire(max);
    }

    /** @return the answer message, or null when the query has no question. */
    public Message answer(final Message query)
    {
        final Record question = query.getQuestion();
        if (question == null)
        {
            return null;
        }
        final Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD))
        {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(Record.newRecord(questionName(question.getName()), question.getType(), question.getDClass()),
            Section.QUESTION);
        final OPTRecord opt = query.getOPT();
        final boolean dnssecOk = opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
        final Integer forced = forcedRcode(question);
        if (forced != null)
        {
            response.getHeader().setRcode(forced);
        }
        else
        {
            resolve(question.getName(), question.getType(), response, dnssecOk, 0);
            onAnswered(response, dnssecOk);
        }
        if (opt != null)
        {
            response.addRecord(new OPTRecord(4096, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        return response;
    }

    private void resolve(final Name name, final int type, final Message response, final boolean dnssecOk, final int depth)
    {
        final Zone zone = zoneFor(name);
        if (zone == null)
        {
            response.getHeader().setRcode(Rcode.REFUSED);
            return;
        }
        final SetResponse found = zone.findRecords(name, type);
        if (found.isSuccessful())
        {
            for (final RRset set : found.answers())
            {
                for (final Record record : set.rrs())
                {
                    response.addRecord(record, Section.ANSWER);
                }
                onRecordsAdded(response, set.first(), dnssecOk);
            }
        }
        else if (found.isCNAME() && depth < MAX_CHAIN)
        {
            final CNAMERecord cname = found.getCNAME();
            response.addRecord(cname, Section.ANSWER);
            onRecordsAdded(response, cname, dnssecOk);
            resolve(cname.getTarget(), type, response, dnssecOk, depth + 1);
        }
        else if (found.isDNAME() && depth < MAX_CHAIN)
        {
            final DNAMERecord dname = found.getDNAME();
            response.addRecord(dname, Section.ANSWER);
            try
            {
                final Name target = name.fromDNAME(dname);
                response.addRecord(new CNAMERecord(name, dname.getDClass(), dname.getTTL(), target), Section.ANSWER);
                resolve(target, type, response, dnssecOk, depth + 1);
            }
            catch (final NameTooLongException ex)
            {
                response.getHeader().setRcode(Rcode.YXDOMAIN); // RFC 6672 §2.2
            }
        }
        else if (found.isNXDOMAIN())
        {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
        }
        else
        {
            response.addRecord(zone.getSOA(), Section.AUTHORITY);
        }
    }

    /** @return the zone with the longest origin that contains {@code name}, or null. */
    protected Zone zoneFor(final Name name)
    {
        Zone best = null;
        for (final Zone zone : zones)
        {
            if (name.subdomain(zone.getOrigin()) && (best == null || zone.getOrigin().labels() > best.getOrigin().labels()))
            {
                best = zone;
            }
        }
        return best;
    }

    /** Hook: the owner name written into the answer's question section (default: as asked). */
    protected Name questionName(final Name asked)
    {
        return asked;
    }

    /** Hook: an RCODE to answer with instead of looking the question up (default: none). */
    protected Integer forcedRcode(final Record question)
    {
        return null;
    }

    /** Hook: called after an RRset (or a CNAME/DNAME) went into the answer section. */
    protected void onRecordsAdded(final Message response, final Record first, final boolean dnssecOk)
    {
    }

    /** Hook: called once the answer and authority sections are complete. */
    protected void onAnswered(final Message response, final boolean dnssecOk)
    {
    }
}

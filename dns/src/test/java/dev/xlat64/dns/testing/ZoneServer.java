package dev.xlat64.dns.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * A small authoritative server for tests, on loopback UDP and TCP, built on dnsjava's {@link Zone}: follows
 * CNAME chains and DNAMEs inside its zones, honours the client's EDNS payload (TC over UDP), and has knobs:
 * forced RCODEs per name and type, silence (a dead upstream that still has a socket), fake DNSSEC (an RRSIG
 * per answer RRset and AD when the query has DO), and upper-casing the echoed question (0x20 tests).
 */
public final class ZoneServer implements AutoCloseable
{
    private final List<Zone> zones = new ArrayList<>();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, Integer> forcedRcodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean signed;
    private volatile boolean upperCaseQuestion;
    private final List<Thread> threads = new ArrayList<>();

    public ZoneServer(final String... zoneTexts) throws IOException
    {
        for (final String text : zoneTexts)
        {
            final String origin = text.lines().filter(l -> l.startsWith("$ORIGIN")).findFirst().orElseThrow().split("\\s+")[1];
            zones.add(new Zone(Name.fromString(origin), new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
        }
        final InetAddress loopback = InetAddress.getByName("127.0.0.1");
        udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        tcp = new ServerSocket();
        tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
        start("zone-udp", this::serveUdp);
        start("zone-tcp", this::serveTcp);
    }

    public InetSocketAddress address()
    {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** Answers queries for this name and type with this RCODE and nothing else. */
    public void forceRcode(final String name, final int type, final int rcode)
    {
        forcedRcodes.put(key(name, type), rcode);
    }

    public void silent(final boolean value)
    {
        silent = value;
    }

    public void signed(final boolean value)
    {
        signed = value;
    }

    public void upperCaseQuestion(final boolean value)
    {
        upperCaseQuestion = value;
    }

    /** @return how many queries arrived for this name and type (UDP and TCP). */
    public int queries(final String name, final int type)
    {
        final AtomicInteger count = queries.get(key(name, type));
        return count == null ? 0 : count.get();
    }

    public int tcpQueries()
    {
        return tcpQueries.get();
    }

    private static String key(final String name, final int type)
    {
        return name.toLowerCase() + "/" + Type.string(type);
    }

    private void start(final String name, final Runnable body)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void serveUdp()
    {
        final byte[] buffer = new byte[65_535];
        while (!udp.isClosed())
        {
            try
            {
                final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                final Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                final byte[] answer = answer(query, false);
                if (answer != null)
                {
                    udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            }
            catch (final SocketException ex)
            {
                return;
            }
            catch (final IOException ex)
            {
                // malformed query: ignored
            }
        }
    }

    private void serveTcp()
    {
        while (!tcp.isClosed())
        {
            try
            {
                final Socket socket = tcp.accept();
                start("zone-tcp-conn", () -> serveConnection(socket));
            }
            catch (final IOException ex)
            {
                return;
            }
        }
    }

    private void serveConnection(final Socket socket)
    {
        try (socket)
        {
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true)
            {
                final byte[] bytes = new byte[in.readUnsignedShort()];
                in.readFully(bytes);
                tcpQueries.incrementAndGet();
                final byte[] answer = answer(new Message(bytes), true);
                if (answer != null)
                {
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        }
        catch (final IOException ex)
        {
            // connection closed
        }
    }

    private byte[] answer(final Message query, final boolean overTcp)
    {
        final Record question = query.getQuestion();
        queries.computeIfAbsent(key(question.getName().toString(), question.getType()), k -> new AtomicInteger()).incrementAndGet();
        if (silent)
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
        final Name qname = upperCaseQuestion ? upper(question.getName()) : question.getName();
        response.addRecord(Record.newRecord(qname, question.getType(), question.getDClass()), Section.QUESTION);
        final OPTRecord opt = query.getOPT();
        final boolean dnssecOk = opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
        final Integer forced = forcedRcodes.get(key(question.getName().toString(), question.getType()));
        if (forced != null)
        {
            response.getHeader().setRcode(forced);
        }
        else
        {
            resolve(question.getName(), question.getType(), response, dnssecOk, 0);
            if (signed && dnssecOk)
            {
                response.getHeader().setFlag(Flags.AD);
            }
        }
        if (opt != null)
        {
            response.addRecord(new OPTRecord(4096, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        final int max = overTcp ? 65_535 : (opt == null ? 512 : Math.max(512, opt.getPayloadSize()));
        return response.toWire(max);
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
                addSet(response, set, Section.ANSWER, dnssecOk);
            }
        }
        else if (found.isCNAME() && depth < 8)
        {
            final CNAMERecord cname = found.getCNAME();
            response.addRecord(cname, Section.ANSWER);
            sign(response, cname, dnssecOk);
            resolve(cname.getTarget(), type, response, dnssecOk, depth + 1);
        }
        else if (found.isDNAME() && depth < 8)
        {
            final DNAMERecord dname = found.getDNAME();
            response.addRecord(dname, Section.ANSWER);
            try
            {
                final Name target = name.fromDNAME(dname);
                response.addRecord(new CNAMERecord(name, dname.getDClass(), dname.getTTL(), target), Section.ANSWER);
                resolve(target, type, response, dnssecOk, depth + 1);
            }
            catch (final Exception ex)
            {
                response.getHeader().setRcode(Rcode.YXDOMAIN);
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

    private void addSet(final Message response, final RRset set, final int section, final boolean dnssecOk)
    {
        for (final Record record : set.rrs())
        {
            response.addRecord(record, section);
        }
        sign(response, set.first(), dnssecOk);
    }

    /** A fake signature: enough for the DNS64 to see an RRSIG it must drop or pass on. */
    private void sign(final Message response, final Record covered, final boolean dnssecOk)
    {
        if (signed && dnssecOk)
        {
            response.addRecord(new RRSIGRecord(covered.getName(), covered.getDClass(), covered.getTTL(), covered.getType(), 13,
                covered.getTTL(), Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 12345,
                zoneFor(covered.getName()).getOrigin(), new byte[64]), Section.ANSWER);
        }
    }

    private Zone zoneFor(final Name name)
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

    private static Name upper(final Name name)
    {
        try
        {
            return Name.fromString(name.toString().toUpperCase());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() throws IOException
    {
        udp.close();
        tcp.close();
    }
}

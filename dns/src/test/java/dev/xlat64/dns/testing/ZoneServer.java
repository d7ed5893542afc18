package dev.xlat64.dns.testing;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.xlat64.dns.zone.ZoneAnswerer;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A small authoritative server for tests, on loopback UDP and TCP, answering with the shared {@link ZoneAnswerer}
 * (CNAME chains and DNAMEs inside its zones, the client's EDNS payload honoured, TC over UDP), with knobs:
 * forced RCODEs per name and type, silence (a dead upstream that still has a socket), fake DNSSEC (an RRSIG
 * per answer RRset and AD when the query has DO), and upper-casing the echoed question (0x20 tests).
 */
public final class ZoneServer implements AutoCloseable
{
    private final ZoneAnswerer answerer;
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
        answerer = new KnobbedAnswerer(zoneTexts);
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
        return answerer.answerWire(query, overTcp);
    }

    /** The shared authoritative logic with this server's knobs on its hooks. */
    private final class KnobbedAnswerer extends ZoneAnswerer
    {
        KnobbedAnswerer(final String... zoneTexts) throws IOException
        {
            super(zoneTexts);
        }

        @Override
        protected Name questionName(final Name asked)
        {
            return upperCaseQuestion ? upper(asked) : asked;
        }

        @Override
        protected Integer forcedRcode(final Record question)
        {
            return forcedRcodes.get(key(question.getName().toString(), question.getType()));
        }

        /** A fake signature: enough for the DNS64 to see an RRSIG it must drop or pass on. */
        @Override
        protected void onRecordsAdded(final Message response, final Record covered, final boolean dnssecOk)
        {
            if (signed && dnssecOk)
            {
                response.addRecord(new RRSIGRecord(covered.getName(), covered.getDClass(), covered.getTTL(), covered.getType(), 13,
                    covered.getTTL(), Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), 12345,
                    zoneFor(covered.getName()).getOrigin(), new byte[64]), Section.ANSWER);
            }
        }

        @Override
        protected void onAnswered(final Message response, final boolean dnssecOk)
        {
            if (signed && dnssecOk)
            {
                response.getHeader().setFlag(Flags.AD);
            }
        }
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

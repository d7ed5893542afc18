package dev.xlat64.dns.upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import org.agrona.concurrent.NanoClock;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Asks the configured upstream resolvers, without blocking: one UDP socket, random query IDs, answers
 * matched by ID, source address and question (name compared case-insensitively, so an upstream that
 * changes the letter case of a 0x20-encoded name still matches), a timeout per attempt, failover to the
 * next upstream, and TCP when a UDP answer comes back truncated (RFC 7766 §5).
 * <p>
 * Driven by {@link #doWork(long)} from one thread (an Agrona agent's duty cycle): it drains the UDP socket,
 * advances TCP exchanges and expires attempts. Nothing here blocks; {@link #udpChannel()} can be registered
 * with the caller's selector to sleep until an answer arrives.
 */
public final class UpstreamClient implements AutoCloseable
{
    private static final int MAX_MESSAGE = 65_535;

    private final List<InetSocketAddress> servers;
    private final long timeoutNs;
    private final int attempts;
    private final int ednsPayload;
    private final int maxOutstanding;
    private final Dns64Counters counters;
    private final NanoClock clock;
    private final DatagramChannel udp;
    private final UpstreamTcp tcp;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(MAX_MESSAGE).order(ByteOrder.BIG_ENDIAN);
    private final UpstreamExchange[] byId = new UpstreamExchange[65_536];
    private final TimeoutQueue timeouts = new TimeoutQueue();
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private int preferred;
    private int outstanding;
    private int workDone;

    /**
     * @param servers     upstream resolvers, in order of preference.
     * @param timeoutMs   how long one attempt waits.
     * @param attempts    sends per question in total, across upstreams.
     * @param ednsPayload the UDP payload size advertised upstream.
     * @param maxOutstanding questions in flight at most (at most 32768, half the ID space, so a free random ID
     *                    is found in a few probes); more fail at once.
     */
    public UpstreamClient(
        final List<InetSocketAddress> servers, final int timeoutMs, final int attempts, final int ednsPayload,
        final int maxOutstanding, final Dns64Counters counters, final NanoClock clock) throws IOException
    {
        if (maxOutstanding < 1 || maxOutstanding > 32_768)
        {
            throw new IllegalArgumentException("maxOutstanding must be 1 to 32768: " + maxOutstanding);
        }
        this.maxOutstanding = maxOutstanding;
        if (servers.isEmpty())
        {
            throw new IllegalArgumentException("at least one upstream is required");
        }
        this.servers = List.copyOf(servers);
        this.timeoutNs = timeoutMs * 1_000_000L;
        this.attempts = attempts;
        this.ednsPayload = ednsPayload;
        this.counters = counters;
        this.clock = clock;
        this.udp = DatagramChannel.open();
        udp.configureBlocking(false);
        udp.bind(null);
        this.tcp = new UpstreamTcp(this, counters, clock);
    }

    /** @return the UDP socket answers arrive on, for registering with a selector (OP_READ) to sleep on. */
    public DatagramChannel udpChannel()
    {
        return udp;
    }

    /** @return the upstream questions not yet answered or failed. */
    public int outstanding()
    {
        return outstanding;
    }

    /**
     * Sends a question upstream; the listener hears back from a later {@link #doWork(long)}.
     *
     * @param dnssecOk         set DO (RFC 3225) in the upstream query.
     * @param checkingDisabled set CD (RFC 4035 §3.2.2) in the upstream query.
     */
    public void query(
        final Name name, final int type, final int dclass, final boolean dnssecOk, final boolean checkingDisabled,
        final UpstreamListener listener, final long nowNs)
    {
        if (outstanding >= maxOutstanding)
        {
            // Never wait for a free query ID: too many questions in flight means the upstreams are not keeping up.
            counters.increment(Dns64Counter.UPSTREAM_OVERLOAD);
            listener.onFailure();
            return;
        }
        final Message query = new Message(0);
        query.getHeader().setFlag(Flags.RD);
        if (checkingDisabled)
        {
            query.getHeader().setFlag(Flags.CD);
        }
        query.addRecord(Record.newRecord(name, type, dclass), Section.QUESTION);
        query.addRecord(new OPTRecord(ednsPayload, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        final UpstreamExchange exchange = new UpstreamExchange(name, type, dclass, query.toWire(), listener);
        exchange.server = preferred;
        exchange.attempt = 0;
        outstanding++;
        sendUdp(exchange, nowNs);
    }

    /**
     * One duty cycle: drain answers, advance TCP, expire attempts.
     *
     * @return the amount of work done (0 when idle).
     */
    public int doWork(final long nowNs)
    {
        workDone = 0;
        if (outstanding > 0)
        {
            receiveUdp(nowNs);
        }
        workDone += tcp.poll();
        UpstreamExchange expired;
        while ((expired = timeouts.pollExpired(nowNs)) != null)
        {
            counters.increment(Dns64Counter.UPSTREAM_TIMEOUTS);
            if (expired.server == preferred)
            {
                preferred = (preferred + 1) % servers.size();
            }
            retryOrFail(expired, nowNs);
            workDone++;
        }
        return workDone;
    }

    /**
     * Drains the UDP socket now (its selector said it is readable), even with nothing outstanding, so stray
     * datagrams are counted and do not keep the socket readable.
     *
     * @return the datagrams handled.
     */
    public int receive(final long nowNs)
    {
        workDone = 0;
        receiveUdp(nowNs);
        return workDone;
    }

    private void sendUdp(final UpstreamExchange exchange, final long nowNs)
    {
        releaseId(exchange);
        int id = random.nextInt(65_536);
        while (byId[id] != null)
        {
            id = (id + 1) & 0xFFFF;
        }
        exchange.id = id;
        byId[id] = exchange;
        exchange.wire[0] = (byte)(id >>> 8);
        exchange.wire[1] = (byte)id;
        timeouts.add(exchange, nowNs + timeoutNs);
        counters.increment(Dns64Counter.UPSTREAM_QUERIES);
        try
        {
            if (udp.send(ByteBuffer.wrap(exchange.wire), servers.get(exchange.server)) == 0)
            {
                counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
            }
        }
        catch (final IOException ex)
        {
            // e.g. ICMP port unreachable reported on the socket: the timeout moves on to the next upstream.
            counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
        }
    }

    private void retryOrFail(final UpstreamExchange exchange, final long nowNs)
    {
        tcp.close(exchange);
        exchange.attempt++;
        if (exchange.attempt >= attempts)
        {
            finish(exchange);
            exchange.listener.onFailure();
            return;
        }
        counters.increment(Dns64Counter.UPSTREAM_FAILOVER);
        exchange.server = (exchange.server + 1) % servers.size();
        sendUdp(exchange, nowNs);
    }

    private void receiveUdp(final long nowNs)
    {
        for (int n = 0; n < 64; n++)
        {
            final SocketAddress from;
            receiveBuffer.clear();
            try
            {
                from = udp.receive(receiveBuffer);
            }
            catch (final IOException ex)
            {
                counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
                continue;
            }
            if (from == null)
            {
                return;
            }
            workDone++;
            receiveBuffer.flip();
            if (receiveBuffer.remaining() < 12)
            {
                counters.increment(Dns64Counter.UPSTREAM_MALFORMED);
                continue;
            }
            final UpstreamExchange exchange = byId[receiveBuffer.getShort(0) & 0xFFFF];
            if (exchange == null || exchange.tcp != null || !from.equals(servers.get(exchange.server)))
            {
                counters.increment(Dns64Counter.UPSTREAM_MISMATCH);
                continue;
            }
            final byte[] bytes = new byte[receiveBuffer.remaining()];
            receiveBuffer.get(bytes);
            onMessage(exchange, bytes, false, nowNs);
        }
    }

    private void onMessage(final UpstreamExchange exchange, final byte[] bytes, final boolean overTcp, final long nowNs)
    {
        final Message answer;
        try
        {
            answer = new Message(bytes);
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.UPSTREAM_MALFORMED);
            if (overTcp)
            {
                retryOrFail(exchange, nowNs);
            }
            return;
        }
        final Record question = answer.getQuestion();
        if (!answer.getHeader().getFlag(Flags.QR) || answer.getHeader().getID() != exchange.id || question == null ||
            question.getType() != exchange.type || question.getDClass() != exchange.dclass ||
            !question.getName().equals(exchange.name))
        {
            counters.increment(Dns64Counter.UPSTREAM_MISMATCH);
            if (overTcp)
            {
                retryOrFail(exchange, nowNs);
            }
            return;
        }
        final int rcode = answer.getRcode();
        if (rcode == Rcode.REFUSED || rcode == Rcode.NOTIMP || rcode == Rcode.FORMERR)
        {
            // This upstream will not answer this; another may.
            if (exchange.attempt + 1 < attempts)
            {
                retryOrFail(exchange, nowNs);
                return;
            }
        }
        if (!overTcp && answer.getHeader().getFlag(Flags.TC))
        {
            counters.increment(Dns64Counter.UPSTREAM_TCP_FALLBACK);
            startTcp(exchange, nowNs);
            return;
        }
        finish(exchange);
        exchange.listener.onAnswer(answer);
    }

    private void finish(final UpstreamExchange exchange)
    {
        exchange.done = true;
        releaseId(exchange);
        tcp.close(exchange);
        outstanding--;
    }

    private void releaseId(final UpstreamExchange exchange)
    {
        if (exchange.id >= 0 && byId[exchange.id] == exchange)
        {
            byId[exchange.id] = null;
        }
    }

    private void startTcp(final UpstreamExchange exchange, final long nowNs)
    {
        // Keep the ID reserved while TCP runs; its UDP slot ignores stray datagrams (tcp != null).
        exchange.attempt++;
        timeouts.add(exchange, nowNs + timeoutNs);
        try
        {
            tcp.start(exchange, servers.get(exchange.server));
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
            retryOrFail(exchange, nowNs);
        }
    }

    /** From {@link UpstreamTcp}: a complete answer arrived over TCP. */
    void onTcpMessage(final UpstreamExchange exchange, final byte[] bytes, final long nowNs)
    {
        onMessage(exchange, bytes, true, nowNs);
    }

    /** From {@link UpstreamTcp}: the connection failed. */
    void onTcpFailure(final UpstreamExchange exchange, final long nowNs)
    {
        counters.increment(Dns64Counter.UPSTREAM_IO_ERRORS);
        retryOrFail(exchange, nowNs);
    }

    @Override
    public void close() throws IOException
    {
        udp.close();
        tcp.closeAll();
    }
}

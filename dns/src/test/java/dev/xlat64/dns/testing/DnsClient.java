package dev.xlat64.dns.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A plain test client over real sockets: raw bytes or dnsjava messages, UDP and TCP, with a timeout.
 */
public final class DnsClient
{
    private final InetSocketAddress server;
    private final String bindAddress;

    public DnsClient(final InetSocketAddress server)
    {
        this(server, "127.0.0.1");
    }

    /** @param bindAddress the client's own address (e.g. 127.0.0.2 to test the ACL). */
    public DnsClient(final InetSocketAddress server, final String bindAddress)
    {
        this.server = server;
        this.bindAddress = bindAddress;
    }

    /** Builds a query: RD set, optional EDNS with payload and DO, optional CD. */
    public static Message query(final String name, final int type, final int ednsPayload, final boolean dnssecOk, final boolean cd)
    {
        try
        {
            final Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
            if (cd)
            {
                query.getHeader().setFlag(Flags.CD);
            }
            if (ednsPayload > 0)
            {
                query.addRecord(new OPTRecord(ednsPayload, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
            }
            return query;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(ex);
        }
    }

    public Message udp(final Message query) throws IOException
    {
        final byte[] answer = udp(query.toWire(), 2000);
        if (answer == null)
        {
            throw new SocketTimeoutException("no UDP answer to " + query.getQuestion());
        }
        return new Message(answer);
    }

    /** @return the raw answer, or null if none came within the timeout. */
    public byte[] udp(final byte[] query, final int timeoutMs) throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bindAddress), 0)))
        {
            socket.setSoTimeout(timeoutMs);
            socket.send(new DatagramPacket(query, query.length, server));
            final byte[] buffer = new byte[65_535];
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try
            {
                socket.receive(packet);
            }
            catch (final SocketTimeoutException ex)
            {
                return null;
            }
            return Arrays.copyOf(buffer, packet.getLength());
        }
    }

    public Message tcp(final Message query) throws IOException
    {
        return new Message(tcp(query.toWire()));
    }

    public byte[] tcp(final byte[] query) throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
            socket.connect(server, 2000);
            socket.setSoTimeout(3000);
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            return answer;
        }
    }
}

package dev.xlat64.io.demo;

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
import java.util.Arrays;

import dev.xlat64.dns.zone.ZoneAnswerer;
import org.xbill.DNS.Message;

/**
 * The lab's authoritative DNS server, on the IPv4-only server: the upstream of the gateway's DNS64. Answers
 * {@code lab.example} and the reverse zone of 198.51.100.0/24 over UDP and TCP with the shared
 * {@link ZoneAnswerer}. The demo runs it as a child process in the server namespace
 * ({@code ip netns exec NS java ... LabZoneServer 198.51.100.10 53}), so it outlives the demo with --keep.
 */
public final class LabZoneServer implements AutoCloseable
{
    /**
     * An A-only name (the server), a name with A and AAAA, NXDOMAIN for anything else. A TTL 3600, SOA TTL 900
     * and MINIMUM 300: a synthesized AAAA lives min(3600, 300) = 300 s (RFC 6147 §5.1.7, RFC 2308 §5).
     */
    public static final String LAB_ZONE = """
        $ORIGIN lab.example.
        @       900  IN SOA  server.lab.example. admin.lab.example. 1 3600 600 86400 300
        @       900  IN NS   server.lab.example.
        server  3600 IN A    198.51.100.10
        dual    3600 IN A    198.51.100.10
        dual    3600 IN AAAA 2001:db8:1::99
        """;

    /** PTR for the server, so a PTR query for its synthesized IPv6 address has an answer (RFC 6147 §5.3.1). */
    public static final String REVERSE_ZONE = """
        $ORIGIN 100.51.198.in-addr.arpa.
        @       900  IN SOA  server.lab.example. admin.lab.example. 1 3600 600 86400 300
        @       900  IN NS   server.lab.example.
        10      3600 IN PTR  server.lab.example.
        """;

    /** Printed once both sockets are bound. */
    public static final String READY_LINE = "lab zone server: answering";

    private final ZoneAnswerer answerer;
    private final DatagramSocket udp;
    private final ServerSocket tcp;

    public LabZoneServer(final InetSocketAddress address) throws IOException
    {
        this.answerer = new ZoneAnswerer(LAB_ZONE, REVERSE_ZONE);
        this.udp = new DatagramSocket(address);
        this.tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(address);
        daemon("lab-zone-tcp", this::serveTcp);
    }

    /** Serves UDP on the calling thread until closed. */
    public void serveUdp()
    {
        final byte[] buffer = new byte[65_535];
        while (!udp.isClosed())
        {
            try
            {
                final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                final byte[] answer = answer(Arrays.copyOf(packet.getData(), packet.getLength()), false);
                if (answer != null)
                {
                    udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            }
            catch (final SocketException ex)
            {
                return; // closed
            }
            catch (final IOException ex)
            {
                // a malformed query is not answered
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
                daemon("lab-zone-tcp-conn", () -> serveConnection(socket));
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
            socket.setSoTimeout(10_000);
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true)
            {
                final byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                final byte[] answer = answer(query, true);
                if (answer == null)
                {
                    return;
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        }
        catch (final IOException ex)
        {
            // the client closed the connection (RFC 7766 §6.2.1), or idled past the timeout
        }
    }

    private byte[] answer(final byte[] query, final boolean overTcp) throws IOException
    {
        return answerer.answerWire(new Message(query), overTcp);
    }

    private static void daemon(final String name, final Runnable body)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close()
    {
        udp.close();
        try
        {
            tcp.close();
        }
        catch (final IOException ignored)
        {
            // closing anyway
        }
    }

    /**
     * {@code LabZoneServer ADDRESS PORT}: serves until killed.
     */
    public static void main(final String[] args) throws IOException
    {
        if (args.length != 2)
        {
            System.err.println("usage: LabZoneServer ADDRESS PORT");
            System.exit(2);
        }
        final InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
        try (LabZoneServer server = new LabZoneServer(address))
        {
            System.out.println(READY_LINE + " lab.example and 100.51.198.in-addr.arpa on " + args[0] + " port " + args[1]);
            System.out.flush();
            server.serveUdp();
        }
    }
}

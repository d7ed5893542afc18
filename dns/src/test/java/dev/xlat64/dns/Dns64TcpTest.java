package dev.xlat64.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

import dev.xlat64.dns.server.Dns64Server;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/**
 * RFC 7766 behaviour of the TCP side: pipelined queries answered out of order, idle connections closed.
 */
class Dns64TcpTest
{
    @Test
    void shouldAnswerPipelinedQueriesOnOneConnectionInWhateverOrderTheyAreReady() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build()))
        {
            // Cache one of them first, so it is answered at once while the other waits for the upstream.
            new DnsClient(server.boundAddresses().get(0)).udp(DnsClient.query("short.lab.example.", Type.AAAA, 0, false, false));
            final ByteArrayOutputStream frames = new ByteArrayOutputStream();
            final DataOutputStream out = new DataOutputStream(frames);
            final String[] names = {"v4only.lab.example.", "short.lab.example.", "global.lab.example."};
            for (int i = 0; i < names.length; i++)
            {
                final Message query = DnsClient.query(names[i], Type.AAAA, 0, false, false);
                query.getHeader().setID(100 + i);
                final byte[] wire = query.toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            try (Socket socket = new Socket("127.0.0.1", server.boundAddresses().get(0).getPort()))
            {
                socket.setSoTimeout(3000);
                socket.getOutputStream().write(frames.toByteArray());
                final DataInputStream in = new DataInputStream(socket.getInputStream());
                final Map<Integer, Integer> aaaaById = new HashMap<>();
                int firstId = -1;
                for (int n = 0; n < names.length; n++)
                {
                    final byte[] answer = new byte[in.readUnsignedShort()];
                    in.readFully(answer);
                    final Message message = new Message(answer);
                    firstId = firstId < 0 ? message.getHeader().getID() : firstId;
                    aaaaById.put(message.getHeader().getID(), Dns64TestSupport.aaaa(message).size());
                }
                assertEquals(Map.of(100, 2, 101, 2, 102, 3), aaaaById);
                assertEquals(101, firstId, "the cached answer is not held back behind the uncached one");
            }
        }
    }

    @Test
    void shouldCloseAnIdleConnection() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).tcpIdleTimeoutMs(200).build());
             Socket socket = new Socket("127.0.0.1", server.boundAddresses().get(0).getPort()))
        {
            socket.setSoTimeout(3000);
            final long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "closed by the server");
            final long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 150 && ms < 2500, "closed after about 200 ms, not " + ms);
            assertEquals(1, server.total(Dns64Counter.TCP_CONNECTIONS));
        }
    }

    @Test
    void shouldSurviveAClientThatClosesInTheMiddleOfAFrame() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build()))
        {
            try (Socket socket = new Socket("127.0.0.1", server.boundAddresses().get(0).getPort()))
            {
                final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeShort(200);
                out.write(new byte[20]);
                out.flush();
            }
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .tcp(DnsClient.query("v4only.lab.example.", Type.AAAA, 0, false, false));
            assertEquals(2, Dns64TestSupport.aaaa(answer).size());
            assertEquals(0, server.total(Dns64Counter.INTERNAL_ERRORS));
        }
    }
}

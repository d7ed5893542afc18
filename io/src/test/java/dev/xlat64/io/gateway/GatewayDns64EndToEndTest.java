package dev.xlat64.io.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.io.afpacket.NetworkNamespace;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.TranslatorConfigReader;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.demo.LabZoneServer;
import dev.xlat64.io.demo.PingResult;
import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.lab.Requirements;

/**
 * The DNS64 colocated in the gateway, between real kernels: the lab's zone server on the IPv4-only server is
 * the upstream; the IPv6-only client asks the gateway's own address; queries travel the AF_PACKET pipeline to
 * the DNS64 agent and its answers leave through the TX agent, checked by the client's kernel (checksums,
 * lengths) and by dnsjava (content). The synthesized address is then pinged through the translator. TCP/53
 * goes through the gateway's kernel to a socket the same agent serves.
 */
class GatewayDns64EndToEndTest
{
    private static final String SYNTHESIZED = "2001:db8:64:0:0:0:c633:640a";
    private static NetnsLab lab;
    private static LabZoneServer zone;
    private static GatewayRuntime gateway;
    private static Path dir;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void startGateway() throws Exception
    {
        Requirements.requireLab();
        lab = NetnsLab.create();
        zone = NetworkNamespace.run(lab.namespace(NetnsLab.Role.SERVER),
            () -> new LabZoneServer(new InetSocketAddress(InetAddress.getByName(NetnsLab.SERVER_IPV4), 53)));
        final Thread udp = new Thread(zone::serveUdp, "lab-zone-udp");
        udp.setDaemon(true);
        udp.start();
        dir = Files.createTempDirectory("xlat64-dns64-e2e-");
        final ConfigNode root = ConfigNode.parse("lab.yaml",
            LabGatewayConfig.yaml(lab, 1500, dir.resolve("counters")) + LabGatewayConfig.dns64Section());
        final TranslatorConfig translator = TranslatorConfigReader.read(root);
        final String ns = lab.namespace(NetnsLab.Role.GATEWAY);
        final GatewayConfig config = GatewayConfig.read(root);
        gateway = GatewayRuntime.startSiit(config, translator, ns,
            GatewayDns64Config.read(root, config, translator).inNamespace(ns),
            new PrintStream(LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopGateway() throws Exception
    {
        if (gateway != null)
        {
            gateway.close();
        }
        if (zone != null)
        {
            zone.close();
        }
        if (lab != null)
        {
            lab.close();
        }
        if (dir != null)
        {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void shouldSynthesizeKeepRealAaaaPassNxdomainAndSynthesizePtrThroughThePipeline() throws Exception
    {
        final long queriesIn = counter("dns64-gateway.queries-in");
        final long answersOut = counter("dns64-gateway.answers-out");
        final long diverted = counter("dns64-gateway.diverted");
        final long local = counter("dns64-gateway.local");
        final long upstreamQueries = counter("dns64.upstream-queries{agent=dns64}");

        final Message server = ask(NetnsLab.GATEWAY_IPV6, "server.lab.example.", Type.AAAA, 0x5001);
        final Message dual = ask(NetnsLab.GATEWAY_IPV6, "dual.lab.example.", Type.AAAA, 0x5002);
        final Message missing = ask(NetnsLab.GATEWAY_IPV6, "nope.lab.example.", Type.AAAA, 0x5003);
        final Message ptr = ask(NetnsLab.GATEWAY_IPV6,
            ReverseMap.fromAddress(InetAddress.getByName(SYNTHESIZED)).toString(), Type.PTR, 0x5004);

        assertEquals(Rcode.NOERROR, server.getRcode(), server.toString());
        assertEquals(List.of("2001:db8:64:0:0:0:c633:640a 300"), aaaa(server),
            "the A record 198.51.100.10 under pool6; TTL min(A 3600, SOA MINIMUM 300) (RFC 6147 §5.1.7)");
        assertEquals(List.of("2001:db8:1:0:0:0:0:99 3600"), aaaa(dual), "a real AAAA passes untouched (§5.1.1)");
        assertEquals(Rcode.NXDOMAIN, missing.getRcode(), missing.toString());
        assertEquals(Type.SOA, missing.getSection(Section.AUTHORITY).get(0).getType());
        final Record name = ptr.getSection(Section.ANSWER).get(ptr.getSection(Section.ANSWER).size() - 1);
        assertEquals("server.lab.example.", ((PTRRecord)name).getTarget().toString(), ptr.toString());

        assertEquals(4, counter("dns64-gateway.queries-in") - queriesIn);
        assertEquals(4, counter("dns64-gateway.answers-out") - answersOut);
        assertEquals(4, counter("dns64-gateway.diverted") - diverted);
        // Every upstream question (AAAA and A for server unless another test cached it, AAAA for dual and nope,
        // the in-addr.arpa PTR) has its answer sent to the gateway's own 198.51.100.1: left to the kernel, where
        // the resolver's socket reads it, and not counted as a translation drop.
        final long asked = counter("dns64.upstream-queries{agent=dns64}") - upstreamQueries;
        assertTrue(asked >= 3, "upstream questions: " + asked);
        // The RX agent sees its copy of each answer independently of the kernel socket that the resolver reads,
        // so the last copies may still be on their way through the ring: give them a moment.
        for (int i = 0; i < 200 && counter("dns64-gateway.local") - local < asked; i++)
        {
            Thread.sleep(10);
        }
        assertTrue(counter("dns64-gateway.local") - local >= asked,
            "local " + (counter("dns64-gateway.local") - local) + " < upstream questions " + asked);
        assertEquals(0, counter("dns64-gateway.drop-bad-checksum"));
        assertEquals(0, counter("dns64-gateway.drop-too-big"));
        assertEquals(0, counter("dns64-gateway.drop-ring-full"));
        assertTrue(counter("dns64.synthesized{agent=dns64}") >= 1);
        assertTrue(counter("dns64.ptr-synthesized{agent=dns64}") >= 1);
    }

    @Test
    void shouldCarryPingToTheAddressTheDns64Returned() throws Exception
    {
        final AAAARecord record = (AAAARecord)ask(NetnsLab.GATEWAY_IPV6, "server.lab.example.", Type.AAAA, 0x5101)
            .getSection(Section.ANSWER).get(0);
        final String address = record.getAddress().getHostAddress();

        final PingResult result = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
            "ping", "-n", "-W2", "-6", "-c", "2", "-i", "0.2", address).output());

        assertEquals(2, result.received(), result.output());
    }

    @Test
    void shouldAnswerRefusedThroughTheIpv4SideToAClientOutsideTheAcl() throws Exception
    {
        final Message answer = ask(NetnsLab.Role.SERVER, NetnsLab.SERVER_IPV4, NetnsLab.GATEWAY_IPV4,
            "server.lab.example.", Type.AAAA, 0x5201);

        assertEquals(Rcode.REFUSED, answer.getRcode(), answer.toString());
        assertEquals(0x5201, answer.getHeader().getID());
    }

    @Test
    void shouldAnswerOverTcpThroughTheGatewaysKernel() throws Exception
    {
        final long connections = counter("dns64.tcp-connections{agent=dns64}");
        final Message query = Message.newQuery(Record.newRecord(Name.fromString("server.lab.example."), Type.AAAA, DClass.IN));
        query.getHeader().setID(0x5301);
        final byte[] wire = query.toWire();
        // SocketChannel.open makes the socket at once, so it is made in the client's namespace.
        try (SocketChannel socket = NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT),
            () -> SocketChannel.open(StandardProtocolFamily.INET6)))
        {
            socket.socket().connect(new InetSocketAddress(InetAddress.getByName(NetnsLab.GATEWAY_IPV6), 53), 2000);
            socket.socket().setSoTimeout(3000);
            final DataOutputStream out = new DataOutputStream(socket.socket().getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            final DataInputStream in = new DataInputStream(socket.socket().getInputStream());
            final byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);

            final Message message = new Message(answer);
            assertEquals(0x5301, message.getHeader().getID());
            assertEquals(List.of("2001:db8:64:0:0:0:c633:640a"),
                aaaa(message).stream().map(a -> a.split(" ")[0]).toList());
        }
        assertEquals(1, counter("dns64.tcp-connections{agent=dns64}") - connections);
    }

    private static Message ask(final String server, final String name, final int type, final int id) throws IOException
    {
        return ask(NetnsLab.Role.CLIENT, NetnsLab.CLIENT_IPV6, server, name, type, id);
    }

    private static Message ask(
        final NetnsLab.Role from, final String source, final String server, final String name, final int type, final int id)
        throws IOException
    {
        final Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        query.getHeader().setID(id);
        query.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
        final byte[] wire = query.toWire();
        try (DatagramSocket socket = NetworkNamespace.run(lab.namespace(from),
            () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName(source), 0))))
        {
            socket.setSoTimeout(3000);
            socket.send(new DatagramPacket(wire, wire.length, InetAddress.getByName(server), 53));
            final byte[] buffer = new byte[65_535];
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            final Message answer = new Message(Arrays.copyOf(buffer, packet.getLength()));
            assertEquals(id, answer.getHeader().getID());
            assertTrue(answer.getOPT() != null && (answer.getOPT().getFlags() & ExtendedFlags.DO) == 0);
            return answer;
        }
    }

    private static List<String> aaaa(final Message message)
    {
        return message.getSection(Section.ANSWER).stream().filter(r -> r instanceof AAAARecord)
            .map(r -> ((AAAARecord)r).getAddress().getHostAddress() + " " + r.getTTL()).toList();
    }

    private static long counter(final String label)
    {
        final long[] value = {-1};
        gateway.counters().reader().forEach((v, id, l) ->
        {
            if (l.equals(label))
            {
                value[0] = v;
            }
        });
        assertTrue(value[0] >= 0, "no counter labelled " + label);
        return value[0];
    }
}

package dev.xlat64.io.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import picocli.CommandLine;

class Dns64CommandTest
{
    @Test
    void shouldServeIpv4onlyArpaFromAConfigFileAndFlags(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("xlat64.yaml");
        Files.writeString(file, """
            dns64:
              listen: ["127.0.0.1:0"]
              prefixes: [2001:db8:64::/96]
              upstream-timeout-ms: 100
            """);
        final Dns64Command command = new Dns64Command();
        final CommandLine cli = new CommandLine(command);
        final StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        final int[] exit = {-1};
        final Thread thread = new Thread(() -> exit[0] = cli.execute("--config", file.toString(), "--upstream", "127.0.0.1:9",
            "--prefix", "64:ff9b:1:2::/96"));
        thread.start();
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (command.boundAddresses().isEmpty() && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        final InetSocketAddress server = command.boundAddresses().get(0);

        final Message query = Message.newQuery(Record.newRecord(Name.fromString("ipv4only.arpa."), Type.AAAA, DClass.IN));
        final Message answer;
        try (DatagramSocket socket = new DatagramSocket())
        {
            socket.setSoTimeout(3000);
            final byte[] wire = query.toWire();
            socket.send(new DatagramPacket(wire, wire.length, server));
            final byte[] buffer = new byte[4096];
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            answer = new Message(Arrays.copyOf(buffer, packet.getLength()));
        }
        final TreeSet<String> addresses = new TreeSet<>();
        for (final Record record : answer.getSection(Section.ANSWER))
        {
            addresses.add(((AAAARecord)record).getAddress().getHostAddress());
        }
        assertEquals(new TreeSet<>(java.util.List.of("2001:db8:64:0:0:0:c000:aa", "2001:db8:64:0:0:0:c000:ab",
            "64:ff9b:1:2:0:0:c000:aa", "64:ff9b:1:2:0:0:c000:ab")), addresses);

        command.stop.countDown();
        thread.join(5000);
        assertEquals(0, exit[0]);
        assertTrue(out.toString().contains("listening on [/127.0.0.1:"), out.toString());
        assertTrue(out.toString().contains("ipv4only-arpa=1"), out.toString());
    }

    @Test
    void shouldExitWithUsageErrorNamingTheFlagAndValue()
    {
        final CommandLine cli = Xlat64Command.commandLine();
        final StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("dns64", "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1", "--prefix", "2001:db8::/33"));
        assertEquals("xlat64 dns64: --prefix '2001:db8::/33': invalid RFC 6052 prefix '2001:db8::/33': length /33 is not " +
            "one of /32, /40, /48, /56, /64, /96 (RFC 6052 §2.2)", err.toString().strip());
    }
}

package dev.xlat64.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative stub on 127.0.0.1 for benchmarks that need one upstream answer to fill a cache: every
 * name has one A record (198.51.100.10, TTL 3600) and no AAAA (NODATA with an SOA, MINIMUM 300).
 */
final class LoopbackStubUpstream implements AutoCloseable
{
    private final DatagramChannel channel;
    private final Thread thread;

    LoopbackStubUpstream() throws IOException
    {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(this::serve, "stub-upstream");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() throws IOException
    {
        return (InetSocketAddress)channel.getLocalAddress();
    }

    private void serve()
    {
        final ByteBuffer buffer = ByteBuffer.allocate(65_535);
        while (channel.isOpen())
        {
            try
            {
                buffer.clear();
                final var from = channel.receive(buffer);
                buffer.flip();
                final byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                final Message query = new Message(bytes);
                final Record question = query.getQuestion();
                final Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.addRecord(question, Section.QUESTION);
                if (question.getType() == Type.A)
                {
                    answer.addRecord(new ARecord(question.getName(), DClass.IN, 3600,
                        InetAddress.getByAddress(new byte[] {(byte)198, 51, 100, 10})), Section.ANSWER);
                }
                else
                {
                    final Name zone = new Name(question.getName(), 1);
                    answer.addRecord(new SOARecord(zone, DClass.IN, 900, new Name("ns", zone), new Name("admin", zone),
                        1, 3600, 600, 86400, 300), Section.AUTHORITY);
                }
                if (query.getOPT() != null)
                {
                    answer.addRecord(query.getOPT(), Section.ADDITIONAL);
                }
                channel.send(ByteBuffer.wrap(answer.toWire()), from);
            }
            catch (final IOException ex)
            {
                if (!channel.isOpen())
                {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException
    {
        channel.close();
    }
}

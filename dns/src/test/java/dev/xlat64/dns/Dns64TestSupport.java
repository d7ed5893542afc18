package dev.xlat64.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.xlat64.core.addr.Ipv6Address;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Assertion helpers for DNS64 tests. */
final class Dns64TestSupport
{
    private Dns64TestSupport()
    {
    }

    static InetSocketAddress loopback(final int port)
    {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** @return the AAAA addresses of the answer section in RFC 5952 text, sorted. */
    static TreeSet<String> aaaa(final Message message)
    {
        final TreeSet<String> out = new TreeSet<>();
        for (final Record record : message.getSection(Section.ANSWER))
        {
            if (record instanceof AAAARecord a)
            {
                final long[] address = dev.xlat64.dns.synth.Synthesizer.address(a);
                out.add(Ipv6Address.format(address[0], address[1]));
            }
        }
        return out;
    }

    static List<Long> ttls(final Message message, final int type)
    {
        final List<Long> out = new ArrayList<>();
        for (final Record record : message.getSection(Section.ANSWER))
        {
            if (record.getType() == type)
            {
                out.add(record.getTTL());
            }
        }
        return out;
    }

    static int count(final Message message, final int section, final int type)
    {
        int n = 0;
        for (final Record record : message.getSection(section))
        {
            n += record.getType() == type ? 1 : 0;
        }
        return n;
    }

    static void assertNoSignatures(final Message message)
    {
        for (final int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL})
        {
            assertEquals(0, count(message, section, Type.RRSIG), "RRSIG in section " + section + ":\n" + message);
        }
    }
}

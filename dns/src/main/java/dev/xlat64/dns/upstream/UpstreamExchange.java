package dev.xlat64.dns.upstream;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.xbill.DNS.Name;

/**
 * One upstream question in flight: its wire form, which upstream and attempt it is on, and the TCP state
 * when the UDP answer was truncated.
 */
final class UpstreamExchange
{
    final Name name;
    final int type;
    final int dclass;
    final byte[] wire;
    final UpstreamListener listener;
    int id = -1;
    int server;
    int attempt;
    boolean done;

    SocketChannel tcp;
    ByteBuffer tcpOut;
    ByteBuffer tcpLength;
    ByteBuffer tcpIn;

    UpstreamExchange(final Name name, final int type, final int dclass, final byte[] wire, final UpstreamListener listener)
    {
        this.name = name;
        this.type = type;
        this.dclass = dclass;
        this.wire = wire;
        this.listener = listener;
    }
}

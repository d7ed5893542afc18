package dev.xlat64.core.pipeline;

import java.util.HexFormat;

/**
 * Hand-built frames and packets for the pipeline tests. The pipeline only reads the Ethernet type, the IP
 * version, the length fields, the addresses and (for NDP) the next header and ICMPv6 type; the other fields are
 * filled with plain values and named.
 */
final class Frames
{
    static final HexFormat HEX = HexFormat.of();
    static final String GATEWAY_MAC = "020000000001";
    static final String PEER_MAC = "020000000002";

    private Frames()
    {
    }

    /** An IPv6 UDP packet from {@code source} (32 hex digits) to 2001:db8:64::c633:640a with {@code payload}. */
    static byte[] ipv6Udp(final String source, final int payloadBytes)
    {
        final int udpLength = 8 + payloadBytes;
        final StringBuilder sb = new StringBuilder()
            .append("60000000")                                   // version 6, traffic class 0, flow label 0
            .append(String.format("%04x", udpLength))             // payload length
            .append("11")                                         // next header UDP
            .append("40")                                         // hop limit 64
            .append(source)
            .append("20010db80064000000000000c633640a")             // destination 2001:db8:64::c633:640a
            .append("d4310035").append(String.format("%04x", udpLength)).append("0000"); // ports, length, checksum 0
        for (int i = 0; i < payloadBytes; i++)
        {
            sb.append(String.format("%02x", i & 0xFF));
        }
        return HEX.parseHex(sb.toString());
    }

    /** An IPv4 UDP packet from 198.51.100.10 to {@code destination} (8 hex digits), {@code payload} bytes. */
    static byte[] ipv4Udp(final String destination, final int payloadBytes)
    {
        final int totalLength = 20 + 8 + payloadBytes;
        final StringBuilder sb = new StringBuilder()
            .append("4500").append(String.format("%04x", totalLength)) // version 4, IHL 5, TOS 0, total length
            .append("00004000")                                   // identification 0, DF
            .append("40110000")                                   // TTL 64, UDP, header checksum 0 (not checked here)
            .append("c633640a")                                   // source 198.51.100.10
            .append(destination)
            .append("0035d431").append(String.format("%04x", 8 + payloadBytes)).append("0000");
        for (int i = 0; i < payloadBytes; i++)
        {
            sb.append(String.format("%02x", i & 0xFF));
        }
        return HEX.parseHex(sb.toString());
    }

    /** An IPv6 Neighbor Solicitation (ICMPv6 type 135), header and type only as far as the pipeline reads. */
    static byte[] ipv6NeighborSolicitation()
    {
        return HEX.parseHex("6000000000203aff" +           // payload length 32, next header ICMPv6, hop limit 255
            "fe800000000000000000000000000002" +                   // source fe80::2
            "ff0200000000000000000001ff000001" +                   // destination ff02::1:ff00:1
            "8700000000000000" +                                   // type 135, code 0, checksum 0, reserved
            "20010db8000100000000000000000001" +                   // target 2001:db8:1::1
            "0101020000000002");                                   // source link-layer address option
    }

    static byte[] ethernet(final int etherType, final byte[] payload)
    {
        final byte[] frame = new byte[14 + payload.length];
        System.arraycopy(HEX.parseHex(GATEWAY_MAC + PEER_MAC + String.format("%04x", etherType)), 0, frame, 0, 14);
        System.arraycopy(payload, 0, frame, 14, payload.length);
        return frame;
    }

    /** Ethernet-pads a frame to the 60-byte minimum (RFC 894). */
    static byte[] padded(final byte[] frame)
    {
        if (frame.length >= 60)
        {
            return frame;
        }
        final byte[] padded = new byte[60];
        System.arraycopy(frame, 0, padded, 0, frame.length);
        for (int i = frame.length; i < 60; i++)
        {
            padded[i] = (byte)0xEE;
        }
        return padded;
    }
}

package dev.xlat64.bench.lab;

import java.io.IOException;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.core.testing.PacketBuilder;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.pcap.PcapLinkType;
import dev.xlat64.io.pcap.PcapWriter;

/**
 * The offered load: Ethernet frames from the client to the gateway's IPv6 veth, IPv6/UDP from the client to the
 * server's synthesized address, {@code payloadBytes} of payload, source ports spread over {@code flows} flows.
 */
final class UdpStreamPcap
{
    static final int DISCARD_PORT = 9;

    private UdpStreamPcap()
    {
    }

    static Path write(final NetnsLab lab, final Path file, final int payloadBytes, final int flows) throws IOException
    {
        final long clientMac = MacAddress.parse(LabGatewayConfig.mac(lab, NetnsLab.Role.CLIENT, lab.clientInterface()));
        final long gatewayMac = MacAddress.parse(
            LabGatewayConfig.mac(lab, NetnsLab.Role.GATEWAY, lab.gatewayIpv6Interface()));
        try (PcapWriter writer = PcapWriter.create(file, PcapLinkType.ETHERNET).ethernetAddresses(clientMac, gatewayMac))
        {
            for (int flow = 0; flow < flows; flow++)
            {
                final byte[] packet = PacketBuilder.ipv6(NetnsLab.CLIENT_IPV6, LabGatewayConfig.SERVER_IPV6)
                    .udp(20_000 + flow, DISCARD_PORT).payload(payloadBytes).build();
                writer.writeIpPacket(new UnsafeBuffer(packet), 0, packet.length, flow * 1_000L);
            }
        }
        return file;
    }
}

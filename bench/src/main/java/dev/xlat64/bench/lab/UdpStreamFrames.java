package dev.xlat64.bench.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.core.testing.FrameBuilder;
import dev.xlat64.core.testing.PacketBuilder;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.lab.NetnsLab;

/**
 * The offered load: Ethernet frames from the client to the gateway's IPv6 veth, IPv6/UDP from the client to the
 * server's synthesized address and its discard port, {@code payloadBytes} of payload, source ports spread over
 * {@code flows} flows.
 */
final class UdpStreamFrames
{
    static final int DISCARD_PORT = 9;

    private UdpStreamFrames()
    {
    }

    static List<byte[]> build(final NetnsLab lab, final int payloadBytes, final int flows) throws IOException
    {
        final long clientMac = MacAddress.parse(LabGatewayConfig.mac(lab, NetnsLab.Role.CLIENT, lab.clientInterface()));
        final long gatewayMac = MacAddress.parse(
            LabGatewayConfig.mac(lab, NetnsLab.Role.GATEWAY, lab.gatewayIpv6Interface()));
        final List<byte[]> frames = new ArrayList<>(flows);
        for (int flow = 0; flow < flows; flow++)
        {
            frames.add(FrameBuilder.ethernet(gatewayMac, clientMac, EthernetHeader.ETHERTYPE_IPV6,
                PacketBuilder.ipv6(NetnsLab.CLIENT_IPV6, LabGatewayConfig.SERVER_IPV6)
                    .udp(20_000 + flow, DISCARD_PORT).payload(payloadBytes).build()));
        }
        return frames;
    }
}

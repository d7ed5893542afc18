package dev.xlat64.bench.lab;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.lab.Requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's generator on a real veth: every frame it counts left the client and reached the gateway's veth, and it
 * never runs ahead of its rate. No gateway runs: the gateway namespace's kernel takes the frames and drops them.
 */
class TxRingGeneratorTest
{
    @Test
    void shouldSendExactlyTheAskedFramesOnTheWireNeverAheadOfTheRate() throws Exception
    {
        Requirements.requireLab();
        try (NetnsLab lab = NetnsLab.create())
        {
            final List<byte[]> frames = UdpStreamFrames.build(lab, 64, 4);
            assertEquals(14 + 40 + 8 + 64, frames.get(0).length, "Ethernet + IPv6 + UDP + payload");
            try (TxRingGenerator generator = TxRingGenerator.open(lab.namespace(NetnsLab.Role.CLIENT),
                lab.clientInterface(), frames))
            {
                final long sentBefore = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface());
                final long arrivedBefore = LinkCounters.rxPackets(lab, NetnsLab.Role.GATEWAY,
                    lab.gatewayIpv6Interface());

                final TxRingGenerator.Sent sent = generator.send(20_000, 5_000);

                assertEquals(5_000, sent.frames());
                // The frame due last falls due at 4999/20000 s: the generator cannot have finished before it.
                assertTrue(sent.nanos() >= 4_999L * 1_000_000_000L / 20_000, "ran ahead: " + sent.nanos() + " ns");
                Thread.sleep(100);
                // Other frames may cross too (router solicitations, MLD): at least ours, and not many more.
                final long onWire = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface()) -
                    sentBefore;
                final long arrived = LinkCounters.rxPackets(lab, NetnsLab.Role.GATEWAY, lab.gatewayIpv6Interface()) -
                    arrivedBefore;
                assertTrue(onWire >= 5_000 && onWire <= 5_010, "client veth sent " + onWire);
                assertEquals(onWire, arrived, "every frame sent reached the gateway's veth");
            }
        }
    }
}

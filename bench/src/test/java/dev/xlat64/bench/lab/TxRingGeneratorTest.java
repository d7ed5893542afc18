package dev.xlat64.bench.lab;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.xlat64.io.afpacket.FrameHandler;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketOptions;
import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.lab.Requirements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's generator on a real veth: every frame it counts left the client and reached the gateway's veth, and it
 * never runs ahead of its rate. No gateway runs: a packet socket on the gateway's veth watches, and the gateway
 * namespace's kernel drops the frames.
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
            final int[] arrivedPerFlow = new int[frames.size()];
            // Watches the gateway's veth for the stream's own frames, byte for byte: stray frames (MLD, router
            // solicitations) may cross too, so the interface counters alone could not tell ours apart. Its frame
            // ring (8192 slots) holds the whole stream until it is read.
            try (PacketSocket watcher = PacketSocket.open(lab.gatewayIpv6Interface(),
                    new PacketSocketOptions().namespace(lab.namespace(NetnsLab.Role.GATEWAY))
                        .tpacketVersion(PacketSocketOptions.TPACKET_V2).rxBlockSizeBytes(1 << 20).rxBlockCount(16));
                TxRingGenerator generator = TxRingGenerator.open(lab.namespace(NetnsLab.Role.CLIENT),
                    lab.clientInterface(), frames))
            {
                final long sentBefore = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface());

                final TxRingGenerator.Sent sent = generator.send(20_000, 5_000);

                assertEquals(5_000, sent.frames());
                // The frame due last falls due at 4999/20000 s: the generator cannot have finished before it.
                assertTrue(sent.nanos() >= 4_999L * 1_000_000_000L / 20_000, "ran ahead: " + sent.nanos() + " ns");
                Thread.sleep(100);
                // Other frames may cross too (router solicitations, MLD): at least ours, and not many more.
                final long onWire = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface()) -
                    sentBefore;
                assertTrue(onWire >= 5_000 && onWire <= 5_010, "client veth sent " + onWire);
                final FrameHandler count = (buffer, offset, length) ->
                {
                    final byte[] frame = new byte[length];
                    buffer.getBytes(offset, frame);
                    for (int flow = 0; flow < frames.size(); flow++)
                    {
                        if (Arrays.equals(frames.get(flow), frame))
                        {
                            arrivedPerFlow[flow]++;
                        }
                    }
                };
                while (watcher.receive(count, 256) > 0)
                {
                    // drain the ring
                }
            }
            // Round-robin over 4 flows: every frame sent reached the gateway's veth, 1250 of each.
            assertArrayEquals(new int[] {1_250, 1_250, 1_250, 1_250}, arrivedPerFlow);
        }
    }
}

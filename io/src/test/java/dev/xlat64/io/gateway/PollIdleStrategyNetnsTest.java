package dev.xlat64.io.gateway;

import java.io.IOException;
import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketOptions;
import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.lab.Requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poll idle strategy on a real AF_PACKET socket: a thread asleep in poll(2) with a 30 s timeout wakes when a
 * frame lands on its TPACKET_V2 RX ring, not when the timeout ends.
 */
class PollIdleStrategyNetnsTest
{
    /** IEEE 802 local experimental EtherType, so the kernels' own ND/MLD frames do not wake the socket. */
    private static final int ETHERTYPE_TEST = 0x88B5;

    @Test
    void shouldWakeFromPollWhenAFrameArrives() throws Exception
    {
        Requirements.requireLab();
        try (NetnsLab lab = NetnsLab.create();
            PacketSocket client = open(lab.clientInterface(), lab.namespace(NetnsLab.Role.CLIENT));
            PacketSocket gateway = open(lab.gatewayIpv6Interface(), lab.namespace(NetnsLab.Role.GATEWAY)))
        {
            final PollIdleStrategy idle = new PollIdleStrategy(
                new int[] {gateway.fileDescriptor()}, 0, 0, 30_000, 1_000);
            final Thread sleeper = new Thread(() -> idle.idle(0), "poll-sleeper");
            sleeper.start();
            Thread.sleep(200); // let it reach poll(2); a frame sent earlier would end the poll at once, also correct
            assertTrue(sleeper.isAlive(), "nothing to read yet: the thread must still be in poll(2)");

            final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
            MacAddress.put(frame, 0, gateway.macAddress());
            MacAddress.put(frame, 6, client.macAddress());
            frame.putShort(12, (short)ETHERTYPE_TEST, ByteOrder.BIG_ENDIAN);
            assertTrue(client.send(frame, 0, 60));
            assertEquals(1, client.flush());

            sleeper.join(10_000);
            assertFalse(sleeper.isAlive(), "the frame must end the 30 s poll(2)");
            assertEquals(1, idle.polls());
            assertTrue(gateway.poll(0), "the frame waits on the ring");
        }
    }

    private static PacketSocket open(final String interfaceName, final String namespace) throws IOException
    {
        return PacketSocket.open(interfaceName, new PacketSocketOptions()
            .tpacketVersion(PacketSocketOptions.TPACKET_V2).protocol(ETHERTYPE_TEST).namespace(namespace));
    }
}

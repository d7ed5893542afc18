package dev.xlat64.core.rfc7915;

import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT6;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER4;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER6;
import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT4;
import static dev.xlat64.core.rfc7915.TestPackets.concat;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.tcp;
import static dev.xlat64.core.rfc7915.TestPackets.udp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.xlat64.core.counters.DropReason;

/**
 * Properties: no input makes the translator throw; every verdict is consistent with what was emitted and counted;
 * everything emitted is well-formed; and 6to4 then 4to6 gives the original packet back (hop limit aside).
 * Plain loops over a seeded {@link SplittableRandom} (the project does not use jqwik), so a failure repeats.
 */
class TranslatorPropertiesTest
{
    private final TranslatorHarness harness = new TranslatorHarness(
        GoldenConfig.builder().amendUdpChecksumZero(true).ipv4MtuBytes(1000).build());

    @Test
    void shouldNeverThrowOnRandomBytes()
    {
        final SplittableRandom random = new SplittableRandom(7915);
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] in = new byte[random.nextInt(161)];
            random.nextBytes(in);
            final boolean ipv6 = random.nextBoolean();
            if (in.length > 0)
            {
                in[0] = (byte)((ipv6 ? 0x60 : 0x45) | (in[0] & 0x0F));
            }
            checkConsistent(ipv6 ? Side.IPV6 : Side.IPV4, in);
        }
    }

    @Test
    void shouldTranslateOrDropMutatedPackets()
    {
        final SplittableRandom random = new SplittableRandom(6052);
        final int[] verdicts = new int[Verdict.values().length];
        for (int i = 0; i < 20_000; i++)
        {
            final byte[] in = validPacket(random);
            final int flips = random.nextInt(5);
            for (int f = 0; f < flips; f++)
            {
                in[random.nextInt(in.length)] ^= (byte)(1 << random.nextInt(8));
            }
            final byte[] cut = random.nextInt(3) != 0 ? in : Arrays.copyOf(in, random.nextInt(in.length + 1));
            checkConsistent((in[0] & 0xF0) == 0x60 ? Side.IPV6 : Side.IPV4, cut);
            verdicts[harness.verdict.ordinal()]++;
        }
        // The mutations reach every outcome, not only early drops.
        assertTrue(verdicts[Verdict.TRANSLATED.ordinal()] > 2_000, Arrays.toString(verdicts));
        assertTrue(verdicts[Verdict.DROPPED.ordinal()] > 2_000, Arrays.toString(verdicts));
        assertTrue(verdicts[Verdict.ICMP_ERROR_SENT.ordinal()] > 50, Arrays.toString(verdicts));
    }

    @Test
    void shouldGiveBackTheOriginalAfter6to4And4to6()
    {
        final SplittableRandom random = new SplittableRandom(7757);
        for (int i = 0; i < 2_000; i++)
        {
            final byte[] data = new byte[random.nextInt(901)];
            random.nextBytes(data);
            roundTrip(1 + random.nextInt(65535), 1 + random.nextInt(65535), data, 3 + random.nextInt(253),
                random.nextInt(3));
        }
    }

    private void roundTrip(
        final int sourcePort, final int destinationPort, final byte[] data, final int hopLimit, final int kind)
    {
        final TestPackets.Segment segment = kind == 0 ? udp(sourcePort, destinationPort, data) :
            kind == 1 ? tcp(sourcePort, destinationPort, 0x18, data) : icmp(58, 128, 0, sourcePort << 16 | destinationPort, data);
        final byte[] original = ipv6(CLIENT6, SERVER6).hopLimit(hopLimit).carrying(segment);
        harness.run(Side.IPV6, original);
        assertEquals(Verdict.TRANSLATED, harness.verdict);
        final byte[] ipv4 = harness.emitted.get(0).bytes();
        assertEquals(0xFFFF, TestPackets.sum(ipv4, 0, 20));
        if (kind != 2)
        {
            // The transport checksum verifies over the IPv4 pseudo-header (independent RFC 1071 loop).
            final int pseudo = TestPackets.pseudo4(Arrays.copyOfRange(ipv4, 12, 16), Arrays.copyOfRange(ipv4, 16, 20),
                ipv4[9] & 0xFF, ipv4.length - 20);
            assertEquals(0xFFFF, TestPackets.fold((long)pseudo + TestPackets.sum(ipv4, 20, ipv4.length - 20)));
        }
        else
        {
            assertEquals(0xFFFF, TestPackets.sum(ipv4, 20, ipv4.length - 20));
        }

        // Back the other way, as if the IPv4 network had looped it to the translator, addresses swapped.
        final byte[] reply = ipv4.clone();
        System.arraycopy(ipv4, 12, reply, 16, 4);
        System.arraycopy(ipv4, 16, reply, 12, 4);
        final byte[] swapped = swapTransportPorts(reply, kind);
        harness.run(Side.IPV4, swapped);
        assertEquals(Verdict.TRANSLATED, harness.verdict, String.valueOf(harness.translator.lastDropReason()));
        final byte[] back = harness.emitted.get(0).bytes();
        final byte[] expected = kind == 2 ?
            ipv6(SERVER6, CLIENT6).hopLimit(hopLimit - 2).carrying(icmp(58, 128, 0, sourcePort << 16 | destinationPort, data)) :
            ipv6(SERVER6, CLIENT6).hopLimit(hopLimit - 2).carrying(kind == 0 ?
                udp(destinationPort, sourcePort, data) : tcp(destinationPort, sourcePort, 0x18, data));
        assertArrayEquals(expected, back);
    }

    private static byte[] swapTransportPorts(final byte[] packet, final int kind)
    {
        if (kind == 2)
        {
            return packet; // echo: identifier stays
        }
        // Swapping the two port words leaves the ones' complement sum, hence the checksum, unchanged.
        final byte[] out = packet.clone();
        System.arraycopy(packet, 20, out, 22, 2);
        System.arraycopy(packet, 22, out, 20, 2);
        return out;
    }

    private static byte[] validPacket(final SplittableRandom random)
    {
        final byte[] payload = new byte[random.nextInt(1401)];
        random.nextBytes(payload);
        final int port = random.nextInt(65536);
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(9).carrying(udp(port, 53, Arrays.copyOf(payload, 30)));
        final byte[] inner4 = ipv4(CLIENT4, SERVER4).carrying(udp(port, 53, Arrays.copyOf(payload, 30)));
        return switch (random.nextInt(10))
        {
            case 0 -> ipv6(CLIENT6, SERVER6).carrying(udp(port, 53, payload));
            case 1 -> ipv6(CLIENT6, SERVER6).fragment(0, true, port).carrying(tcp(port, 80, 2, payload));
            case 2 -> ipv6(CLIENT6, SERVER6).extension(0, 8, 0, 0).carrying(icmp(58, 128, 0, port, payload));
            case 3 -> ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 0, concat(inner6, payload)));
            case 4 -> ipv6(CLIENT6, SERVER6).carrying(icmp(58, 2, 0, 1280, inner6));
            case 5 -> ipv4(SERVER4, CLIENT4).carrying(udp(port, 53, payload));
            case 6 -> ipv4(SERVER4, CLIENT4).moreFragments(true).carrying(tcp(port, 80, 2, payload));
            case 7 -> ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 4, 0, concat(inner4, payload)));
            case 8 -> ipv4(SERVER4, CLIENT4).carrying(icmp(1, 11, 0, 8 << 16, concat(inner4, payload)));
            default -> ipv4(SERVER4, CLIENT4).options(new byte[]{1, 1, 1, 0}).carrying(icmp(1, 8, 0, port, payload));
        };
    }

    private void checkConsistent(final Side side, final byte[] packet)
    {
        final List<TranslatorHarness.Emitted> out = harness.run(side, packet);
        final Verdict verdict = harness.verdict;
        final DropReason reason = harness.translator.lastDropReason();
        switch (verdict)
        {
            case TRANSLATED ->
            {
                assertNull(reason);
                assertTrue(!out.isEmpty());
            }
            case DROPPED ->
            {
                assertNotNull(reason);
                assertTrue(out.isEmpty());
                assertEquals(1L, harness.deltas().get(reason.counterName()));
            }
            case ICMP_ERROR_SENT ->
            {
                assertNotNull(reason);
                assertEquals(1, out.size());
                assertEquals(side, out.get(0).side());
            }
            default -> throw new AssertionError("verdict " + verdict);
        }
        for (final TranslatorHarness.Emitted emitted : out)
        {
            final byte[] bytes = emitted.bytes();
            if (emitted.side() == Side.IPV4)
            {
                assertEquals(0x45, bytes[0] & 0xFF);
                assertEquals(bytes.length, ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
                assertEquals(0xFFFF, TestPackets.sum(bytes, 0, 20));
                assertTrue(bytes.length <= 1000 || (bytes[6] & 0x40) != 0);
            }
            else
            {
                assertEquals(6, (bytes[0] & 0xF0) >>> 4);
                assertEquals(bytes.length - 40, ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
                assertTrue(bytes.length <= 1500);
            }
        }
    }
}

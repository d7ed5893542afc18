package dev.xlat64.core.rfc7915;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;

/**
 * Runs packets through a {@link Translator} the way a worker does (packet after {@link Translator#HEADROOM} bytes
 * of a larger buffer, with bytes after it) and records what comes out and how the counters moved.
 */
public final class TranslatorHarness
{
    /** One emitted packet. */
    public record Emitted(Side side, byte[] bytes)
    {
        @Override
        public String toString()
        {
            return side + " " + HexFormat.of().formatHex(bytes);
        }
    }

    public final Translator translator;
    public final TranslatorCounters counters;
    public final List<Emitted> emitted = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(70_000));
    private final Map<String, Long> before = new TreeMap<>();
    public Verdict verdict;

    public TranslatorHarness(final TranslatorConfig config)
    {
        final CountersManager manager = CounterSet.inMemoryManager(512);
        counters = new TranslatorCounters(manager, "test");
        translator = new Translator(config, counters);
    }

    /** A harness around a translator made elsewhere (e.g. with another address mapper); counters unread. */
    public TranslatorHarness(final Translator translator)
    {
        final CountersManager manager = CounterSet.inMemoryManager(512);
        this.counters = new TranslatorCounters(manager, "unused");
        this.translator = translator;
    }

    public List<Emitted> run(final Side ingress, final byte[] packet)
    {
        emitted.clear();
        snapshot(before);
        final int offset = Translator.HEADROOM + 3; // odd on purpose: nothing may assume alignment
        buffer.setMemory(0, buffer.capacity(), (byte)0x5A);
        buffer.putBytes(offset, packet);
        final PacketSink sink = (side, out, at, length) ->
        {
            final byte[] copy = new byte[length];
            out.getBytes(at, copy);
            emitted.add(new Emitted(side, copy));
        };
        verdict = ingress == Side.IPV6 ?
            translator.translate6to4(buffer, offset, packet.length, sink) :
            translator.translate4to6(buffer, offset, packet.length, sink);
        return emitted;
    }

    /** The counters that changed during the last {@link #run}, by label suffix. */
    public Map<String, Long> deltas()
    {
        final Map<String, Long> now = new TreeMap<>();
        snapshot(now);
        final Map<String, Long> deltas = new TreeMap<>();
        now.forEach((label, value) ->
        {
            final long delta = value - before.getOrDefault(label, 0L);
            if (delta != 0)
            {
                deltas.put(label, delta);
            }
        });
        return deltas;
    }

    private void snapshot(final Map<String, Long> into)
    {
        for (final DropReason reason : DropReason.values())
        {
            into.put(reason.counterName(), counters.get(reason));
        }
        for (final TranslatorOutcome outcome : TranslatorOutcome.values())
        {
            into.put(outcome.counterName(), counters.get(outcome));
        }
    }

    /** Expected counter deltas, e.g. {@code counts("received-6", 1, "translated-6to4", 1)}. */
    public static Map<String, Long> counts(final Object... labelsAndValues)
    {
        final Map<String, Long> map = new TreeMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2)
        {
            map.put((String)labelsAndValues[i], ((Number)labelsAndValues[i + 1]).longValue());
        }
        return map;
    }

    /**
     * Compares an emitted IPv4 packet with the expected one byte for byte, except the Identification of the outer
     * IPv4 header (a generator value, RFC 7915 §5.1) and hence its header checksum, which is verified instead.
     */
    public static void assertIpv4Equals(final byte[] expected, final byte[] actual, final boolean ignoreIdentification)
    {
        final byte[] e = expected.clone();
        final byte[] a = actual.clone();
        final int headerLength = (a.length > 0 ? a[0] & 0x0F : 5) * 4;
        if (a.length >= 20 && TestPackets.sum(a, 0, headerLength) != 0xFFFF)
        {
            fail("IPv4 header checksum does not verify: " + HexFormat.of().formatHex(actual));
        }
        if (ignoreIdentification && a.length >= 20 && e.length >= 20)
        {
            for (final int i : new int[]{4, 5, 10, 11})
            {
                e[i] = 0;
                a[i] = 0;
            }
        }
        assertEquals(HexFormat.of().formatHex(e), HexFormat.of().formatHex(a));
    }

    public static void assertBytes(final byte[] expected, final byte[] actual)
    {
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(actual));
    }
}

package dev.xlat64.io.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.rfc7915.PacketSink;
import dev.xlat64.core.rfc7915.Side;
import dev.xlat64.core.rfc7915.Translator;
import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.core.rfc7915.Verdict;
import dev.xlat64.io.config.ConfigException;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.TranslatorConfigReader;
import dev.xlat64.io.pcap.PcapFormatException;
import dev.xlat64.io.pcap.PcapLinkType;
import dev.xlat64.io.pcap.PcapReader;
import dev.xlat64.io.pcap.PcapRecord;
import dev.xlat64.io.pcap.PcapWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xlat64 translate}: offline translation of a pcap through the same {@link Translator} the gateway runs.
 * IPv6 packets arrive on the IPv6 side, IPv4 packets on the IPv4 side; everything the translator emits
 * (translated packets, fragments, ICMP errors) is written in order to a LINKTYPE_RAW pcap with the input's
 * timestamps. The counters are printed at the end; {@code --explain} prints a line per input packet.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = "Translate the packets of a pcap file (RFC 7915 SIIT) and write what the translator emits.")
public final class TranslateCommand implements Callable<Integer>
{
    private static final int ETHERNET_HEADER = 14;
    private static final int VLAN_TAG = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration (translator keys at top level)")
    Path config;

    @Option(names = "--in", required = true, paramLabel = "IN.pcap", description = "input pcap, LINKTYPE_RAW or LINKTYPE_ETHERNET")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.pcap", description = "output pcap, LINKTYPE_RAW")
    Path out;

    @Option(names = "--explain", description = "print each input packet's verdict and, for a drop, its reason")
    boolean explain;

    @Override
    public Integer call()
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        final TranslatorConfig translatorConfig;
        try
        {
            final ConfigNode root = TranslatorConfigReader.rejectUnknownTopLevelKeys(ConfigNode.load(config));
            translatorConfig = TranslatorConfigReader.read(root);
        }
        catch (final ConfigException ex)
        {
            stderr.println("xlat64 translate: " + ex.getMessage());
            stderr.flush();
            return 1;
        }

        final CountersManager manager = CounterSet.inMemoryManager(1024);
        final TranslatorCounters counters = new TranslatorCounters(manager, "translate");
        final Translator translator = new Translator(translatorConfig, counters);
        final UnsafeBuffer work = new UnsafeBuffer(
            ByteBuffer.allocateDirect(Translator.HEADROOM + PcapReader.MAX_CAPTURED_LENGTH + Translator.TAILROOM + 64));

        long records = 0;
        long skipped = 0;
        long written = 0;
        try (PcapReader reader = PcapReader.open(in); PcapWriter writer = PcapWriter.create(out, PcapLinkType.RAW))
        {
            final int linkType = reader.linkType();
            final Output output = new Output(writer);
            while (reader.next())
            {
                records++;
                final PcapRecord record = reader.record();
                output.timestampNs = record.timestampNs();
                output.count = 0;
                final MutableDirectBuffer data = record.buffer();
                int ip = record.offset();
                int length = record.capturedLength();
                if (linkType == PcapLinkType.ETHERNET)
                {
                    final int etherType = etherTypeAndSkip(data, ip, length);
                    final int l2 = etherType >>> 16;
                    if ((etherType & 0xFFFF) != 0x0800 && (etherType & 0xFFFF) != 0x86DD)
                    {
                        skipped++;
                        explain(stdout, record.number(), "not IPv4 or IPv6 (EtherType 0x" +
                            Integer.toHexString(etherType & 0xFFFF) + "): skipped");
                        continue;
                    }
                    ip += l2;
                    length -= l2;
                }
                final int version = length > 0 ? (data.getByte(ip) & 0xF0) >>> 4 : 0;
                if (version != 4 && version != 6)
                {
                    skipped++;
                    explain(stdout, record.number(), "not an IP packet (version " + version + "): skipped");
                    continue;
                }
                work.putBytes(Translator.HEADROOM, data, ip, length);
                final Verdict verdict = version == 6 ?
                    translator.translate6to4(work, Translator.HEADROOM, length, output) :
                    translator.translate4to6(work, Translator.HEADROOM, length, output);
                if (output.failure != null)
                {
                    throw output.failure;
                }
                written += output.count;
                if (explain)
                {
                    final DropReason reason = translator.lastDropReason();
                    explain(stdout, record.number(), "IPv" + version + " " + length + " bytes: " + verdict +
                        (output.count > 0 ? ", " + output.count + " packet(s) out" : "") +
                        (reason != null ? ", " + reason.counterName() + " (" + reason.description() + ")" : ""));
                }
            }
        }
        catch (final PcapFormatException ex)
        {
            stderr.println("xlat64 translate: " + in + ": record " + ex.recordNumber() + ": " + ex.getMessage());
            stderr.flush();
            return 1;
        }
        catch (final IOException ex)
        {
            stderr.println("xlat64 translate: " + ex.getMessage());
            stderr.flush();
            return 1;
        }

        stdout.println(records + " packets read, " + skipped + " skipped, " + written + " written to " + out);
        for (final TranslatorOutcome outcome : TranslatorOutcome.values())
        {
            if (counters.get(outcome) != 0)
            {
                stdout.println(String.format("  %-36s %d", outcome.counterName(), counters.get(outcome)));
            }
        }
        for (final DropReason reason : DropReason.values())
        {
            if (counters.get(reason) != 0)
            {
                stdout.println(String.format("  %-36s %d", reason.counterName(), counters.get(reason)));
            }
        }
        stdout.flush();
        return 0;
    }

    private void explain(final PrintWriter stdout, final long number, final String line)
    {
        if (explain)
        {
            stdout.println("#" + number + " " + line);
        }
    }

    /**
     * @return the EtherType in the low 16 bits and the link-layer header length in the high 16 (one 802.1Q tag
     *     skipped), or 0 if the frame is too short.
     */
    private static int etherTypeAndSkip(final DirectBuffer frame, final int offset, final int length)
    {
        if (length < ETHERNET_HEADER)
        {
            return 0;
        }
        int etherType = frame.getShort(offset + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        int header = ETHERNET_HEADER;
        if (etherType == 0x8100 && length >= ETHERNET_HEADER + VLAN_TAG)
        {
            etherType = frame.getShort(offset + 16, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            header += VLAN_TAG;
        }
        return header << 16 | etherType;
    }

    private static final class Output implements PacketSink
    {
        private final PcapWriter writer;
        long timestampNs;
        int count;
        IOException failure;

        Output(final PcapWriter writer)
        {
            this.writer = writer;
        }

        @Override
        public void emit(final Side egress, final DirectBuffer buffer, final int offset, final int length)
        {
            try
            {
                writer.write(buffer, offset, length, timestampNs);
                count++;
            }
            catch (final IOException ex)
            {
                failure = ex;
            }
        }
    }
}

package dev.xlat64.io.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

import dev.xlat64.core.counters.PipelineCounter;
import dev.xlat64.io.afpacket.PacketSocketCounter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Turns every counter of a {@link CountersReader} into a Prometheus sample at scrape time (nothing is copied
 * on the data path). Pipeline counters keep their own names ({@code xlat64_rx_packets_total{port,family}});
 * AF_PACKET socket counters become {@code xlat64_socket_<name>_total{port}}; the other counters of the file
 * (the translators') become {@code xlat64_translator_<name>_total{agent}}.
 * The duty-cycle maximum is a gauge; everything else is a counter.
 */
public final class CountersCollector implements MultiCollector
{
    private final CountersReader reader;

    public CountersCollector(final CountersReader reader)
    {
        this.reader = reader;
    }

    @Override
    public MetricSnapshots collect()
    {
        final Map<String, Family> families = new LinkedHashMap<>();
        reader.forEach((value, counterId, label) ->
        {
            final int typeId = reader.getCounterTypeId(counterId);
            final PipelineCounter pipeline = PipelineCounter.byTypeId(typeId);
            final PacketSocketCounter socket = socketCounter(typeId, label);
            final CounterLabel parsed;
            final String help;
            if (pipeline != null)
            {
                parsed = CounterLabel.parse(label);
                help = pipeline.description();
            }
            else if (socket != null)
            {
                parsed = new CounterLabel("socket_" + socket.label(), Map.of(
                    "port", label.substring(0, label.length() - socket.label().length() - 1)));
                help = socket.description();
            }
            else
            {
                final CounterLabel translator = CounterLabel.parse(label);
                parsed = new CounterLabel("translator_" + translator.name(), translator.labels());
                help = "Translator counter " + translator.name() + ".";
            }
            final String name = parsed.metricName();
            final boolean gauge = pipeline == PipelineCounter.DUTY_CYCLE_MAX_NS;
            final Family family = families.computeIfAbsent(name, n -> new Family(gauge, help));
            family.samples.add(new Sample(Labels.of(parsed.labels().keySet().toArray(String[]::new),
                parsed.labels().values().toArray(String[]::new)), value));
        });
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, family) -> snapshots.add(family.snapshot(name)));
        return new MetricSnapshots(snapshots);
    }

    // Socket counters are labelled "<interface>-<entry label>" with a type id of TYPE_ID_BASE + ordinal.
    private static PacketSocketCounter socketCounter(final int typeId, final String label)
    {
        final int ordinal = typeId - PacketSocketCounter.TYPE_ID_BASE;
        if (ordinal < 0 || ordinal >= PacketSocketCounter.values().length)
        {
            return null;
        }
        final PacketSocketCounter counter = PacketSocketCounter.values()[ordinal];
        return label.endsWith("-" + counter.label()) && label.length() > counter.label().length() + 1 ? counter : null;
    }

    private record Sample(Labels labels, long value)
    {
    }

    private static final class Family
    {
        final boolean gauge;
        final String help;
        final List<Sample> samples = new ArrayList<>();

        Family(final boolean gauge, final String help)
        {
            this.gauge = gauge;
            this.help = help;
        }

        MetricSnapshot snapshot(final String name)
        {
            if (gauge)
            {
                final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
                samples.forEach(s -> builder.dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(s.labels()).value(s.value()).build()));
                return builder.build();
            }
            final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
            samples.forEach(s -> builder.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder().labels(s.labels()).value(s.value()).build()));
            return builder.build();
        }
    }
}

package dev.xlat64.io.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

import dev.xlat64.core.counters.PipelineCounter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Turns every counter of a {@link CountersReader} into a Prometheus sample at scrape time (nothing is copied
 * on the data path). Pipeline counters keep their own names ({@code xlat64_rx_packets_total{port,family}});
 * the others are named by their area's type id range and their label {@code "<prefix>.<name>"}:
 * {@code xlat64_socket_<name>_total{port}}, {@code xlat64_neighbor_<name>_total{port}},
 * {@code xlat64_translator_<name>_total{agent}}, {@code xlat64_dns64_<name>_total{agent}},
 * {@code xlat64_dns64_gateway_<name>_total{agent}}.
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
            final CounterLabel parsed;
            final String help;
            if (pipeline != null)
            {
                parsed = CounterLabel.parse(label);
                help = pipeline.description();
            }
            else
            {
                final CounterLabel other = CounterLabel.parse(label);
                final String area = area(typeId);
                final Map<String, String> labels = new LinkedHashMap<>();
                // Socket and neighbor counters are labelled "<interface>.<name>": the prefix is a port.
                other.labels().forEach((k, v) ->
                    labels.put("agent".equals(k) && (area.equals("socket_") || area.equals("neighbor_")) ? "port" : k, v));
                parsed = new CounterLabel(area + other.name(), labels);
                help = "Counter " + other.name() + " (type " + typeId + ").";
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

    /** Metric name prefix by the type id ranges the areas use (see each area's counter enum). */
    static String area(final int typeId)
    {
        if (typeId >= 300 && typeId < 400)
        {
            return "socket_";
        }
        if (typeId >= 400 && typeId < 500)
        {
            return "neighbor_";
        }
        if (typeId >= 900 && typeId < 2000)
        {
            return "translator_";
        }
        if (typeId >= 6400 && typeId < 6500)
        {
            return "dns64_";
        }
        if (typeId >= 6500 && typeId < 6600)
        {
            return "dns64_gateway_"; // the colocated DNS64's packet side (ColocatedDnsCounter)
        }
        return "";
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

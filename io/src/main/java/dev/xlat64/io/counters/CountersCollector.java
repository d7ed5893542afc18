package dev.xlat64.io.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

import dev.xlat64.core.counters.CounterKind;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Turns every counter of a {@link CountersReader} into a Prometheus sample at scrape time (nothing is copied
 * on the data path). Names, HELP and TYPE come from each counter's descriptor ({@link CounterSample}), e.g.
 * {@code xlat64_pipeline_rx_packets_total{port="v6",family="ipv6"}}, {@code xlat64_translator_drop_ttl_exceeded_total{agent="worker-0"}}.
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
        final Map<String, List<CounterSample>> families = new LinkedHashMap<>();
        for (final CounterSample sample : CounterSample.read(reader))
        {
            families.computeIfAbsent(sample.metricName(), n -> new ArrayList<>()).add(sample);
        }
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, samples) -> snapshots.add(snapshot(name, samples)));
        return new MetricSnapshots(snapshots);
    }

    private static MetricSnapshot snapshot(final String name, final List<CounterSample> samples)
    {
        final CounterSample first = samples.get(0);
        if (first.kind() == CounterKind.GAUGE)
        {
            final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(first.help());
            samples.forEach(s -> builder.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels(s)).value(s.value()).build()));
            return builder.build();
        }
        final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(first.help());
        samples.forEach(s -> builder.dataPoint(
            CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels(s)).value(s.value()).build()));
        return builder.build();
    }

    private static Labels labels(final CounterSample sample)
    {
        return Labels.of(sample.labels().keySet().toArray(String[]::new),
            sample.labels().values().toArray(String[]::new));
    }
}

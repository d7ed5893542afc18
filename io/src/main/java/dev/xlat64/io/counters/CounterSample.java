package dev.xlat64.io.counters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterKind;
import dev.xlat64.core.counters.CounterLabel;

/**
 * One counter of the counters file as readers show it: the metric name, kind and sentence from its descriptor
 * (found by type id), the key/value pairs from its label. A counter without a descriptor (a newer version's) is
 * still shown, named from its label; one whose label is not in the xlat64 style becomes
 * {@code xlat64_other_total{label="..."}}.
 *
 * @param scope the group it is shown in, e.g. {@code pipeline}.
 * @param metricName the Prometheus name without {@code _total}, e.g. {@code xlat64_pipeline_rx_packets}.
 * @param kind counter or gauge.
 * @param help the sentence.
 * @param labels the label's key/value pairs, in label order.
 * @param value the value read.
 */
public record CounterSample(
    String scope, String metricName, CounterKind kind, String help, Map<String, String> labels, long value)
{
    /**
     * @return every allocated counter of {@code reader}, in counter id order.
     */
    public static List<CounterSample> read(final CountersReader reader)
    {
        final List<CounterSample> samples = new ArrayList<>();
        reader.forEach((value, counterId, label) ->
            samples.add(of(reader.getCounterTypeId(counterId), label, value)));
        return samples;
    }

    /**
     * @return the sample of one counter with that type id, label and value.
     */
    public static CounterSample of(final int typeId, final String label, final long value)
    {
        final CounterDescriptor descriptor = CounterCatalogue.byTypeId(typeId);
        final CounterLabel parsed = CounterLabel.parse(label);
        if (descriptor != null)
        {
            return new CounterSample(descriptor.scope().scopeName(), descriptor.metricName(), descriptor.kind(),
                descriptor.description(), parsed == null ? Map.of() : parsed.labels(), value);
        }
        if (parsed != null)
        {
            return new CounterSample(parsed.scope(),
                "xlat64_" + (parsed.scope() + "_" + parsed.counterName()).replace('-', '_'), CounterKind.COUNTER,
                "Counter " + parsed.scope() + "." + parsed.counterName() + " (type id " + typeId +
                    ", not described by this version).", parsed.labels(), value);
        }
        return new CounterSample("other", "xlat64_other", CounterKind.COUNTER,
            "Counters whose label is not in the xlat64 style, by label.", Map.of("label", label), value);
    }

    /**
     * @return the name of the Prometheus sample: {@code _total} added to a counter's metric name.
     */
    public String sampleName()
    {
        return kind == CounterKind.COUNTER ? metricName + "_total" : metricName;
    }

    /**
     * @return the sample name with its labels as Prometheus writes a series, in label order, e.g.
     * {@code xlat64_pipeline_rx_packets_total{port="v6",family="ipv6"}}.
     */
    public String series()
    {
        if (labels.isEmpty())
        {
            return sampleName();
        }
        final StringBuilder sb = new StringBuilder(sampleName()).append('{');
        labels.forEach((key, val) -> sb.append(key).append("=\"")
            .append(val.replace("\\", "\\\\").replace("\"", "\\\"")).append("\","));
        sb.setCharAt(sb.length() - 1, '}');
        return sb.toString();
    }
}

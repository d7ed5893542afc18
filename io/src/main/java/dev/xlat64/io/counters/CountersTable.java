package dev.xlat64.io.counters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.xlat64.core.counters.CounterKind;

/**
 * The counters as {@code xlat64 stats} prints them: grouped by scope (in the order the scopes first appear in the
 * file), one line per series with the same name Prometheus shows, its value and, given an earlier reading, its
 * rate per second (not for gauges, whose rate means nothing).
 */
public final class CountersTable
{
    private static final int MIN_NAME_WIDTH = 40;

    private CountersTable()
    {
    }

    /**
     * @param samples the counters read now.
     * @param all true to include counters that are zero.
     * @param previous values by {@link CounterSample#series()} of an earlier reading, or null for no rate column.
     * @param elapsedNs time since that reading.
     * @return the lines, without line ends.
     */
    public static List<String> lines(
        final List<CounterSample> samples, final boolean all, final Map<String, Long> previous, final long elapsedNs)
    {
        final Map<String, List<CounterSample>> byScope = new LinkedHashMap<>();
        int width = MIN_NAME_WIDTH;
        for (final CounterSample sample : samples)
        {
            if (sample.value() != 0 || all)
            {
                byScope.computeIfAbsent(sample.scope(), s -> new ArrayList<>()).add(sample);
                width = Math.max(width, sample.series().length());
            }
        }
        final String format = "  %-" + width + "s %15d";
        final List<String> lines = new ArrayList<>();
        byScope.forEach((scope, rows) ->
        {
            lines.add(scope);
            for (final CounterSample row : rows)
            {
                final String line = String.format(format, row.series(), row.value());
                if (previous != null && row.kind() == CounterKind.COUNTER)
                {
                    final double rate = (row.value() - previous.getOrDefault(row.series(), 0L)) * 1e9 / elapsedNs;
                    lines.add(line + String.format(" %12.1f/s", rate));
                }
                else
                {
                    lines.add(line);
                }
            }
        });
        return lines;
    }
}

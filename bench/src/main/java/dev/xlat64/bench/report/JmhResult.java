package dev.xlat64.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a JMH JSON result file ({@code -rf json}): a benchmark method at one parameter set.
 *
 * @param benchmarkClass        the fully qualified benchmark class.
 * @param method                the benchmark method.
 * @param mode                  JMH mode: avgt, thrpt, sample, ss.
 * @param params                the {@code @Param} values, in the file's order.
 * @param score                 the primary score (the mean over measurement iterations).
 * @param error                 the 99.9 % half-width JMH reports, NaN when there are too few iterations.
 * @param median                the median iteration score (50th percentile).
 * @param best                  the best iteration score: the lowest for time per op, the highest for throughput.
 * @param unit                  the score unit, e.g. ns/op.
 * @param allocatedBytesPerOp   {@code gc.alloc.rate.norm} in B/op, NaN if run without {@code -prof gc}.
 * @param run                   how the benchmark was run.
 */
record JmhResult(
    String benchmarkClass,
    String method,
    String mode,
    Map<String, String> params,
    double score,
    double error,
    double median,
    double best,
    String unit,
    double allocatedBytesPerOp,
    Run run)
{
    /**
     * How a benchmark was run, as JMH records it.
     *
     * @param jmhVersion            JMH version.
     * @param vm                    VM name and version.
     * @param jdkVersion            JDK version.
     * @param jvmArgs               the forked JVM's arguments.
     * @param forks                 forks.
     * @param threads               threads.
     * @param warmupIterations      warm-up iterations.
     * @param warmupTime            time per warm-up iteration, e.g. "1 s".
     * @param measurementIterations measurement iterations.
     * @param measurementTime       time per measurement iteration.
     */
    record Run(
        String jmhVersion,
        String vm,
        String jdkVersion,
        List<String> jvmArgs,
        int forks,
        int threads,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime)
    {
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @param json the file's text: an array of result objects.
     * @return the results in file order.
     * @throws IllegalArgumentException if the text is not JSON or lacks a field JMH always writes.
     */
    static List<JmhResult> parseAll(final String json)
    {
        if (!(Json.parse(json) instanceof List<?> entries))
        {
            throw new IllegalArgumentException("JMH result: expected a JSON array of results");
        }
        final List<JmhResult> results = new ArrayList<>();
        for (final Object entry : entries)
        {
            results.add(of(asMap(entry, "result")));
        }
        return results;
    }

    private static JmhResult of(final Map<String, Object> entry)
    {
        final String benchmark = text(entry, "benchmark");
        final int dot = benchmark.lastIndexOf('.');
        if (dot <= 0)
        {
            throw new IllegalArgumentException("JMH result: benchmark '" + benchmark + "' is not Class.method");
        }
        final Map<String, String> params = new LinkedHashMap<>();
        if (entry.get("params") != null)
        {
            asMap(entry.get("params"), "params").forEach((key, value) -> params.put(key, String.valueOf(value)));
        }
        final Map<String, Object> primary = asMap(entry.get("primaryMetric"), "primaryMetric");
        final String mode = text(entry, "mode");
        final Object percentiles = primary.get("scorePercentiles");
        double median = Double.NaN;
        double best = Double.NaN;
        if (percentiles != null)
        {
            final Map<String, Object> p = asMap(percentiles, "scorePercentiles");
            median = number(p.get("50.0"));
            best = number(p.get("thrpt".equals(mode) ? "100.0" : "0.0"));
        }
        double allocated = Double.NaN;
        if (entry.get("secondaryMetrics") instanceof Map<?, ?> secondary &&
            secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> norm)
        {
            allocated = number(norm.get("score"));
        }
        final List<String> jvmArgs = new ArrayList<>();
        if (entry.get("jvmArgs") instanceof List<?> args)
        {
            args.forEach(arg -> jvmArgs.add(String.valueOf(arg)));
        }
        final Run run = new Run(
            String.valueOf(entry.getOrDefault("jmhVersion", "?")),
            entry.getOrDefault("vmName", "?") + " " + entry.getOrDefault("vmVersion", "?"),
            String.valueOf(entry.getOrDefault("jdkVersion", "?")),
            List.copyOf(jvmArgs),
            (int)number(entry.get("forks")),
            (int)number(entry.get("threads")),
            (int)number(entry.get("warmupIterations")),
            String.valueOf(entry.get("warmupTime")),
            (int)number(entry.get("measurementIterations")),
            String.valueOf(entry.get("measurementTime")));
        return new JmhResult(
            benchmark.substring(0, dot),
            benchmark.substring(dot + 1),
            mode,
            params,
            number(primary.get("score")),
            number(primary.get("scoreError")),
            median,
            best,
            text(primary, "scoreUnit"),
            allocated,
            run);
    }

    /** JMH writes a number, or the string "NaN" (e.g. the error of a single iteration). */
    private static double number(final Object value)
    {
        if (value instanceof Double d)
        {
            return d;
        }
        if (value instanceof String s)
        {
            try
            {
                return Double.parseDouble(s);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("JMH result: expected a number, got \"" + s + "\"", ex);
            }
        }
        if (value == null)
        {
            return Double.NaN;
        }
        throw new IllegalArgumentException("JMH result: expected a number, got " + value);
    }

    private static String text(final Map<String, Object> map, final String key)
    {
        if (!(map.get(key) instanceof String s))
        {
            throw new IllegalArgumentException("JMH result: missing text field '" + key + "'");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(final Object value, final String what)
    {
        if (!(value instanceof Map<?, ?> map))
        {
            throw new IllegalArgumentException("JMH result: expected an object for '" + what + "'");
        }
        return (Map<String, Object>)map;
    }
}

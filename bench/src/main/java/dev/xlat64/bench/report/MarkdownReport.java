package dev.xlat64.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders JMH results as the Markdown summary committed beside the JSON in perf-reports/ (format in
 * perf-reports/README.md): a run header, one table per benchmark class with a row per method and parameter
 * set (score, error, median, allocation per op), and a speed-up table per requested {@link Ratio}.
 */
final class MarkdownReport
{
    /**
     * A speed-up line: how many times faster {@code candidate} is than {@code baseline}.
     *
     * @param candidate the method whose speed-up is reported.
     * @param baseline  the method it is compared with.
     */
    record Ratio(String candidate, String baseline)
    {
    }

    private MarkdownReport()
    {
    }

    /**
     * @param title   the report's name (the file name without extension).
     * @param results the results in file order, not empty.
     * @param ratios  the ratios to show, by fully qualified benchmark class.
     * @param command the command that regenerates the report, or null.
     * @param machine a description of the machine the run was made on, or null.
     * @return the Markdown text.
     */
    static String render(
        final String title,
        final List<JmhResult> results,
        final Map<String, List<Ratio>> ratios,
        final String command,
        final String machine)
    {
        if (results.isEmpty())
        {
            throw new IllegalArgumentException("no JMH results to report");
        }
        final StringBuilder out = new StringBuilder();
        out.append("# Benchmark report: ").append(title).append("\n\n");
        if (command != null)
        {
            out.append("Regenerate: `").append(command).append("` (see README.md).\n\n");
        }
        final JmhResult.Run run = results.get(0).run();
        out.append("| run | |\n|---|---|\n");
        if (machine != null)
        {
            out.append("| machine | ").append(machine).append(" |\n");
        }
        out.append("| JVM | ").append(run.vm()).append(" (JDK ").append(run.jdkVersion()).append(") |\n");
        out.append("| JMH | ").append(run.jmhVersion()).append(": ")
            .append(run.forks()).append(" fork(s), ")
            .append(run.warmupIterations()).append(" × ").append(run.warmupTime()).append(" warm-up, ")
            .append(run.measurementIterations()).append(" × ").append(run.measurementTime()).append(" measurement, ")
            .append(run.threads()).append(" thread(s) |\n");
        out.append("| JVM args | `").append(String.join(" ", run.jvmArgs())).append("` |\n");

        final Map<String, List<JmhResult>> byClass = new LinkedHashMap<>();
        for (final JmhResult result : results)
        {
            byClass.computeIfAbsent(result.benchmarkClass(), key -> new ArrayList<>()).add(result);
        }
        byClass.forEach((benchmarkClass, classResults) ->
            renderClass(out, benchmarkClass, classResults, ratios.getOrDefault(benchmarkClass, List.of())));
        return out.toString();
    }

    private static void renderClass(
        final StringBuilder out, final String benchmarkClass, final List<JmhResult> results, final List<Ratio> ratios)
    {
        out.append("\n## ").append(benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1)).append("\n\n");
        final List<String> paramNames = new ArrayList<>(results.get(0).params().keySet());
        // Rows grouped by parameter set (in the order the run met them), methods side by side within a set.
        final Set<Map<String, String>> paramSets = new LinkedHashSet<>();
        final Set<String> methods = new LinkedHashSet<>();
        for (final JmhResult result : results)
        {
            paramSets.add(result.params());
            methods.add(result.method());
        }

        out.append("| method |");
        paramNames.forEach(name -> out.append(' ').append(name).append(" |"));
        out.append(" mode | score | ± error | median | best | unit | alloc B/op |\n|---|");
        paramNames.forEach(name -> out.append("---:|"));
        out.append("---|---:|---:|---:|---:|---|---:|\n");
        for (final Map<String, String> params : paramSets)
        {
            for (final String method : methods)
            {
                final JmhResult result = find(results, method, params);
                if (result == null)
                {
                    continue;
                }
                out.append("| ").append(method).append(" |");
                paramNames.forEach(name -> out.append(' ').append(params.get(name)).append(" |"));
                out.append(' ').append(result.mode())
                    .append(" | ").append(format(result.score()))
                    .append(" | ").append(format(result.error()))
                    .append(" | ").append(format(result.median()))
                    .append(" | ").append(format(result.best()))
                    .append(" | ").append(result.unit())
                    .append(" | ").append(formatBytes(result.allocatedBytesPerOp()))
                    .append(" |\n");
            }
        }

        for (final Ratio ratio : ratios)
        {
            out.append("\n### ").append(ratio.candidate()).append(" vs ").append(ratio.baseline())
                .append(" (speed-up = how many times faster ").append(ratio.candidate()).append(" is)\n\n|");
            paramNames.forEach(name -> out.append(' ').append(name).append(" |"));
            out.append(' ').append(ratio.baseline()).append(" | ").append(ratio.candidate())
                .append(" | speed-up | best vs best |\n|");
            paramNames.forEach(name -> out.append("---:|"));
            out.append("---:|---:|---:|---:|\n");
            for (final Map<String, String> params : paramSets)
            {
                final JmhResult baseline = find(results, ratio.baseline(), params);
                final JmhResult candidate = find(results, ratio.candidate(), params);
                if (baseline == null || candidate == null)
                {
                    continue;
                }
                out.append('|');
                paramNames.forEach(name -> out.append(' ').append(params.get(name)).append(" |"));
                out.append(' ').append(format(baseline.score())).append(' ').append(baseline.unit())
                    .append(" | ").append(format(candidate.score())).append(' ').append(candidate.unit())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2fx", speedUp(candidate, baseline)))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2fx", bestSpeedUp(candidate, baseline)))
                    .append(" |\n");
            }
        }
    }

    /** Time per operation: lower is faster; throughput: higher is faster. */
    static double speedUp(final JmhResult candidate, final JmhResult baseline)
    {
        return "thrpt".equals(candidate.mode()) ?
            candidate.score() / baseline.score() : baseline.score() / candidate.score();
    }

    /** The same from the best iteration of each: the least disturbed by other work on a shared machine. */
    static double bestSpeedUp(final JmhResult candidate, final JmhResult baseline)
    {
        return "thrpt".equals(candidate.mode()) ?
            candidate.best() / baseline.best() : baseline.best() / candidate.best();
    }

    private static JmhResult find(final List<JmhResult> results, final String method, final Map<String, String> params)
    {
        for (final JmhResult result : results)
        {
            if (result.method().equals(method) && result.params().equals(params))
            {
                return result;
            }
        }
        return null;
    }

    static String format(final double value)
    {
        if (Double.isNaN(value))
        {
            return "–";
        }
        final double magnitude = Math.abs(value);
        final String pattern = magnitude >= 1000 ? "%.0f" : magnitude >= 100 ? "%.1f" : magnitude >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String formatBytes(final double bytes)
    {
        return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, bytes >= 1000 ? "%.0f" : "%.3f", bytes);
    }
}

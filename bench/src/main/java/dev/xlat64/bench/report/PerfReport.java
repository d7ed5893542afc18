package dev.xlat64.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JMH JSON result file into the Markdown report beside it (perf-reports/README.md describes both).
 *
 * <pre>
 * PerfReport RESULT.json REPORT.md [--command "how to regenerate"] [--machine "what it ran on"]
 *            [--ratio Class:candidate:baseline]... [--notes NOTES.md]
 * </pre>
 *
 * Speed-up tables come from {@link ReportRatio} annotations on the benchmark classes (found on the class path)
 * and from {@code --ratio} options. A hand-written notes file (the reading of the figures, kept across runs) is
 * appended under "Notes". {@code scripts/bench} runs JMH and then this.
 */
public final class PerfReport
{
    private PerfReport()
    {
    }

    /**
     * @param args see the class comment.
     * @throws IOException if the JSON cannot be read or the Markdown cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        try
        {
            run(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("PerfReport: " + ex.getMessage());
            System.exit(2);
        }
    }

    static void run(final String[] args) throws IOException
    {
        if (args.length < 2)
        {
            throw new IllegalArgumentException(
                "usage: PerfReport RESULT.json REPORT.md [--command TEXT] [--machine TEXT] " +
                "[--ratio Class:candidate:baseline]... [--notes FILE]");
        }
        final Path input = Path.of(args[0]);
        final Path output = Path.of(args[1]);
        String command = null;
        String machine = null;
        String notes = null;
        final Map<String, List<MarkdownReport.Ratio>> ratios = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--command" -> command = value;
                case "--machine" -> machine = value;
                case "--notes" -> notes = Files.readString(Path.of(value), StandardCharsets.UTF_8);
                case "--ratio" ->
                {
                    final String[] parts = value.split(":");
                    if (parts.length != 3)
                    {
                        throw new IllegalArgumentException(
                            "--ratio must be Class:candidate:baseline (e.g. dev.xlat64.bench.ChecksumBenchmark:vector:scalar), got " +
                            value);
                    }
                    ratios.computeIfAbsent(parts[0], key -> new ArrayList<>())
                        .add(new MarkdownReport.Ratio(parts[1], parts[2]));
                }
                default -> throw new IllegalArgumentException(
                    "unknown option " + args[i] + "; expected --command, --machine, --ratio or --notes");
            }
        }

        final List<JmhResult> results = JmhResult.parseAll(Files.readString(input, StandardCharsets.UTF_8));
        for (final JmhResult result : results)
        {
            final List<MarkdownReport.Ratio> declared = declaredRatios(result.benchmarkClass());
            final List<MarkdownReport.Ratio> list = ratios.computeIfAbsent(result.benchmarkClass(), key -> new ArrayList<>());
            declared.stream().filter(ratio -> !list.contains(ratio)).forEach(list::add);
        }
        final String title = output.getFileName().toString().replaceFirst("\\.md$", "");
        String markdown = MarkdownReport.render(title, results, ratios, command, machine);
        if (notes != null)
        {
            markdown += "\n## Notes\n\n" + notes.strip() + "\n";
        }
        Files.writeString(output, markdown, StandardCharsets.UTF_8);
    }

    /** The {@link ReportRatio}s on a benchmark class, or none if the class is not on the class path. */
    static List<MarkdownReport.Ratio> declaredRatios(final String benchmarkClass)
    {
        try
        {
            final Class<?> type = Class.forName(benchmarkClass, false, PerfReport.class.getClassLoader());
            final List<MarkdownReport.Ratio> ratios = new ArrayList<>();
            for (final ReportRatio ratio : type.getAnnotationsByType(ReportRatio.class))
            {
                ratios.add(new MarkdownReport.Ratio(ratio.candidate(), ratio.baseline()));
            }
            return ratios;
        }
        catch (final ClassNotFoundException ex)
        {
            return List.of();
        }
    }
}

package dev.xlat64.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report generator on a small hand-written JMH result file, compared line by line. */
class PerfReportTest
{
    private static final String RUN_FIELDS = """
        "jmhVersion" : "1.37", "mode" : "avgt", "threads" : 1, "forks" : 1,
        "jvm" : "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
        "jvmArgs" : [ "--add-modules=jdk.incubator.vector", "-Dagrona.disable.bounds.checks=true" ],
        "jdkVersion" : "25.0.3", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "25.0.3+9-LTS",
        "warmupIterations" : 3, "warmupTime" : "1 s", "warmupBatchSize" : 1,
        "measurementIterations" : 5, "measurementTime" : "1 s", "measurementBatchSize" : 1,
        """;

    private static final String RESULTS = "[" +
        entry("slow", "20", "10.0", "0.5", "9.9", "9.0", "1.0E-4") + "," +
        entry("fast", "20", "8.0", "0.25", "8.1", "6.0", "0.0") + "," +
        entry("slow", "1500", "400.04", "\"NaN\"", "401.5", "390", "0.0021") + "," +
        entry("fast", "1500", "50.0", "1.5", "49.75", "39", "2048.0") + "]";

    @Test
    void shouldRenderTableAndDeclaredSpeedUpFromJmhJson(@TempDir final Path dir) throws IOException
    {
        final Path json = dir.resolve("sample.json");
        final Path md = dir.resolve("sample.md");
        Files.writeString(json, RESULTS);

        PerfReport.run(new String[]{
            json.toString(), md.toString(), "--command", "scripts/bench sample Sample", "--machine", "test box"});

        assertEquals(List.of(
            "# Benchmark report: sample",
            "",
            "Regenerate: `scripts/bench sample Sample` (see README.md).",
            "",
            "| run | |",
            "|---|---|",
            "| machine | test box |",
            "| JVM | OpenJDK 64-Bit Server VM 25.0.3+9-LTS (JDK 25.0.3) |",
            "| JMH | 1.37: 1 fork(s), 3 × 1 s warm-up, 5 × 1 s measurement, 1 thread(s) |",
            "| JVM args | `--add-modules=jdk.incubator.vector -Dagrona.disable.bounds.checks=true` |",
            "",
            "## SampleBenchmark",
            "",
            "| method | memory | size | mode | score | ± error | median | best | unit | alloc B/op |",
            "|---|---:|---:|---|---:|---:|---:|---:|---|---:|",
            "| slow | direct | 20 | avgt | 10.00 | 0.500 | 9.900 | 9.000 | ns/op | 0.000 |",
            "| fast | direct | 20 | avgt | 8.000 | 0.250 | 8.100 | 6.000 | ns/op | 0.000 |",
            "| slow | direct | 1500 | avgt | 400.0 | – | 401.5 | 390.0 | ns/op | 0.002 |",
            "| fast | direct | 1500 | avgt | 50.00 | 1.500 | 49.75 | 39.00 | ns/op | 2048 |",
            "",
            "### fast vs slow (speed-up = how many times faster fast is)",
            "",
            "| memory | size | slow | fast | speed-up | best vs best |",
            "|---:|---:|---:|---:|---:|---:|",
            "| direct | 20 | 10.00 ns/op | 8.000 ns/op | 1.25x | 1.50x |",
            "| direct | 1500 | 400.0 ns/op | 50.00 ns/op | 8.00x | 10.00x |"),
            Files.readAllLines(md));
    }

    @Test
    void shouldAddRatiosGivenOnTheCommandLine(@TempDir final Path dir) throws IOException
    {
        final Path json = dir.resolve("r.json");
        final Path md = dir.resolve("r.md");
        Files.writeString(json, RESULTS);

        PerfReport.run(new String[]{
            json.toString(), md.toString(), "--ratio", "dev.xlat64.bench.report.SampleBenchmark:slow:fast"});

        final String text = Files.readString(md);
        assertTrue(text.contains("### slow vs fast"), text);
        assertTrue(text.contains("| direct | 1500 | 50.00 ns/op | 400.0 ns/op | 0.12x | 0.10x |"), text);
        assertTrue(text.contains("### fast vs slow"), "the declared ratio stays: " + text);
    }

    @Test
    void shouldAppendTheNotesFile(@TempDir final Path dir) throws IOException
    {
        final Path json = dir.resolve("n.json");
        final Path md = dir.resolve("n.md");
        final Path notes = dir.resolve("n.notes.md");
        Files.writeString(json, RESULTS);
        Files.writeString(notes, "Fast wins from 20 bytes.\n\n");

        PerfReport.run(new String[]{json.toString(), md.toString(), "--notes", notes.toString()});

        final List<String> lines = Files.readAllLines(md);
        assertEquals(List.of("", "## Notes", "", "Fast wins from 20 bytes."), lines.subList(lines.size() - 4, lines.size()));
    }

    @Test
    void shouldCountHigherThroughputAsFaster()
    {
        final JmhResult.Run run = new JmhResult.Run("1.37", "vm", "25", List.of(), 1, 1, 1, "1 s", 1, "1 s");
        final JmhResult baseline =
            new JmhResult("C", "a", "thrpt", Map.of(), 100, 1, 100, 110, "ops/us", Double.NaN, run);
        final JmhResult candidate =
            new JmhResult("C", "b", "thrpt", Map.of(), 300, 1, 300, 440, "ops/us", Double.NaN, run);

        assertEquals(3.0, MarkdownReport.speedUp(candidate, baseline));
        assertEquals(4.0, MarkdownReport.bestSpeedUp(candidate, baseline));
    }

    @Test
    void shouldShowMissingAllocationAsDash()
    {
        assertEquals("–", MarkdownReport.formatBytes(Double.NaN));
        assertEquals("0.000", MarkdownReport.formatBytes(1.0E-5));
        assertEquals("13512", MarkdownReport.formatBytes(13512.012));
        assertEquals("1268", MarkdownReport.format(1268.4));
    }

    @Test
    void shouldRejectBadOptionsWithTheOffendingValue(@TempDir final Path dir) throws IOException
    {
        final Path json = dir.resolve("x.json");
        Files.writeString(json, RESULTS);

        final IllegalArgumentException badRatio = assertThrows(IllegalArgumentException.class, () ->
            PerfReport.run(new String[]{json.toString(), dir.resolve("x.md").toString(), "--ratio", "vector:scalar"}));
        assertTrue(badRatio.getMessage().contains("got vector:scalar"), badRatio.getMessage());

        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () ->
            PerfReport.run(new String[]{json.toString(), dir.resolve("x.md").toString(), "--colour", "red"}));
        assertTrue(unknown.getMessage().contains("unknown option --colour"), unknown.getMessage());
    }

    @Test
    void shouldRejectAResultWithoutABenchmarkName()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () ->
            JmhResult.parseAll("[{\"mode\": \"avgt\"}]"));
        assertEquals("JMH result: missing text field 'benchmark'", ex.getMessage());
    }

    private static String entry(
        final String method,
        final String size,
        final String score,
        final String error,
        final String median,
        final String min,
        final String allocated)
    {
        return "{ \"benchmark\" : \"dev.xlat64.bench.report.SampleBenchmark." + method + "\", " + RUN_FIELDS +
            "\"params\" : { \"memory\" : \"direct\", \"size\" : \"" + size + "\" }, " +
            "\"primaryMetric\" : { \"score\" : " + score + ", \"scoreError\" : " + error + ", " +
            "\"scoreConfidence\" : [ 0.0, 0.0 ], \"scorePercentiles\" : { \"0.0\" : " + min + ", \"50.0\" : " +
            median + ", \"100.0\" : 999.0 }, \"scoreUnit\" : \"ns/op\", \"rawData\" : [ [ 1.0, 2.0 ] ] }, " +
            "\"secondaryMetrics\" : { \"gc.alloc.rate\" : { \"score\" : 0.5, \"scoreError\" : 0.1, " +
            "\"scoreUnit\" : \"MB/sec\" }, \"gc.alloc.rate.norm\" : { \"score\" : " + allocated +
            ", \"scoreError\" : 0.0, \"scoreUnit\" : \"B/op\" } } }";
    }
}

package dev.xlat64.bench.report;

/** Stands in for a benchmark class in the report tests: only its annotation is read. */
@ReportRatio(candidate = "fast", baseline = "slow")
final class SampleBenchmark
{
    private SampleBenchmark()
    {
    }
}

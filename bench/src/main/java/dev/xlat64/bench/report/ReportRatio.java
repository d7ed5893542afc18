package dev.xlat64.bench.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link PerfReport} for a ratio line per parameter set: how many times faster the {@code candidate}
 * benchmark method is than the {@code baseline} method of the same class (for time-per-op modes
 * baseline score / candidate score, for throughput candidate / baseline). Put it on the benchmark class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ReportRatio.List.class)
public @interface ReportRatio
{
    /**
     * @return the method whose speed-up is reported.
     */
    String candidate();

    /**
     * @return the method it is compared with.
     */
    String baseline();

    /** Container of repeated {@link ReportRatio}s. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List
    {
        /**
         * @return the ratios.
         */
        ReportRatio[] value();
    }
}

package dev.xlat64.core.counters;

/**
 * How a counter's value behaves, which decides how readers show it (Prometheus {@code TYPE}, rates in
 * {@code xlat64 stats --watch}).
 */
public enum CounterKind
{
    /** Only ever grows (events, packets, bytes); exported as a Prometheus counter, {@code <name>_total}. */
    COUNTER,
    /** A level that may go up and down (a maximum, a size); exported as a Prometheus gauge, {@code <name>}. */
    GAUGE
}

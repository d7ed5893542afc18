package dev.xlat64.core.counters;

import java.util.Locale;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * What one kind of counter is: every counter enum of every area implements this (after Aeron's
 * {@code SystemCounterDescriptor}), and every counter in the counters file is allocated through
 * {@link #newCounter} or {@link CounterSet}, so the file holds one label style only.
 * <p>
 * <b>Label style</b>: {@code <scope>.<counter-name>{key=value,key=value}}, the braces left out when there are no
 * keys, e.g. {@code pipeline.rx-packets{port=v6,family=ipv6}}, {@code translator.drop-hop-limit-exceeded{agent=worker-0}},
 * {@code dns64-gateway.diverted}. {@link CounterLabel} writes and parses it. Keys are Prometheus label names
 * ({@code [a-z][a-z0-9_]*}); values are non-empty and hold none of {@code {},=} or white space.
 * <p>
 * <b>Type ids</b> are stable and lie in the range {@link CounterScope} assigns to the scope (the one table of
 * ranges). Readers find a counter's descriptor by its type id; they never guess from the range.
 * <p>
 * <b>Writers</b>: a counter has one writing thread, which uses the release forms ({@code incrementRelease()},
 * {@code getAndAddRelease()}, {@code setRelease()}); a counter that several threads write says so in its
 * holder and uses the atomic forms.
 * <p>
 * The counter's name is {@link #counterName()}, not {@code name()}: enums implement this interface and
 * {@code Enum.name()} is final; by default the counter name is made from the constant's name.
 */
public interface CounterDescriptor
{
    /**
     * @return the Agrona counter type id, stable across versions, inside {@link #scope()}'s range.
     */
    int typeId();

    /**
     * @return the area the counter belongs to; the first word of its label and of its metric name.
     */
    CounterScope scope();

    /**
     * @return the enum constant's name ({@code Enum.name()}), e.g. {@code RX_PACKETS}.
     */
    String name();

    /**
     * @return lower-case words joined by {@code -}, unique in the scope, e.g. {@code rx-packets}; by default
     * {@link #name()} in lower case with {@code _} turned into {@code -}.
     */
    default String counterName()
    {
        return counterNameOf(name());
    }

    /**
     * @return one sentence saying what is counted (the Prometheus HELP text).
     */
    String description();

    /**
     * @return whether the value only grows (the default) or is a level.
     */
    default CounterKind kind()
    {
        return CounterKind.COUNTER;
    }

    /**
     * @return the Prometheus metric name without the {@code _total} suffix, e.g. {@code xlat64_pipeline_rx_packets}.
     */
    default String metricName()
    {
        return "xlat64_" + snake(scope().scopeName()) + "_" + snake(counterName());
    }

    /**
     * @param keyValues key, value, key, value, ...
     * @return this counter's label with those keys, e.g. {@code pipeline.rx-packets{port=v6,family=ipv6}}.
     * @throws IllegalArgumentException when a key or value breaks the label style.
     */
    default String label(final String... keyValues)
    {
        return CounterLabel.format(this, keyValues);
    }

    /**
     * Allocates one counter of this kind, labelled with {@code keyValues}: the one place counters are made.
     *
     * @param manager where the counter lives.
     * @param keyValues key, value, key, value, ...
     * @return the counter.
     */
    default AtomicCounter newCounter(final CountersManager manager, final String... keyValues)
    {
        return manager.newCounter(label(keyValues), typeId());
    }

    /**
     * @return {@code constantName} in lower case with {@code _} turned into {@code -}: the counter name an enum
     * constant gets unless it says otherwise.
     */
    static String counterNameOf(final String constantName)
    {
        return constantName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String snake(final String words)
    {
        return words.replace('-', '_');
    }
}
